import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { classDashboard, parseGridQuery } from '$lib/server/progress/class-analytics';
import { gridCsv } from '$lib/server/progress/class-exports';
import { csvResponse } from '$lib/server/csv';
import type { RequestHandler } from './$types';

/** The whole grid (every student, sorted by name), for the instructor who owns the class. */
export const GET: RequestHandler = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const dashboard = await classDashboard({
		db: appDb(),
		content: appContent(),
		classId: klass.id,
		instructorId: user.id,
		now: event.locals.now,
		query: parseGridQuery(new URLSearchParams())
	});
	return csvResponse(gridCsv(dashboard), `${klass.name}-grid.csv`);
};
