import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { responsesCsv } from '$lib/server/progress/class-exports';
import { csvResponse } from '$lib/server/csv';
import type { RequestHandler } from './$types';

/** Every graded response of the class's students, one row per question and attempt. */
export const GET: RequestHandler = async (event) => {
	const { klass } = await requireOwnedClass(event, event.params.classId);
	const body = await responsesCsv({ db: appDb(), content: appContent(), classId: klass.id });
	return csvResponse(body, `${klass.name}-responses.csv`);
};
