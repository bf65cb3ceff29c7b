import { error } from '@sveltejs/kit';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { classScope } from '$lib/server/progress/class-analytics';
import { itemsCsv } from '$lib/server/progress/class-exports';
import { csvResponse } from '$lib/server/csv';
import { quizAnalysis } from '$lib/server/progress/item-analysis';
import type { RequestHandler } from './$types';

/** Item analysis of one quiz (?quiz=module/quiz) or of every quiz, for the class's students. */
export const GET: RequestHandler = async (event) => {
	const { klass } = await requireOwnedClass(event, event.params.classId);
	const content = appContent();
	const wanted = event.url.searchParams.get('quiz');
	const quizzes = content.modules.flatMap((m) => m.quizzes);
	const chosen = wanted ? quizzes.filter((q) => `${q.moduleId}/${q.id}` === wanted) : quizzes;
	if (wanted && chosen.length === 0) error(404, 'No such quiz.');
	const db = appDb();
	const analyses = [];
	for (const q of chosen)
		analyses.push(
			await quizAnalysis({ db, content, moduleId: q.moduleId, quizId: q.id, scope: classScope(klass.id) })
		);
	return csvResponse(itemsCsv(analyses), `${klass.name}-items.csv`);
};
