/**
 * The per-student summary of work on an assignment, which the status columns read. Lessons and quizzes
 * report into it when the work was started from an assignment: recordStarted() on the first start,
 * recordSubmitted() on every submission (by the student or by the server at a deadline). Both are
 * idempotent: replaying a report changes nothing more. Call them inside the caller's transaction (they
 * read, then write).
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

export async function recordStarted(
	db: Kysely<Database>,
	{ assignmentId, userId, at }: { assignmentId: string; userId: string; at: string }
): Promise<void> {
	await db
		.insertInto('assignment_work')
		.values({
			assignment_id: assignmentId,
			user_id: userId,
			started_at: at,
			submitted_at: null,
			late: 0,
			score: null,
			updated_at: at
		})
		.onConflict((oc) => oc.columns(['assignment_id', 'user_id']).doNothing())
		.execute();
}

/**
 * Counts a submission: the first on-time one sets the status to submitted (a late one to late, until an
 * on-time one comes, e.g. within a later extension); the score kept is the best.
 */
export async function recordSubmitted(
	db: Kysely<Database>,
	{
		assignmentId,
		userId,
		at,
		late,
		score
	}: { assignmentId: string; userId: string; at: string; late: boolean; score: number | null }
): Promise<void> {
	await recordStarted(db, { assignmentId, userId, at });
	const row = await db
		.selectFrom('assignment_work')
		.selectAll()
		.where('assignment_id', '=', assignmentId)
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	const replaceSubmission = row.submitted_at === null || (row.late === 1 && !late);
	const best = row.score === null ? score : score === null ? row.score : Math.max(row.score, score);
	await db
		.updateTable('assignment_work')
		.set({
			submitted_at: replaceSubmission ? at : row.submitted_at,
			late: replaceSubmission ? (late ? 1 : 0) : row.late,
			score: best,
			started_at: row.started_at !== null && row.started_at < at ? row.started_at : at,
			updated_at: at
		})
		.where('assignment_id', '=', assignmentId)
		.where('user_id', '=', userId)
		.execute();
}
