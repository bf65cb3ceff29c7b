/**
 * The server clock. Request handling reads `event.locals.now`, set once per request in hooks.server.ts from
 * here; domain code takes `now` as an argument, so tests pass any instant and never sleep.
 *
 * Two test clocks exist for the browser journeys, both only while the e2e test hooks are on
 * ($lib/server/test-hooks.ts: E2E_TEST_HOOKS=1, not production, loopback only): a request may carry
 * `x-test-now: <ISO 8601>` to act at that instant (deadlines, session expiry), and `POST /__test/clock`
 * shifts one learner's clock forward (quiz timers).
 */
export const TEST_NOW_HEADER = 'x-test-now';

export function systemNow(): Date {
	return new Date();
}

/** The request's instant: the real clock, or the `x-test-now` header's when test hooks are on. */
export function requestNow(request: Request, testHooksOn: boolean): Date {
	if (testHooksOn) {
		const claimed = request.headers.get(TEST_NOW_HEADER);
		if (claimed && !Number.isNaN(Date.parse(claimed))) return new Date(claimed);
	}
	return systemNow();
}
