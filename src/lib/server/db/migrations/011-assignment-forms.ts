import type { Kysely } from 'kysely';

/**
 * One form for the whole class (issue 11, point 7): with 30 students drawing 20 of 74 items, most rows of the
 * item analysis had too few responses to read, and a teacher could not go over "question 5" together.
 *
 * - `assignments.same_questions`: the teacher's choice, 0 or 1.
 * - `assignment_forms`: the form an assignment fixes for each of its quizzes (a whole-module assignment has
 *   several), stored by the first start and never redrawn; every later attempt under the assignment gets
 *   these questions, in its own shuffled order. The primary key makes two first starts at once agree: the
 *   second insert does nothing and both read the one stored row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('assignments')
		.addColumn('same_questions', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createTable('assignment_forms')
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
		.addColumn('quiz_id', 'text', (c) => c.notNull())
		// JSON array of question ids, in the form's order (the order "Question 5" refers to).
		.addColumn('question_ids', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('assignment_forms_pk', ['assignment_id', 'quiz_id'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('assignment_forms').execute();
	await db.schema.alterTable('assignments').dropColumn('same_questions').execute();
}
