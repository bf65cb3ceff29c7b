/**
 * How quiz attempts started from an assignment move the assignment's work record (status, score). Called
 * by the quiz code inside its own transactions ($lib/server/quiz/attempts.ts): when an assignment attempt
 * starts, and when one is graded — by the student's submit, or by the server at the deadline. Grading
 * happens exactly once per attempt (a conditional UPDATE claims it), so each report happens once.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Database, QuizAttemptTable } from '$lib/server/db/schema';
import { recordStarted, recordSubmitted, setWork } from './work';

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
	const userId = await accountOf(tx, attempt.learner_id);
	if (!userId) return;
	await recordStarted(tx, { assignmentId: attempt.assignment_id, userId, at: attempt.started_at });
}

const fraction = (a: Pick<Attempt, 'score' | 'max_score'>) =>
	a.max_score ? (a.score ?? 0) / a.max_score : 0;

/**
 * A quiz assignment: the attempt's score (best kept) and lateness. A whole-module assignment counts as
 * submitted once every quiz of the module has a graded attempt under it; its score is the mean of the best
 * per quiz done so far, and it is late if that last quiz came after the student's due date.
 */
export async function reportAttemptGraded(tx: Tx, content: ContentIndex, attempt: Attempt): Promise<void> {
	const assignmentId = attempt.assignment_id;
	if (!assignmentId || !attempt.submitted_at) return;
	const [userId, assignment] = await Promise.all([
		accountOf(tx, attempt.learner_id),
		tx
			.selectFrom('assignments')
			.select(['kind', 'module_id'])
			.where('id', '=', assignmentId)
			.executeTakeFirst()
	]);
	if (!userId || !assignment) return;
	const late = attempt.due_at !== null && attempt.submitted_at > attempt.due_at;
	if (assignment.kind !== 'module') {
		await recordSubmitted(tx, {
			assignmentId,
			userId,
			at: attempt.submitted_at,
			late,
			score: fraction(attempt)
		});
		return;
	}
	const quizIds = content.module(assignment.module_id)?.quizzes.map((q) => q.id) ?? [];
	const graded = await tx
		.selectFrom('quiz_attempts')
		.selectAll()
		.where('assignment_id', '=', assignmentId)
		.where('learner_id', '=', attempt.learner_id)
		.where('status', '=', 'graded')
		.execute();
	const best = new Map<string, number>();
	for (const a of graded) best.set(a.quiz_id, Math.max(best.get(a.quiz_id) ?? 0, fraction(a)));
	const done = quizIds.filter((id) => best.has(id));
	const complete = quizIds.length > 0 && done.length === quizIds.length;
	// The mean over the quizzes done so far; "Quizzes done" beside it says how far along that is.
	const mean = done.length ? done.reduce((sum, id) => sum + best.get(id)!, 0) / done.length : null;
	await setWork(tx, {
		assignmentId,
		userId,
		at: attempt.submitted_at,
		submitted: complete,
		late,
		score: mean === null ? null : Math.round(mean * 10_000) / 10_000
	});
}
