import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { safeNext, setSessionCookie } from './request';

function fakeCookies() {
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) => set.push({ name, value, options })
	} as unknown as Cookies;
	return { cookies, set };
}

describe('session cookie', () => {
	const now = new Date('2026-03-02T09:00:00Z');
	const expiresAt = new Date('2026-03-16T09:00:00Z');

	it('is httpOnly, SameSite=Lax, site-wide, and lives until the absolute expiry', () => {
		const { cookies, set } = fakeCookies();
		setSessionCookie({ cookies, url: new URL('http://localhost:3000/signin') }, 'token', expiresAt, now);
		expect(set).toEqual([
			{
				name: 'sb_session',
				value: 'token',
				options: { path: '/', httpOnly: true, sameSite: 'lax', secure: false, maxAge: 14 * 24 * 60 * 60 }
			}
		]);
	});

	it('is Secure whenever the app is reached over HTTPS (ORIGIN or PROTOCOL_HEADER behind a proxy)', () => {
		const { cookies, set } = fakeCookies();
		setSessionCookie({ cookies, url: new URL('https://school.example/signin') }, 'token', expiresAt, now);
		expect(set[0]?.options.secure).toBe(true);
	});
});

describe('next= after sign-in', () => {
	it('only follows same-site paths', () => {
		expect(safeNext('/classes/abc?x=1')).toBe('/classes/abc?x=1');
		for (const bad of [
			'https://evil.example',
			'//evil.example',
			'/\\evil.example',
			'javascript:alert(1)',
			'',
			null
		])
			expect(safeNext(bad, '/home')).toBe('/home');
	});
});
