/**
 * The time a request acts at. Always the real clock, except in the browser journeys: with
 * E2E_TEST_HOOKS=1 (set only by playwright.config.ts, never in production) a request may carry
 * `x-test-now: <ISO 8601>` so deadline and expiry rules are tested by moving the clock, not by sleeping.
 * Server code takes `now` from `event.locals.now` (or a parameter), never from `new Date()` directly.
 */
export const TEST_NOW_HEADER = 'x-test-now';

export function requestNow(request: Request, testHooks = process.env.E2E_TEST_HOOKS === '1'): Date {
	if (testHooks) {
		const claimed = request.headers.get(TEST_NOW_HEADER);
		if (claimed && !Number.isNaN(Date.parse(claimed))) return new Date(claimed);
	}
	return new Date();
}
