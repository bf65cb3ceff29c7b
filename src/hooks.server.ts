import type { Handle, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { attachLearner } from '$lib/server/auth/accounts';
import { SESSION_COOKIE } from '$lib/server/auth/config';
import { clearSessionCookie } from '$lib/server/auth/request';
import { findSession } from '$lib/server/auth/sessions';
import { requestNow } from '$lib/server/clock';
import { loadAppContent } from '$lib/server/content/app-content';
import { InvalidContentError } from '$lib/server/content/problems';
import { openAppDb } from '$lib/server/db';
import { syncMasteryIndex } from '$lib/server/effects/mastery-index';
import { startSweeper, sweepTasks } from '$lib/server/jobs/sweeper';
import { createLearner, findLearner, LEARNER_COOKIE } from '$lib/server/learner';
import { testHooksFromEnv } from '$lib/server/test-hooks';

/** Null unless the browser tests switched them on in a test-only environment (see test-hooks.ts). */
const testHooks = testHooksFromEnv();

/** Runs once before the server accepts requests: invalid content or a failed migration stops start-up. */
export const init: ServerInit = async () => {
	let content;
	try {
		content = loadAppContent();
	} catch (e) {
		// In production, print the located problems plainly and stop; in dev, let Vite show the error.
		if (dev || !(e instanceof InvalidContentError)) throw e;
		console.error(`Sourcebook will not start: ${e.message}`);
		process.exit(1);
	}
	const db = await openAppDb();
	// The dashboard's mastery table follows the content: rebuilt here if a question moved objective.
	await syncMasteryIndex(db, content);
	// Grades quiz attempts past their deadline and ends expired sessions, without any client.
	startSweeper({ db, tasks: sweepTasks(content) });
};

const YEAR_S = 365 * 24 * 60 * 60;

export const handle: Handle = async ({ event, resolve }) => {
	// Liveness probes carry no cookie: answer them without minting a learner for each one.
	if (event.url.pathname === '/healthz') return resolve(event);
	const db = await openAppDb();
	// The e2e test clock (x-test-now) applies to everything, session expiry included.
	const now = requestNow(event.request, testHooks !== null);
	event.locals.now = now;
	event.locals.user = null;
	event.locals.sessionId = null;

	// A signed-in request acts as the account's learner; the anonymous cookie is not consulted.
	const sessionToken = event.cookies.get(SESSION_COOKIE);
	const session = sessionToken ? await findSession(db, { token: sessionToken, now }) : null;
	if (sessionToken && !session) clearSessionCookie(event.cookies);
	if (session) {
		event.locals.user = session.user;
		event.locals.sessionId = session.id;
		const learnerId =
			session.learnerId ??
			(await attachLearner(db, { userId: session.user.id, anonymousLearnerId: null, now }));
		event.locals.learner = { id: learnerId, userId: session.user.id };
	} else {
		const token = event.cookies.get(LEARNER_COOKIE);
		let learner = token ? await findLearner(db, token, now) : null;
		// A learner that became an account's is reached only through that account's session (after sign-out
		// on a shared computer, the next person starts a fresh anonymous learner).
		if (!learner || learner.userId !== null) {
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
	}
	// Quiz timers may also be shifted per learner by the e2e test hooks (POST /__test/clock).
	if (testHooks) {
		event.locals.now = testHooks.now(event.locals.learner.id, now);
		const hooked = await testHooks.handle(event, event.locals.learner.id);
		if (hooked) return hooked;
	}

	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	// Signed-in pages hold personal data: no shared or back-button copies after sign-out.
	if (event.locals.user && !response.headers.has('Cache-Control'))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};
