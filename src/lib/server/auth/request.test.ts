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
			// Issue 12, finding 2: browsers drop tabs and newlines, so these were `//evil.example/`.
			'/\t/evil.example/',
			'/\n/evil.example/',
			'/\r\n/evil.example',
			// Resolves to the path `//evil.example`, which a Location header would read as another host.
			'/.//evil.example',
			'/./\\evil.example',
			'',
			null
		])
			expect(safeNext(bad, '/home')).toBe('/home');
	});

	it('returns a path and query a Location header can carry (percent-encoded), without the fragment', () => {
		expect(safeNext('/\u3000/x')).toBe('/%E3%80%80/x');
		expect(safeNext('/a b?q=ü#top')).toBe('/a%20b?q=%C3%BC');
		expect(safeNext('/modules/../progress')).toBe('/progress');
		for (const ok of ['/\u3000/x', '/a b?q=ü', '/x\u0085y'])
			expect(() => new Headers({ location: safeNext(ok) })).not.toThrow();
	});
});
