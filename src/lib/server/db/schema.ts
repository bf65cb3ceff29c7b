/**
 * Table types for Kysely. Conventions that keep one query layer portable across SQLite and PostgreSQL:
 * timestamps are ISO 8601 text (UTC, sortable), booleans are integers 0/1, JSON is text.
 * Each feature adds its tables here and a migration in ./migrations.
 */
export interface LearnerTable {
	/** Public id used in foreign keys; never sent as a credential. */
	id: string;
	/** SHA-256 of the cookie token, so a leaked database does not hand out sessions. */
	token_hash: string;
	/** The account this learner belongs to, once signed in (anonymous progress merges into it). */
	user_id: string | null;
	created_at: string;
	last_seen_at: string;
}

/** One row per learner and lesson: the saved place (persisted machine snapshot) and where it is. */
export interface LessonProgressTable {
	learner_id: string;
	module_id: string;
	lesson_id: string;
	/** A fresh id each time the learner starts the lesson from the beginning. */
	run_id: string;
	/** The machine version the snapshot belongs to. */
	version: number;
	/** The persisted snapshot, JSON. */
	snapshot: string;
	/** 1-based step on the lesson's main path, and the number of steps. */
	step: number;
	steps: number;
	/** 1 when the snapshot is the lesson's final state. */
	done: number;
	started_at: string;
	updated_at: string;
	/** First time the learner finished the lesson (kept across restarts). */
	completed_at: string | null;
}

export type LessonEventType = 'check.answered' | 'remediation.taken' | 'lesson.completed';

/** Append-only log of what happened in lessons, for progress review. */
export interface LessonEventTable {
	learner_id: string;
	/** Chosen by the client, so a replayed save records each event once. */
	event_id: string;
	module_id: string;
	lesson_id: string;
	run_id: string;
	type: LessonEventType;
	step_id: string | null;
	item_id: string | null;
	/** The response as submitted, JSON (check.answered). */
	response: string | null;
	/** As graded on the server, never as claimed by the browser (check.answered). */
	correct: number | null;
	score: number | null;
	/** Every check passed with at most one remediation (lesson.completed), from the stored answers. */
	mastered: number | null;
	created_at: string;
	/** Position within one save, so events recorded in the same millisecond keep their order. */
	batch_seq: number;
}

export interface Database {
	learners: LearnerTable;
	lesson_progress: LessonProgressTable;
	lesson_events: LessonEventTable;
}
