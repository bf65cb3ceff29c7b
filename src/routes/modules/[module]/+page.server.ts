import { error } from '@sveltejs/kit';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { modulePage } from '$lib/server/progress/module-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const page = await modulePage({
		db: appDb(),
		content: appContent(),
		learnerId: locals.learner.id,
		moduleId: params.module,
		now: locals.now
	});
	if (!page) error(404, 'No such module');
	return page;
};
