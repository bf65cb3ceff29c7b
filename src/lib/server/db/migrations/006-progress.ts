import type { Kysely } from 'kysely';

/**
 * Progress review (issue 6): spaced-review cards for missed items, a log of reviews, and the indexes the
 * progress and analytics queries group by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('review_cards')
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('module_id', 'text', (c) => c.notNull())
		// The missed item (quiz question or lesson check); a practice variant may be shown in its place.
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('origin', 'text', (c) => c.notNull())
		// When the miss happened (the attempt's submission or the lesson answer).
		.addColumn('missed_at', 'text', (c) => c.notNull())
		.addColumn('card', 'text', (c) => c.notNull())
		.addColumn('due_at', 'text', (c) => c.notNull())
		.addColumn('reps', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('review_cards_pk', ['learner_id', 'module_id', 'question_id'])
		.execute();
	await db.schema
		.createIndex('review_cards_due')
		.on('review_cards')
		.columns(['learner_id', 'due_at'])
		.execute();

	await db.schema
		.createTable('review_log')
		.addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id').onDelete('cascade'))
		.addColumn('module_id', 'text', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull())
		// The card's rep count before this review: with the card's key it makes a replayed post a no-op.
		.addColumn('rep', 'integer', (c) => c.notNull())
		.addColumn('shown_question_id', 'text', (c) => c.notNull())
		.addColumn('response', 'text')
		.addColumn('score', 'double precision', (c) => c.notNull())
		.addColumn('reviewed_at', 'text', (c) => c.notNull())
		.addColumn('next_due_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('review_log_pk', ['learner_id', 'module_id', 'question_id', 'rep'])
		.execute();

	// Analytics: attempts by quiz (item analysis, dashboard) and by learner; answers by question.
	await db.schema
		.createIndex('quiz_attempts_quiz')
		.on('quiz_attempts')
		.columns(['module_id', 'quiz_id', 'status'])
		.execute();
	await db.schema.createIndex('quiz_attempts_learner').on('quiz_attempts').columns(['learner_id']).execute();
	await db.schema.createIndex('quiz_answers_question').on('quiz_answers').columns(['question_id']).execute();
	await db.schema
		.createIndex('lesson_events_type')
		.on('lesson_events')
		.columns(['learner_id', 'type'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('lesson_events_type').execute();
	await db.schema.dropIndex('quiz_answers_question').execute();
	await db.schema.dropIndex('quiz_attempts_learner').execute();
	await db.schema.dropIndex('quiz_attempts_quiz').execute();
	await db.schema.dropTable('review_log').execute();
	await db.schema.dropTable('review_cards').execute();
}
