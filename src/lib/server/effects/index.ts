/**
 * What quiz and lesson events set off elsewhere: the one door from the writers (quiz attempts, lesson
 * progress, learner merges) to the tables other parts read (assignment_work for the class pages,
 * learner_mastery for the dashboard). Each runs inside the caller's transaction, so the effect commits or
 * rolls back with the write that caused it, and the writer's exactly-once claim makes the effect happen once.
 *
 * This folder imports nothing from quiz/, lessons/, classes/ or progress/ (ARCHITECTURE.md): the writers
 * call down into it, the readers read the tables it keeps.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, QuizAttemptTable } from '$lib/server/db/schema';
import { reportAttemptGraded, reportAttemptRescored, reportAttemptStarted } from './assignment-reports';
import { refreshLearnerMastery } from './mastery-index';

type Tx = Kysely<Database>;
type Attempt = Selectable<QuizAttemptTable>;

/** A quiz attempt was inserted: an assignment attempt marks the student's work as started. */
export async function onAttemptStarted(tx: Tx, attempt: Attempt): Promise<void> {
	if (attempt.assignment_id) await reportAttemptStarted(tx, attempt);
}

/** A quiz attempt was graded: its assignment takes the score and lateness, the learner's mastery the answers. */
export async function onAttemptGraded(tx: Tx, attempt: Attempt): Promise<void> {
	if (attempt.assignment_id) await reportAttemptGraded(tx, attempt);
	await refreshLearnerMastery(tx, attempt.learner_id);
}

/**
 * A graded attempt's answers were re-scored (an instructor's override or undo, a regrade): its assignment
 * takes the best score again and the learner's mastery is recomputed from the answers as they now stand.
 */
export async function onAttemptRescored(tx: Tx, attempt: Attempt): Promise<void> {
	if (attempt.assignment_id) await reportAttemptRescored(tx, attempt);
	await refreshLearnerMastery(tx, attempt.learner_id);
}

/** A lesson saved answered checks: they count toward the learner's mastery at lesson weight. */
export async function onLessonChecksAnswered(tx: Tx, learnerId: string): Promise<void> {
	await refreshLearnerMastery(tx, learnerId);
}

/** An anonymous learner's rows moved into an account: the account's mastery is recomputed from all of them. */
export async function onLearnersMerged(tx: Tx, into: string): Promise<void> {
	await refreshLearnerMastery(tx, into);
}
