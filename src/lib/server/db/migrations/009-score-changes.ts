import { sql, type Kysely } from 'kysely';

/**
 * Overrides and regrades (issue 11, point 2). Nothing changes a score silently:
 *
 * - quiz_answers.score stays the score everything reads (mastery, the grid, item analysis, the CSVs); the
 *   grader's own score stays in quiz_answers.verdict. An instructor's override sets the three override_*
 *   columns (the current override: its comment, who, when); undoing it clears them and puts the grader's
 *   score back.
 * - score_changes keeps every change to an answer's score, never edited: an override, an undo, or a regrade
 *   under changed content, with the score before and after, the comment, who and when.
 * - regrade_runs records each regrade: when, who (null: the `npm run regrade` command), the class it covered
 *   (null: every attempt), the questions whose grading changed, and the attempts whose score moved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('quiz_answers').addColumn('override_comment', 'text').execute();
	await db.schema
		.alterTable('quiz_answers')
		.addColumn('overridden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
		.execute();
	await db.schema.alterTable('quiz_answers').addColumn('overridden_at', 'text').execute();

	await db.schema
		.createTable('regrade_runs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('by_name', 'text', (c) => c.notNull())
		.addColumn('class_id', 'text', (c) => c.references('classes.id').onDelete('cascade'))
		.addColumn('questions', 'text', (c) => c.notNull())
		.addColumn('attempts', 'text', (c) => c.notNull())
		.addColumn('kept', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('regrade_runs_class_at')
		.on('regrade_runs')
		.columns(['class_id', 'at'])
		.execute();

	await db.schema
		.createTable('score_changes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('quiz_attempts.id').onDelete('cascade'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('override', 'undo', 'regrade')`))
		.addColumn('old_score', 'double precision', (c) => c.notNull())
		.addColumn('new_score', 'double precision', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('by_name', 'text', (c) => c.notNull())
		.addColumn('regrade_id', 'text', (c) => c.references('regrade_runs.id').onDelete('cascade'))
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('score_changes_answer')
		.on('score_changes')
		.columns(['attempt_id', 'question_id', 'at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('score_changes').execute();
	await db.schema.dropTable('regrade_runs').execute();
	await db.schema.alterTable('quiz_answers').dropColumn('overridden_at').execute();
	await db.schema.alterTable('quiz_answers').dropColumn('overridden_by').execute();
	await db.schema.alterTable('quiz_answers').dropColumn('override_comment').execute();
}
