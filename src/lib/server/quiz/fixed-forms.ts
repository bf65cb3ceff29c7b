/**
 * Fixed forms (issue 11, point 7): an assignment with "same questions for the whole class" stores, per quiz,
 * the questions its first start drew, and every attempt under it (retakes included) gets those questions in
 * its own order (draw.ts, drawFromForm). Only the set and the form's order are stored here; each attempt keeps
 * its own ids and orders, so grading, reviews and the held-keys rule (./held-keys.ts) read attempts as before.
 */
import type { Kysely } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';

type Tx = Kysely<Database>;

async function storedForm(tx: Tx, assignmentId: string, quizId: string): Promise<string[] | null> {
	const row = await tx
		.selectFrom('assignment_forms')
		.select('question_ids')
		.where('assignment_id', '=', assignmentId)
		.where('quiz_id', '=', quizId)
		.executeTakeFirst();
	return row ? (JSON.parse(row.question_ids) as string[]) : null;
}

/**
 * The assignment's form for this quiz, fixed now from `draw()` if no start has fixed it yet. Call it inside
 * the start's transaction. Two first starts at once agree: on PostgreSQL the second insert waits for the
 * first to commit and then does nothing (primary key), and the read after it sees the stored row; on SQLite
 * write transactions run one at a time.
 */
export async function ensureAssignmentForm(
	tx: Tx,
	{
		assignmentId,
		quizId,
		draw,
		now
	}: { assignmentId: string; quizId: string; draw: () => string[]; now: Date }
): Promise<string[]> {
	const existing = await storedForm(tx, assignmentId, quizId);
	if (existing) return existing;
	await tx
		.insertInto('assignment_forms')
		.values({
			assignment_id: assignmentId,
			quiz_id: quizId,
			question_ids: JSON.stringify(draw()),
			created_at: now.toISOString()
		})
		.onConflict((oc) => oc.columns(['assignment_id', 'quiz_id']).doNothing())
		.execute();
	const stored = await storedForm(tx, assignmentId, quizId);
	if (!stored) throw new Error('ensureAssignmentForm: the form was neither stored nor found');
	return stored;
}

/** The stored forms of one quiz under the given assignments, by assignment id (for item analysis). */
export async function assignmentForms(
	db: Db,
	{ assignmentIds, quizId }: { assignmentIds: readonly string[]; quizId: string }
): Promise<Map<string, string[]>> {
	if (assignmentIds.length === 0) return new Map();
	const rows = await db.kysely
		.selectFrom('assignment_forms')
		.select(['assignment_id', 'question_ids'])
		.where('assignment_id', 'in', assignmentIds)
		.where('quiz_id', '=', quizId)
		.execute();
	return new Map(rows.map((r) => [r.assignment_id, JSON.parse(r.question_ids) as string[]]));
}
