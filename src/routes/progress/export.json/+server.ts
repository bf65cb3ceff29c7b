import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { learnerExport } from '$lib/server/progress/learner-export';
import type { RequestHandler } from './$types';

/** The learner's own data; only ever the requesting learner's (the id comes from the session, not the URL). */
export const GET: RequestHandler = async ({ locals }) => {
	const data = await learnerExport({
		db: appDb(),
		content: appContent(),
		learnerId: locals.learner.id,
		now: locals.now
	});
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="sourcebook-my-data-${locals.now.toISOString().slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
