import { error } from '@sveltejs/kit';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { classScope } from '$lib/server/progress/class-analytics';
import { publicItems } from '$lib/server/progress/analysis-views';
import { quizAnalysis } from '$lib/server/progress/item-analysis';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await requireOwnedClass(event, event.params.classId);
	const content = appContent();
	const quiz = content.quiz(event.params.module, event.params.quiz);
	if (!quiz) error(404, 'No such quiz.');
	const analysis = await quizAnalysis({
		db: appDb(),
		content,
		moduleId: quiz.moduleId,
		quizId: quiz.id,
		scope: classScope(klass.id)
	});
	const base = `/classes/${klass.id}/progress`;
	return {
		klass: { id: klass.id, name: klass.name },
		quiz: { title: quiz.title, moduleId: quiz.moduleId, id: quiz.id },
		attempts: analysis.attempts,
		students: analysis.students,
		members: analysis.members,
		meanPercent: analysis.meanPercent,
		items: publicItems(analysis.items, base, quiz.moduleId),
		csv: `${base}/items.csv?quiz=${encodeURIComponent(`${quiz.moduleId}/${quiz.id}`)}`,
		sources: (content.module(quiz.moduleId)?.sources ?? []).map((s) => ({
			title: s.title,
			href: `/modules/${quiz.moduleId}/sources/${s.id}?class=${klass.id}`
		}))
	};
};
