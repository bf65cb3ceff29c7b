import { error, json } from '@sveltejs/kit';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { parseJsonBody } from '$lib/server/json-body';
import { ensureLearner } from '$lib/server/auth/learner-request';
import { moduleLesson } from '$lib/server/lessons/lesson-view';
import { LessonProgressRefused, recordLessonProgress } from '$lib/server/lessons/progress';
import { validateProgress } from '$lib/server/lessons/progress-request';
import type { RequestHandler } from './$types';

const MAX_BODY_BYTES = 64 * 1024;

/** Saves the learner's place in a lesson and records its events; the lesson player calls it on every step. */
export const POST: RequestHandler = async (event) => {
	const { params, request, locals } = event;
	const registered = moduleLesson(appContent(), params.module, params.lesson);
	if (!request.headers.get('content-type')?.startsWith('application/json')) {
		error(415, 'Send progress as application/json');
	}
	const text = await request.text();
	if (text.length > MAX_BODY_BYTES) error(413, 'Progress is too large');
	const body = parseJsonBody(text);
	if (!body.ok) error(400, `Progress: ${body.message}`);
	const valid = validateProgress(body.value, registered, (id) => appContent().question(params.module, id));
	if (!valid.ok) error(valid.status, valid.message);
	// A lesson step is often a visitor's first write: the learner is created here, not on a page view.
	const learner = await ensureLearner(event);
	try {
		const result = await recordLessonProgress({
			db: appDb(),
			learnerId: learner.id,
			moduleId: params.module,
			lesson: registered.lesson,
			progress: valid.value,
			// The request's clock (house rule; the e2e test clock moves it for lesson due dates too).
			now: locals.now
		});
		return json(result);
	} catch (e) {
		if (e instanceof LessonProgressRefused) error(e.status, e.message);
		throw e;
	}
};
