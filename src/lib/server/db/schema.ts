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

export interface Database {
	learners: LearnerTable;
}
