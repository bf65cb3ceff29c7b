import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { lessonView } from '$lib/server/lessons/lesson-view';
import { selectSavedLesson } from '$lib/server/lessons/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const view = lessonView(appContent(), params.module, params.lesson);
	const saved = await selectSavedLesson({
		db: appDb(),
		learnerId: locals.learner.id,
		moduleId: view.moduleId,
		lessonId: view.lessonId
	});
	return { ...view, saved };
};
