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

// Accounts and classes (issue 5). Roles, policies and kinds are checked strings; see $lib/server/auth and
// $lib/server/classes for the allowed values.
export type Role = 'student' | 'instructor';

export interface UserTable {
	id: string;
	/** Lower-case, unique; what people sign in with (school students often have no email). */
	username: string;
	display_name: string;
	role: Role;
	/** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url): the parameters travel with the hash. */
	password_hash: string;
	/** 1 for accounts an instructor created with a generated password, until the student picks their own. */
	must_change_password: number;
	created_at: string;
	password_changed_at: string;
}

export interface SessionTable {
	/** SHA-256 of the cookie token: a leaked database does not hand out sessions. */
	id: string;
	user_id: string;
	created_at: string;
	/** Idle expiry counts from here (updated at most every few minutes). */
	last_seen_at: string;
	/** Absolute expiry: the session ends then, however active. */
	expires_at: string;
}

export interface SignInFailureTable {
	id: string;
	/** `user:<username>` or `ip:<address>`. */
	key: string;
	at: string;
}

export interface ClassTable {
	id: string;
	name: string;
	instructor_id: string;
	/** Normalised `XXXX-XXXX`, unique; regenerating it invalidates the old one. */
	join_code: string;
	created_at: string;
}

export interface ClassMemberTable {
	class_id: string;
	user_id: string;
	joined_at: string;
}

export type AssignmentKind = 'module' | 'lesson' | 'quiz';
/** The quiz vocabulary (quiz blueprints use the same words): when a student sees keys and scores. */
export type FeedbackPolicy = 'immediate' | 'on-submit' | 'after-due';
export type LatePolicy = 'accept' | 'refuse';

export interface AssignmentTable {
	id: string;
	class_id: string;
	module_id: string;
	kind: AssignmentKind;
	/** The lesson or quiz id within the module; null for the whole module. */
	target_id: string | null;
	opens_at: string;
	due_at: string;
	/** null = unlimited. */
	attempts_allowed: number | null;
	/** null = untimed. */
	time_limit_minutes: number | null;
	feedback_policy: FeedbackPolicy;
	late_policy: LatePolicy;
	created_at: string;
	updated_at: string;
}

export interface AssignmentExtensionTable {
	assignment_id: string;
	user_id: string;
	/** The student's own due date; replaces the assignment's when later. */
	due_at: string;
	created_at: string;
}

/** One row per student per assignment: what lessons and quizzes report (see $lib/server/classes/work.ts). */
export interface AssignmentWorkTable {
	assignment_id: string;
	user_id: string;
	started_at: string | null;
	submitted_at: string | null;
	/** 1 when the counted submission came after the student's due date. */
	late: number;
	/** 0..1, the best counted score; null until something is graded. */
	score: number | null;
	updated_at: string;
}

export interface Database {
	learners: LearnerTable;
	users: UserTable;
	sessions: SessionTable;
	sign_in_failures: SignInFailureTable;
	classes: ClassTable;
	class_members: ClassMemberTable;
	assignments: AssignmentTable;
	assignment_extensions: AssignmentExtensionTable;
	assignment_work: AssignmentWorkTable;
}
