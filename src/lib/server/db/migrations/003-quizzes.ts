import { sql, type Kysely } from 'kysely';

/** Quiz attempts and their answers (issue 4). Double precision for scores: PostgreSQL `real` is 4 bytes. */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('quiz_attempts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('module_id', 'text', (c) => c.notNull())
		.addColumn('quiz_id', 'text', (c) => c.notNull())
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'graded')`))
		.addColumn('seed', 'integer', (c) => c.notNull())
		.addColumn('question_ids', 'text', (c) => c.notNull())
		.addColumn('orders', 'text', (c) => c.notNull())
		.addColumn('feedback', 'text', (c) => c.notNull())
		.addColumn('pass_mark', 'integer', (c) => c.notNull())
		.addColumn('time_limit_minutes', 'integer')
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('due_at', 'text')
		.addColumn('extension_minutes', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('submitted_at', 'text')
		.addColumn('submit_reason', 'text')
		.addColumn('score', 'double precision')
		.addColumn('max_score', 'integer')
		.addColumn('passed', 'integer')
		.addUniqueConstraint('quiz_attempts_number', ['learner_id', 'module_id', 'quiz_id', 'number'])
		.execute();

	await db.schema
		.createTable('quiz_answers')
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('quiz_attempts.id').onDelete('cascade'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('response', 'text')
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('saved_at', 'text', (c) => c.notNull())
		.addColumn('checked_at', 'text')
		.addColumn('score', 'double precision')
		.addColumn('verdict', 'text')
		.addPrimaryKeyConstraint('quiz_answers_pk', ['attempt_id', 'question_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('quiz_answers').execute();
	await db.schema.dropTable('quiz_attempts').execute();
}
