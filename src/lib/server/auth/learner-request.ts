/**
 * The request's learner, made real on its first write. Pages and reads act for the placeholder learner
 * (NO_LEARNER_ID: nothing stored, nothing found); every learner-keyed write (a lesson step, a quiz start,
 * an answer, a review) calls ensureLearner() first, which creates the anonymous learner and its cookie, or
 * for an account without a learner yet, the account's learner.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { attachLearner } from './accounts';
import { appDb } from '$lib/server/db';
import { createLearner, isStored, LEARNER_COOKIE, type Learner } from '$lib/server/learner';

const YEAR_S = 365 * 24 * 60 * 60;

export function setLearnerCookie(event: { cookies: Cookies; url: URL }, token: string) {
	event.cookies.set(LEARNER_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: YEAR_S
	});
}

export async function ensureLearner(
	event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>
): Promise<Learner> {
	const { locals } = event;
	if (isStored(locals.learner)) return locals.learner;
	const db = appDb();
	if (locals.user) {
		const id = await attachLearner(db, { userId: locals.user.id, anonymousLearnerId: null, now: locals.now });
		locals.learner = { id, userId: locals.user.id };
		return locals.learner;
	}
	const created = await createLearner(db, locals.now);
	setLearnerCookie(event, created.token);
	locals.learner = created.learner;
	return created.learner;
}
