/**
 * When an attempt closes and when its review opens, on the server clock. Pure: callers pass `now`
 * (event.locals.now in routes), so tests never sleep.
 */
import type { QuizAttemptTable } from '$lib/server/db/schema';

/** Saves and a submit that were in flight when time ran out still count for this long. */
export const GRACE_MS = 5_000;
/** The timer warns this long before the attempt closes. */
export const WARNING_MS = 5 * 60_000;

type Timing = Pick<QuizAttemptTable, 'started_at' | 'time_limit_minutes' | 'due_at' | 'extension_minutes'> &
	/** Absent on self-study rows built in tests: 0. */
	Partial<Pick<QuizAttemptTable, 'accept_late'>>;

const MINUTE = 60_000;

/** The end of the time limit (including the attempt's extension), or null without a limit. */
export function timeLimitEnds(a: Timing): Date | null {
	if (a.time_limit_minutes === null) return null;
	return new Date(Date.parse(a.started_at) + (a.time_limit_minutes + a.extension_minutes) * MINUTE);
}

/** The due date including the attempt's extension, or null without one. */
export function dueEnds(a: Pick<Timing, 'due_at' | 'extension_minutes'>): Date | null {
	if (a.due_at === null) return null;
	return new Date(Date.parse(a.due_at) + a.extension_minutes * MINUTE);
}

export interface Closing {
	at: Date;
	reason: 'time-limit' | 'due-date';
}

/**
 * Whichever comes first of the time limit and the due date. Under an assignment that accepts late work
 * the due date does not close the attempt (the submission is marked late instead).
 */
export function closing(a: Timing): Closing | null {
	const limit = timeLimitEnds(a);
	const due = a.accept_late === 1 ? null : dueEnds(a);
	if (limit && (!due || limit <= due)) return { at: limit, reason: 'time-limit' };
	if (due) return { at: due, reason: 'due-date' };
	return null;
}

/** Whether the attempt still takes answers at `now` (the grace covers saves in flight at the deadline). */
export function acceptsWork(a: Timing, now: Date): boolean {
	const c = closing(a);
	return !c || now.getTime() <= c.at.getTime() + GRACE_MS;
}

/**
 * Whether a graded attempt's review (keys, explanations, score) may be shown. Under `after-due` it opens
 * at the due date plus extension; an attempt without a due date (self-study) has nothing to wait for.
 */
export function reviewOpen(
	a: Pick<QuizAttemptTable, 'status' | 'feedback' | 'due_at' | 'extension_minutes'> &
		Partial<Pick<QuizAttemptTable, 'review_opens_at'>>,
	now: Date
): boolean {
	if (a.status !== 'graded') return false;
	if (a.feedback !== 'after-due') return true;
	const opens = reviewOpensAt(a);
	return !opens || now >= opens;
}

/**
 * When an after-due review opens: the assignment's release time (the last due date in the class, so a
 * classmate with an extension cannot be handed the key), else the attempt's due date plus extension.
 */
export function reviewOpensAt(
	a: Pick<QuizAttemptTable, 'due_at' | 'extension_minutes'> &
		Partial<Pick<QuizAttemptTable, 'review_opens_at'>>
): Date | null {
	return a.review_opens_at ? new Date(a.review_opens_at) : dueEnds(a);
}
