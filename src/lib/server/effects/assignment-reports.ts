/**
 * How quiz attempts started from an assignment move the assignment's work record (status, score). Called
 * by the quiz code inside its own transactions ($lib/server/quiz/attempts.ts): when an assignment attempt
 * starts, and when one is graded — by the student's submit, or by the server at the deadline. Grading
 * happens exactly once per attempt (a conditional UPDATE claims it), so each report happens once.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, QuizAttemptTable } from '$lib/server/db/schema';
import { recordStarted, recordSubmitted } from './assignment-work';

type Tx = Kysely<Database>;
type Attempt = Selectable<QuizAttemptTable>;

async function accountOf(tx: Tx, learnerId: string): Promise<string | null> {
	const row = await tx
		.selectFrom('learners')
		.select('user_id')
		.where('id', '=', learnerId)
		.executeTakeFirst();
	return row?.user_id ?? null;
}

export async function reportAttemptStarted(tx: Tx, attempt: Attempt): Promise<void> {
	if (!attempt.assignment_id) return;
	const [userId, assignment] = await Promise.all([
		accountOf(tx, attempt.learner_id),
		tx.selectFrom('assignments').select('kind').where('id', '=', attempt.assignment_id).executeTakeFirst()
	]);
	if (!userId || assignment?.kind !== 'quiz') return;
	await recordStarted(tx, { assignmentId: attempt.assignment_id, userId, at: attempt.started_at });
}

const fraction = (a: Pick<Attempt, 'score' | 'max_score'>) =>
	a.max_score ? (a.score ?? 0) / a.max_score : 0;

/**
 * A quiz assignment records the attempt's score (best kept) and lateness. (Whole-module assignments are
 * derived when read, from the attempts themselves: $lib/server/classes/derived-work.ts.)
 */
export async function reportAttemptGraded(tx: Tx, attempt: Attempt): Promise<void> {
	const assignmentId = attempt.assignment_id;
	if (!assignmentId || !attempt.submitted_at) return;
	const [userId, assignment] = await Promise.all([
		accountOf(tx, attempt.learner_id),
		tx.selectFrom('assignments').select('kind').where('id', '=', assignmentId).executeTakeFirst()
	]);
	if (!userId || assignment?.kind !== 'quiz') return;
	const late = attempt.due_at !== null && attempt.submitted_at > attempt.due_at;
	await recordSubmitted(tx, {
		assignmentId,
		userId,
		at: attempt.submitted_at,
		late,
		score: fraction(attempt)
	});
}

/**
 * A graded attempt's score changed afterwards (an instructor's override, a regrade): the assignment's score
 * becomes the best of the student's graded attempts under it again, computed afresh, since the best kept so
 * far may be the attempt that just went down. Status, lateness and dates stay as the submission set them.
 */
export async function reportAttemptRescored(tx: Tx, attempt: Attempt): Promise<void> {
	const assignmentId = attempt.assignment_id;
	if (!assignmentId) return;
	const [userId, assignment] = await Promise.all([
		accountOf(tx, attempt.learner_id),
		tx.selectFrom('assignments').select('kind').where('id', '=', assignmentId).executeTakeFirst()
	]);
	if (!userId || assignment?.kind !== 'quiz') return;
	const attempts = await tx
		.selectFrom('quiz_attempts as a')
		.innerJoin('learners as l', 'l.id', 'a.learner_id')
		.select(['a.score', 'a.max_score'])
		.where('a.assignment_id', '=', assignmentId)
		.where('l.user_id', '=', userId)
		.where('a.status', '=', 'graded')
		.execute();
	if (attempts.length === 0) return;
	await tx
		.updateTable('assignment_work')
		.set({ score: Math.max(...attempts.map(fraction)) })
		.where('assignment_id', '=', assignmentId)
		.where('user_id', '=', userId)
		.execute();
}
