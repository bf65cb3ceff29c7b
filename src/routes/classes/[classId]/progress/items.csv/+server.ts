import { error } from '@sveltejs/kit';
import { assignmentsOfClass } from '$lib/server/classes/assignments';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { classScope } from '$lib/server/progress/class-analytics';
import { itemsCsv } from '$lib/server/progress/class-exports';
import { assignedQuizzes } from '$lib/server/progress/class-modules';
import { csvResponse } from '$lib/server/csv';
import { quizAnalysis } from '$lib/server/progress/item-analysis';
import type { RequestHandler } from './$types';

/** Item analysis of one quiz (?quiz=module/quiz) or of every quiz the class was assigned, for its students. */
export const GET: RequestHandler = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const content = appContent();
	const wanted = event.url.searchParams.get('quiz');
	const db = appDb();
	const chosen = wanted
		? content.modules.flatMap((m) => m.quizzes).filter((q) => `${q.moduleId}/${q.id}` === wanted)
		: assignedQuizzes(content, await assignmentsOfClass(db, { classId: klass.id, instructorId: user.id }));
	if (wanted && chosen.length === 0) error(404, 'No such quiz.');
	const analyses = [];
	for (const q of chosen)
		analyses.push(
			await quizAnalysis({ db, content, moduleId: q.moduleId, quizId: q.id, scope: classScope(klass.id) })
		);
	return csvResponse(itemsCsv(analyses), `${klass.name}-items.csv`);
};
