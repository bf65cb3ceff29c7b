/**
 * The instructor's CSV exports (issue 6): the grid, every response to every question, and the item analysis.
 * Routes re-check that the instructor owns the class (requireOwnedClass) before calling these; the queries are
 * scoped to the class's members.
 */
import type { Verdict } from '$lib/grading';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { ClassDashboard } from './class-analytics';
import { toCsv } from '$lib/server/csv';
import type { QuizAnalysis } from './item-analysis';

export function gridCsv(d: ClassDashboard): string {
	const header = ['username', 'display_name'];
	// One row per student, so the module goes into each assignment's column headings.
	for (const a of d.assignments) {
		const name = `${a.moduleId} / ${a.title}`;
		header.push(`${name}: status`, `${name}: score %`, `${name}: late`, `${name}: due`, `${name}: submitted`);
	}
	header.push('stuck');
	const rows = d.students.map((s) => [
		s.username,
		s.displayName,
		...s.cells.flatMap((c) => [c.status, c.percent, c.late ? 'yes' : 'no', c.dueAt, c.submittedAt]),
		s.stuck.join('; ')
	]);
	return toCsv(header, rows);
}

export async function responsesCsv(input: {
	db: Db;
	content: ContentIndex;
	classId: string;
}): Promise<string> {
	const { db, content, classId } = input;
	const rows = await db.kysely
		.selectFrom('class_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.innerJoin('learners as l', 'l.user_id', 'u.id')
		.innerJoin('quiz_attempts as a', 'a.learner_id', 'l.id')
		.innerJoin('quiz_answers as qa', 'qa.attempt_id', 'a.id')
		.select([
			'u.username',
			'u.display_name',
			'a.module_id',
			'a.quiz_id',
			'a.number',
			'a.id as attempt_id',
			'a.submitted_at',
			'qa.question_id',
			'qa.response',
			'qa.score',
			'qa.verdict',
			'qa.override_comment'
		])
		.where('m.class_id', '=', classId)
		.where('a.status', '=', 'graded')
		.orderBy('u.username')
		.orderBy('a.module_id')
		.orderBy('a.quiz_id')
		.orderBy('a.number')
		.orderBy('qa.question_id')
		.execute();
	return toCsv(
		[
			'username',
			'display_name',
			'module',
			'quiz',
			'attempt',
			'attempt_id',
			'submitted_at',
			'question',
			'objective',
			'response',
			'score',
			'original_score',
			'overridden',
			'override_comment'
		],
		rows.map((r) => [
			r.username,
			r.display_name,
			r.module_id,
			r.quiz_id,
			r.number,
			r.attempt_id,
			r.submitted_at,
			r.question_id,
			content.question(r.module_id, r.question_id)?.objective ?? '',
			r.response,
			r.score,
			// The grader's score, which an instructor's override leaves in the verdict.
			r.verdict ? (JSON.parse(r.verdict) as Verdict).score : r.score,
			r.override_comment === null ? 'no' : 'yes',
			r.override_comment ?? ''
		])
	);
}

export function itemsCsv(analyses: readonly QuizAnalysis[]): string {
	return toCsv(
		[
			'module',
			'quiz',
			'question',
			'type',
			'objective',
			'difficulty',
			'responses',
			'facility',
			'discrimination',
			'flags',
			'unanswered',
			'options',
			'prompt'
		],
		analyses.flatMap((a) =>
			a.items.map((i) => [
				a.moduleId,
				a.quizId,
				i.questionId,
				i.type,
				i.objective,
				i.difficulty,
				i.n,
				i.facility,
				i.discrimination,
				i.flags.join(' '),
				i.unanswered,
				i.options.map((o) => `${o.id}${o.correct ? '*' : ''}=${o.count}`).join(' '),
				i.prompt
			])
		)
	);
}
