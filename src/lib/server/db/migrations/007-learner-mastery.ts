import type { Kysely } from 'kysely';

/**
 * Class mastery at scale (issue 6): the dashboard read every answer of every student on each render (a
 * window over 60,000 rows took 160–400 ms). Mastery per learner and objective is now kept in a table,
 * refreshed for one learner in the transaction that grades their attempt or records their lesson check, and
 * rebuilt whole when the question → objective map or the mastery rule changes (server/effects/mastery-index.ts).
 *
 * - question_objectives: the content index's question → objective map, mirrored so SQL can join on it.
 * - learner_mastery: per learner, module and objective, the weighted score over the last RECENT answers.
 * - derived_state: the fingerprint each derived table was built from, so start-up knows when to rebuild.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('question_objectives')
		.addColumn('module_id', 'text', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('objective', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('question_objectives_pk', ['module_id', 'question_id'])
		.execute();

	await db.schema
		.createTable('learner_mastery')
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('module_id', 'text', (c) => c.notNull())
		.addColumn('objective', 'text', (c) => c.notNull())
		// Weighted mean 0–1 of the counted answers; answers and quiz_answers may be fractional when answers
		// recorded at the same instant straddle the RECENT boundary (they count in proportion).
		.addColumn('score', 'double precision', (c) => c.notNull())
		.addColumn('answers', 'double precision', (c) => c.notNull())
		.addColumn('quiz_answers', 'double precision', (c) => c.notNull())
		.addPrimaryKeyConstraint('learner_mastery_pk', ['learner_id', 'module_id', 'objective'])
		.execute();

	await db.schema
		.createTable('derived_state')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('fingerprint', 'text', (c) => c.notNull())
		.addColumn('built_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('derived_state').execute();
	await db.schema.dropTable('learner_mastery').execute();
	await db.schema.dropTable('question_objectives').execute();
}
