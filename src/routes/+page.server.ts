import { catalogModules } from '$lib/server/catalog/catalog';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { catalogLessons } from '$lib/server/lessons/catalog-lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	modules: catalogModules(appContent()),
	lessons: await catalogLessons({ db: appDb(), learnerId: locals.learner.id, index: appContent() })
});
