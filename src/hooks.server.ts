import type { Handle, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { loadAppContent } from '$lib/server/content/app-content';
import { InvalidContentError } from '$lib/server/content/problems';
import { systemNow } from '$lib/server/clock';
import { openAppDb } from '$lib/server/db';
import { createLearner, findLearner, LEARNER_COOKIE } from '$lib/server/learner';
import { testHooksFromEnv } from '$lib/server/test-hooks';

/** Null unless the browser tests switched them on in a test-only environment (see test-hooks.ts). */
const testHooks = testHooksFromEnv();

/** Runs once before the server accepts requests: invalid content or a failed migration stops start-up. */
export const init: ServerInit = async () => {
	try {
		loadAppContent();
	} catch (e) {
		// In production, print the located problems plainly and stop; in dev, let Vite show the error.
		if (dev || !(e instanceof InvalidContentError)) throw e;
		console.error(`Sourcebook will not start: ${e.message}`);
		process.exit(1);
	}
	await openAppDb();
};

const YEAR_S = 365 * 24 * 60 * 60;

export const handle: Handle = async ({ event, resolve }) => {
	// Liveness probes carry no cookie: answer them without minting a learner for each one.
	if (event.url.pathname === '/healthz') return resolve(event);
	const db = await openAppDb();
	const now = systemNow();
	const token = event.cookies.get(LEARNER_COOKIE);
	let learner = token ? await findLearner(db, token, now) : null;
	if (!learner) {
		const created = await createLearner(db, now);
		learner = created.learner;
		event.cookies.set(LEARNER_COOKIE, created.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: YEAR_S
		});
	}
	event.locals.learner = learner;
	// The one `now` request handling uses (quiz time limits, due dates).
	event.locals.now = testHooks ? testHooks.now(learner.id, now) : now;
	const hooked = testHooks ? await testHooks.handle(event, learner.id) : null;
	if (hooked) return hooked;

	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	return response;
};
