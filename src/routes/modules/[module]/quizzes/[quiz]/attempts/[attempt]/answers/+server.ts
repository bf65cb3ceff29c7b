/**
 * Autosave: POST {questionId, response, revision} as JSON → 200 {stored, revision, savedAt}, or a 4xx
 * {message} that changed nothing. JSON only, so a cross-site form cannot post here (and a cross-site fetch
 * with this content type needs a CORS preflight we never grant).
 */
import { json } from '@sveltejs/kit';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { checkJson } from '$lib/server/form';
import { parseJsonBody } from '$lib/server/json-body';
import { findAttempt, saveAnswer } from '$lib/server/quiz/attempts';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const MAX_BODY = 16 * 1024;

// The response's shape is the grader's to judge per question kind; here it only has to be present.
const answerBody = z.object({
	questionId: z.string(),
	revision: z.number(),
	response: z.unknown().refine((response) => response !== undefined)
});

const refuse = (status: number, message: string) => json({ message }, { status });

export const POST: RequestHandler = async ({ request, params, locals }) => {
	if (!request.headers.get('content-type')?.startsWith('application/json'))
		return refuse(415, 'Send the answer as application/json.');
	const text = await request.text();
	if (text.length > MAX_BODY) return refuse(413, 'That answer is too large.');
	const body = parseJsonBody(text);
	if (!body.ok) return refuse(400, body.message);
	const parsed = checkJson(body.value, answerBody);
	if (!parsed.ok) return refuse(400, 'Expected {questionId, response, revision}.');
	const { questionId, response, revision } = parsed.data;
	const db = appDb();
	const attempt = await findAttempt({ db, learnerId: locals.learner.id, attemptId: params.attempt });
	if (!attempt || attempt.module_id !== params.module || attempt.quiz_id !== params.quiz)
		return refuse(404, 'No such attempt.');
	const saved = await saveAnswer({
		db,
		content: appContent(),
		learnerId: locals.learner.id,
		attemptId: attempt.id,
		questionId,
		response,
		revision,
		now: locals.now
	});
	if (!saved.ok) return refuse(saved.status, saved.message);
	return json({ stored: saved.stored, revision: saved.revision, savedAt: saved.savedAt });
};
