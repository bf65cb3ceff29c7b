/**
 * Test-only hooks for the browser journeys: `POST /__test/clock {"advanceMinutes": n}` moves the server
 * clock forward for the calling learner only (so parallel tests do not disturb each other), letting a test
 * reach a timer warning or the end of a time limit without sleeping.
 *
 * It cannot be switched on in production by accident: it needs E2E_TEST_HOOKS=1 *and* NODE_ENV other than
 * production *and* a server bound to a loopback HOST (adapter-node binds 0.0.0.0 unless told otherwise),
 * and it answers loopback clients only. The clock only moves forward, so even a misconfigured server would
 * not let a learner win back time. playwright.config.ts sets exactly this environment.
 */
import type { RequestEvent } from '@sveltejs/kit';

export const CLOCK_PATH = '/__test/clock';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const MAX_ADVANCE_MINUTES = 7 * 24 * 60;

export interface TestHooks {
	/** `now` as the given learner sees it. */
	now(learnerId: string, real: Date): Date;
	/** Answers a test-hook request, or returns null for every other request. */
	handle(
		event: Pick<RequestEvent, 'url' | 'request' | 'getClientAddress'>,
		learnerId: string
	): Promise<Response | null>;
}

export type HookEnv = Partial<Record<'E2E_TEST_HOOKS' | 'NODE_ENV' | 'HOST', string>>;

/** Why the hooks stay off for this environment, or null when they may run. */
export function testHooksRefusal(env: HookEnv): string | null {
	if (env.E2E_TEST_HOOKS !== '1') return 'E2E_TEST_HOOKS is not 1';
	if (env.NODE_ENV === 'production') return 'NODE_ENV is production';
	if (!env.HOST || !LOOPBACK.has(env.HOST))
		return `HOST ${env.HOST ?? '(unset, all interfaces)'} is not a loopback address`;
	return null;
}

export function testHooksFromEnv(env: HookEnv = process.env): TestHooks | null {
	const refusal = testHooksRefusal(env);
	if (refusal) {
		if (env.E2E_TEST_HOOKS) console.error(`E2E_TEST_HOOKS ignored: ${refusal}.`);
		return null;
	}
	console.warn(`Test hooks ON (${CLOCK_PATH}): for browser tests only.`);
	const shifts = new Map<string, number>();
	const json = (body: unknown, status = 200) =>
		new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
	return {
		now: (learnerId, real) => new Date(real.getTime() + (shifts.get(learnerId) ?? 0)),
		async handle(event, learnerId) {
			if (event.url.pathname !== CLOCK_PATH) return null;
			if (!LOOPBACK.has(event.getClientAddress())) return json({ message: 'Not found' }, 404);
			if (event.request.method !== 'POST') return json({ message: 'POST only' }, 405);
			const body = (await event.request.json().catch(() => null)) as { advanceMinutes?: unknown } | null;
			const minutes = body?.advanceMinutes;
			if (
				typeof minutes !== 'number' ||
				!Number.isFinite(minutes) ||
				minutes <= 0 ||
				minutes > MAX_ADVANCE_MINUTES
			)
				return json({ message: `advanceMinutes must be a number in (0, ${MAX_ADVANCE_MINUTES}]` }, 400);
			const shift = (shifts.get(learnerId) ?? 0) + minutes * 60_000;
			shifts.set(learnerId, shift);
			return json({ shiftMs: shift });
		}
	};
}
