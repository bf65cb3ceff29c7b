import { error } from '@sveltejs/kit';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { classQuizAnalysis } from '$lib/server/progress/class-quiz-analysis';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await requireOwnedClass(event, event.params.classId);
	const content = appContent();
	const quiz = content.quiz(event.params.module, event.params.quiz);
	if (!quiz) error(404, 'No such quiz.');
	const base = `/classes/${klass.id}/progress`;
	const analysis = await classQuizAnalysis({ db: appDb(), content, classId: klass.id, quiz, base });
	return {
		klass: { id: klass.id, name: klass.name },
		quiz: { title: quiz.title, moduleId: quiz.moduleId, id: quiz.id },
		...analysis,
		csv: `${base}/items.csv?quiz=${encodeURIComponent(`${quiz.moduleId}/${quiz.id}`)}`,
		sources: (content.module(quiz.moduleId)?.sources ?? []).map((s) => ({
			title: s.title,
			href: `/modules/${quiz.moduleId}/sources/${s.id}?class=${klass.id}`
		}))
	};
};
