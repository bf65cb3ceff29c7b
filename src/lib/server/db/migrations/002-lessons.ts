import type { Kysely } from 'kysely';

/**
 * Lesson progress: one row per learner and lesson holding the persisted snapshot (for resume), and an
 * append-only log of lesson events (check answered, remediation taken, lesson completed) for progress review.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('lesson_progress')
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('module_id', 'text', (c) => c.notNull())
		.addColumn('lesson_id', 'text', (c) => c.notNull())
		.addColumn('run_id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('snapshot', 'text', (c) => c.notNull())
		.addColumn('step', 'integer', (c) => c.notNull())
		.addColumn('steps', 'integer', (c) => c.notNull())
		.addColumn('done', 'integer', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('completed_at', 'text')
		.addPrimaryKeyConstraint('lesson_progress_pk', ['learner_id', 'module_id', 'lesson_id'])
		.execute();

	await db.schema
		.createTable('lesson_events')
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('event_id', 'text', (c) => c.notNull())
		.addColumn('module_id', 'text', (c) => c.notNull())
		.addColumn('lesson_id', 'text', (c) => c.notNull())
		.addColumn('run_id', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('step_id', 'text')
		.addColumn('item_id', 'text')
		.addColumn('response', 'text')
		.addColumn('correct', 'integer')
		.addColumn('score', 'real')
		.addColumn('mastered', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		// Position within one save, so events recorded in the same millisecond keep their order.
		.addColumn('batch_seq', 'integer', (c) => c.notNull())
		// The client's event id makes a replayed save (after a lost response, or when back online) a no-op.
		.addPrimaryKeyConstraint('lesson_events_pk', ['learner_id', 'event_id'])
		.execute();
	await db.schema
		.createIndex('lesson_events_run')
		.on('lesson_events')
		.columns(['learner_id', 'module_id', 'lesson_id', 'run_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('lesson_events').execute();
	await db.schema.dropTable('lesson_progress').execute();
}
