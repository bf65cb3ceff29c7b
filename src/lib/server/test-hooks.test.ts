import { describe, expect, it, vi } from 'vitest';
import { testHooksFromEnv, testHooksRefusal } from './test-hooks';

const on = { E2E_TEST_HOOKS: '1', HOST: '127.0.0.1' };
const request = (body: unknown, client = '127.0.0.1', path = '/__test/clock') => ({
	url: new URL(`http://localhost${path}`),
	request: new Request(`http://localhost${path}`, { method: 'POST', body: JSON.stringify(body) }),
	getClientAddress: () => client
});

describe('test hooks', () => {
	it('stay off unless every guard agrees', () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		expect(testHooksRefusal({})).toMatch(/not 1/);
		expect(testHooksRefusal({ ...on, E2E_TEST_HOOKS: 'true' })).toMatch(/not 1/);
		expect(testHooksRefusal({ ...on, NODE_ENV: 'production' })).toMatch(/production/);
		expect(testHooksRefusal({ E2E_TEST_HOOKS: '1' })).toMatch(/not a loopback/);
		expect(testHooksRefusal({ ...on, HOST: '0.0.0.0' })).toMatch(/not a loopback/);
		expect(testHooksFromEnv({ ...on, HOST: '0.0.0.0' })).toBeNull();
		expect(testHooksFromEnv(on)).not.toBeNull();
	});

	it('move the clock forward for one learner, from loopback only', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		const hooks = testHooksFromEnv(on)!;
		const real = new Date('2026-01-01T00:00:00Z');
		expect((await hooks.handle(request({ advanceMinutes: 10 }), 'a'))?.status).toBe(200);
		expect(hooks.now('a', real).toISOString()).toBe('2026-01-01T00:10:00.000Z');
		expect(hooks.now('b', real)).toEqual(real);
		expect((await hooks.handle(request({ advanceMinutes: -5 }), 'a'))?.status).toBe(400);
		expect((await hooks.handle(request({ advanceMinutes: 5 }, '10.0.0.8'), 'a'))?.status).toBe(404);
		expect(await hooks.handle(request({}, '127.0.0.1', '/elsewhere'), 'a')).toBeNull();
		expect(hooks.now('a', real).toISOString()).toBe('2026-01-01T00:10:00.000Z');
	});
});
