import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { SESSION_COOKIE } from '$lib/server/auth/config';
import { clearSessionCookie } from '$lib/server/auth/request';
import { findSession } from '$lib/server/auth/sessions';
import { requestNow } from '$lib/server/clock';
import { loadAppContent } from '$lib/server/content/app-content';
import { InvalidContentError } from '$lib/server/content/problems';
import { openAppDb } from '$lib/server/db';
import { isDatabaseBusy } from '$lib/server/db/sqlite-driver';
import { busyResponse, BUSY_MESSAGE } from '$lib/server/db/busy-response';
import { syncMasteryIndex } from '$lib/server/effects/mastery-index';
import { startSweeper, sweepTasks } from '$lib/server/jobs/sweeper';
import { findLearner, isStored, LEARNER_COOKIE, NO_LEARNER_ID } from '$lib/server/learner';
import { applySecurityHeaders, frameAncestorsFrom } from '$lib/server/security-headers';
import { ensureLearner } from '$lib/server/auth/learner-request';
import { CLOCK_PATH, testHooksFromEnv } from '$lib/server/test-hooks';

/** Null unless the browser tests switched them on in a test-only environment (see test-hooks.ts). */
const testHooks = testHooksFromEnv();
const frameAncestors = frameAncestorsFrom(process.env.FRAME_ANCESTORS);

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

export const handle: Handle = async ({ event, resolve }) => {
	// Liveness probes carry no cookie and read no learner.
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
		// An account without a learner yet gets one on its first write (ensureLearner), not on a read.
		event.locals.learner = { id: session.learnerId ?? NO_LEARNER_ID, userId: session.user.id };
	} else {
		const token = event.cookies.get(LEARNER_COOKIE);
		const learner = token ? await findLearner(db, token, now) : null;
		// A learner that became an account's is reached only through that account's session (after sign-out
		// on a shared computer, the next person starts a fresh anonymous learner). Without a stored learner
		// the request reads as nobody's and writes nothing until a learner-keyed write (ensureLearner).
		event.locals.learner = learner && learner.userId === null ? learner : { id: NO_LEARNER_ID, userId: null };
	}
	// Quiz timers may also be shifted per learner by the e2e test hooks (POST /__test/clock).
	if (testHooks) {
		event.locals.now = testHooks.now(event.locals.learner.id, now);
		// The test clock is per learner, so moving it needs a stored one.
		if (event.url.pathname === CLOCK_PATH) await ensureLearner(event);
		const hooked = await testHooks.handle(event, event.locals.learner.id);
		if (hooked) return hooked;
	}

	const resolved = await resolve(event);
	// A write that could not get the database lock in time (handleError marked it): 503, try again.
	const response = event.locals.databaseBusy ? busyResponse(resolved) : resolved;
	applySecurityHeaders(response.headers, {
		https: event.url.protocol === 'https:',
		// Pages that read an account or a stored learner hold personal data (an anonymous attempt, /progress).
		personal: event.locals.user !== null || isStored(event.locals.learner),
		frameAncestors
	});
	return response;
};

/**
 * Unexpected errors. A locked database is not a crash: the message says to try again (nothing was saved),
 * and `handle` turns the 500 into 503 with Retry-After (issue 12, finding 5).
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isDatabaseBusy(error)) {
		event.locals.databaseBusy = true;
		return { message: BUSY_MESSAGE };
	}
	if (status >= 500) console.error(error);
	return { message };
};
