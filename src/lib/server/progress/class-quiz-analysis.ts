/**
 * The item analysis page of one quiz for one class (issue 11, points 6 and 7): the quiz's figures over the
 * class's members (signed in or not), its questions grouped by objective with the sparse rows set apart
 * (./item-groups.ts), and, when the class took it as a same-questions assignment, each question's number on
 * that form, so "question 5" means the same to the teacher and the class. The caller has checked that the
 * instructor owns the class.
 */
import type { Quiz } from '$lib/content/types';
import type { PublicItemRow } from '$lib/progress/analysis-types';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { assignmentForms } from '$lib/server/quiz/fixed-forms';
import { publicItems } from './analysis-views';
import { classScope } from './class-analytics';
import { quizAnalysis } from './item-analysis';
import { groupByObjective, type ObjectiveItems } from './item-groups';
import { THRESHOLDS } from './item-stats';

export interface ClassQuizAnalysis {
	attempts: number;
	students: number;
	members: number;
	meanPercent: number | null;
	/** The same-questions assignment whose form numbers the questions (the latest due), or null. */
	form: { dueAt: string; questions: number } | null;
	minResponses: number;
	groups: ObjectiveItems<PublicItemRow>[];
}

/**
 * The fixed form of `quiz` in this class: of the class's same-questions assignments that cover the quiz (as
 * a quiz or in a whole module) and have a stored form, the one due last.
 */
async function classForm(db: Db, classId: string, quiz: Pick<Quiz, 'moduleId' | 'id'>) {
	const assignments = await db.kysely
		.selectFrom('assignments')
		.select(['id', 'due_at'])
		.where('class_id', '=', classId)
		.where('module_id', '=', quiz.moduleId)
		.where('same_questions', '=', 1)
		.where((eb) =>
			eb.or([eb('kind', '=', 'module'), eb.and([eb('kind', '=', 'quiz'), eb('target_id', '=', quiz.id)])])
		)
		.orderBy('due_at', 'desc')
		.orderBy('id')
		.execute();
	const forms = await assignmentForms(db, { assignmentIds: assignments.map((a) => a.id), quizId: quiz.id });
	const latest = assignments.find((a) => forms.has(a.id));
	return latest ? { dueAt: latest.due_at, questionIds: forms.get(latest.id)! } : null;
}

export async function classQuizAnalysis(input: {
	db: Db;
	content: ContentIndex;
	classId: string;
	quiz: Pick<Quiz, 'moduleId' | 'id'>;
	/** The class's progress URL, for the links to each question. */
	base: string;
}): Promise<ClassQuizAnalysis> {
	const { db, content, classId, quiz, base } = input;
	const [analysis, form] = await Promise.all([
		quizAnalysis({ db, content, moduleId: quiz.moduleId, quizId: quiz.id, scope: classScope(classId) }),
		classForm(db, classId, quiz)
	]);
	const numbers = new Map((form?.questionIds ?? []).map((id, i) => [id, i + 1]));
	const rows = publicItems(analysis.items, base, quiz.moduleId, numbers);
	return {
		attempts: analysis.attempts,
		students: analysis.students,
		members: analysis.members,
		meanPercent: analysis.meanPercent,
		form: form ? { dueAt: form.dueAt, questions: form.questionIds.length } : null,
		minResponses: THRESHOLDS.minResponses,
		groups: groupByObjective(rows, content.module(quiz.moduleId)?.objectives ?? [], numbers)
	};
}
