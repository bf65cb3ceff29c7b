/**
 * Table types for Kysely. Conventions that keep one query layer portable across SQLite and PostgreSQL:
 * timestamps are ISO 8601 text (UTC, sortable), booleans are integers 0/1, JSON is text.
 * Each feature adds its tables here and a migration in ./migrations.
 */
import type { Generated } from 'kysely';

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

/** One attempt at a quiz: what was drawn (reproducible from seed + ids + orders) and how it ended. */
export interface QuizAttemptTable {
	id: string;
	learner_id: string;
	module_id: string;
	quiz_id: string;
	/** 1, 2, … per learner and quiz; unique, so a parallel second start cannot exceed the limit. */
	number: number;
	status: 'open' | 'graded';
	seed: number;
	/** JSON string[]: the drawn question ids, in the order shown. */
	question_ids: string;
	/** JSON { [questionId]: { options?|items?|left?|right?: string[] } }: the per-attempt shuffles. */
	orders: string;
	/** The blueprint's rules, copied at start so an edit to the blueprint cannot change a running attempt. */
	feedback: 'immediate' | 'on-submit' | 'after-due';
	pass_mark: number;
	time_limit_minutes: number | null;
	started_at: string;
	/** Set by assignments (a later issue); review under `after-due` opens after due_at + extension. */
	due_at: string | null;
	/** Extra minutes on both the time limit and the due date (accommodations). */
	extension_minutes: number;
	submitted_at: string | null;
	/** Why it was graded: the learner submitted, or time / the due date ran out and saved answers were graded. */
	submit_reason: 'learner' | 'time-limit' | 'due-date' | null;
	score: number | null;
	max_score: number | null;
	/** 0/1 */
	passed: number | null;
	/** The assignment this attempt was started from (issue 5), or null for self-study. */
	assignment_id: string | null;
	/** 1 when the assignment accepts late work: due_at then marks the submission late instead of closing it. */
	accept_late: number;
	/** Under after-due feedback, when the review opens (the class's last due date); null = due_at + extension. */
	review_opens_at: string | null;
}

/** One learner answer per attempt and question, upserted by autosave; the verdict is written at grading. */
export interface QuizAnswerTable {
	attempt_id: string;
	question_id: string;
	/** JSON of the response, or null when cleared. */
	response: string | null;
	/** Client revision: a save with a revision not above the stored one is ignored (out-of-order autosave). */
	revision: number;
	saved_at: string;
	/** Set when the answer was checked under the `immediate` policy; the answer is locked from then on. */
	checked_at: string | null;
	score: number | null;
	/** JSON Verdict, written when graded: the grader's own score stays here when an instructor overrides. */
	verdict: string | null;
	/** The current instructor override (migration 009): its comment, who and when; all null when none. */
	override_comment: string | null;
	overridden_by: string | null;
	overridden_at: string | null;
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

/**
 * `check.repeated`: a later answer to an item already answered at that step in that run (kept in the log,
 * counted nowhere: one answer per run, step and item counts toward mastery).
 */
export type LessonEventType = 'check.answered' | 'check.repeated' | 'remediation.taken' | 'lesson.completed';

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
	/** null = each quiz's own setting. */
	attempts_allowed: number | null;
	/** null = each quiz's own setting. */
	time_limit_minutes: number | null;
	feedback_policy: FeedbackPolicy;
	late_policy: LatePolicy;
	/** 1: every student gets the same questions (the assignment's fixed form), each in their own order. */
	same_questions: Generated<number>;
	created_at: string;
	updated_at: string;
}

/** The form a same-questions assignment fixed for one of its quizzes (migration 011). */
export interface AssignmentFormTable {
	assignment_id: string;
	quiz_id: string;
	/** JSON array of question ids, in the form's order. */
	question_ids: string;
	created_at: string;
}

export interface AssignmentExtensionTable {
	assignment_id: string;
	user_id: string;
	/** The student's own due date; replaces the assignment's when later. */
	due_at: string;
	created_at: string;
}

/** One row per student per assignment: what lessons and quizzes report (see $lib/server/effects/assignment-work.ts). */
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

/** A missed item's spaced-review card (issue 6): one per learner and missed question, FSRS state as JSON. */
export interface ReviewCardTable {
	learner_id: string;
	module_id: string;
	question_id: string;
	origin: 'quiz' | 'lesson';
	missed_at: string;
	/** JSON StoredCard (src/lib/server/progress/review-schedule.ts). */
	card: string;
	/** The card's due date, in its own column for "how many are due" queries. */
	due_at: string;
	reps: number;
	created_at: string;
	updated_at: string;
}

/** One review of a card: what was shown, the response and score, and the next due date. */
export interface ReviewLogTable {
	learner_id: string;
	module_id: string;
	question_id: string;
	rep: number;
	shown_question_id: string;
	response: string | null;
	score: number;
	reviewed_at: string;
	next_due_at: string;
}

/** The content's question → objective map, mirrored for SQL (server/effects/mastery-index.ts). */
export interface QuestionObjectiveTable {
	module_id: string;
	question_id: string;
	objective: string;
}

/** Mastery per learner, module and objective, kept current on every graded attempt and lesson check. */
export interface LearnerMasteryTable {
	learner_id: string;
	module_id: string;
	objective: string;
	score: number;
	answers: number;
	quiz_answers: number;
}

/** The fingerprint a derived table was last built from. */
export interface DerivedStateTable {
	name: string;
	fingerprint: string;
	built_at: string;
}

/** One instructor reset of a student's password (migration 008). */
export interface PasswordResetTable {
	id: string;
	user_id: string;
	/** null once the instructor's account is deleted; by_name keeps who it was. */
	by_user_id: string | null;
	by_name: string;
	class_id: string | null;
	class_name: string;
	at: string;
}

/** Every change to a graded answer's score (migration 009): rows are only ever added. */
export interface ScoreChangeTable {
	id: string;
	attempt_id: string;
	question_id: string;
	kind: ScoreChangeKind;
	old_score: number;
	new_score: number;
	comment: string | null;
	/** Who changed it (null: the regrade command, or an account since deleted); by_name says who it was. */
	by_user_id: string | null;
	by_name: string;
	regrade_id: string | null;
	at: string;
}
export type ScoreChangeKind = 'override' | 'undo' | 'regrade';

/** One regrade under changed content (migration 009). The lists are JSON (see $lib/server/quiz/regrade.ts). */
export interface RegradeRunTable {
	id: string;
	at: string;
	by_user_id: string | null;
	by_name: string;
	/** The class whose attempts it covered, or null for every attempt (the command). */
	class_id: string | null;
	questions: string;
	attempts: string;
	/** Overridden answers whose grading changed: reported, left as the instructor set them. */
	kept: string;
}

export interface Database {
	learners: LearnerTable;
	quiz_attempts: QuizAttemptTable;
	quiz_answers: QuizAnswerTable;
	lesson_progress: LessonProgressTable;
	lesson_events: LessonEventTable;
	users: UserTable;
	sessions: SessionTable;
	sign_in_failures: SignInFailureTable;
	classes: ClassTable;
	class_members: ClassMemberTable;
	assignments: AssignmentTable;
	assignment_extensions: AssignmentExtensionTable;
	assignment_forms: AssignmentFormTable;
	assignment_work: AssignmentWorkTable;
	review_cards: ReviewCardTable;
	review_log: ReviewLogTable;
	question_objectives: QuestionObjectiveTable;
	learner_mastery: LearnerMasteryTable;
	derived_state: DerivedStateTable;
	password_resets: PasswordResetTable;
	score_changes: ScoreChangeTable;
	regrade_runs: RegradeRunTable;
}
