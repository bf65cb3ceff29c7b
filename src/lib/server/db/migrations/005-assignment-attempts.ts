import type { Kysely } from 'kysely';

/**
 * Quiz attempts started from an assignment (issue 5, with quizzes from issue 4): which assignment, whether
 * the due date closes the attempt (refuse-late) or only marks it late (accept-late), and when an
 * after-due review opens (the last due date in the class, extensions included).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('quiz_attempts')
		.addColumn('assignment_id', 'text', (c) => c.references('assignments.id').onDelete('set null'))
		.execute();
	await db.schema
		.alterTable('quiz_attempts')
		.addColumn('accept_late', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('quiz_attempts').addColumn('review_opens_at', 'text').execute();
	await db.schema
		.createIndex('quiz_attempts_assignment_id')
		.on('quiz_attempts')
		.column('assignment_id')
		.execute();
	// The sweeper looks for open attempts only.
	await db.schema.createIndex('quiz_attempts_status').on('quiz_attempts').column('status').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('quiz_attempts_status').execute();
	await db.schema.dropIndex('quiz_attempts_assignment_id').execute();
	for (const column of ['review_opens_at', 'accept_late', 'assignment_id'])
		await db.schema.alterTable('quiz_attempts').dropColumn(column).execute();
}
