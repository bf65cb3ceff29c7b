/**
 * What the lesson player sends the server after each transition: the persisted snapshot (for resume) and
 * the lesson events that happened since the last save. Types only; the server validates the real thing
 * (src/lib/server/lessons/progress-request.ts).
 */
export type ProgressEvent =
	/** The server re-grades `response` with the same grade() before recording correct or not. */
	| { id: string; type: 'check.answered'; step: string; item: string; response: unknown }
	| { id: string; type: 'remediation.taken'; step: string }
	| { id: string; type: 'lesson.completed' };

export interface ProgressRequest {
	version: number;
	/** Which run of the lesson (a fresh id each time the student starts from the beginning). */
	run: string;
	snapshot: unknown;
	events: ProgressEvent[];
}

export interface ProgressResponse {
	step: number;
	steps: number;
	done: boolean;
	/** The server's grading of each check answer in this save. */
	graded: { id: string; item: string; correct: boolean }[];
	/**
	 * Set when the save completed the lesson: every check passed with at most one remediation, from the
	 * server's stored answers of this run.
	 */
	passed?: boolean;
}

/** Random ids that work on plain http too (crypto.randomUUID needs a secure context). */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
