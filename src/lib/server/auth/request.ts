/** The HTTP side of accounts: the session cookie, the client address, and the guards routes call first. */
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE } from './config';
import type { SessionUser } from './sessions';

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs; SvelteKit's origin check
 * is the other half of CSRF protection), Secure whenever the app is reached over HTTPS (behind a proxy,
 * set ORIGIN or PROTOCOL_HEADER so the app knows), and it lives no longer than the session's absolute expiry.
 */
export function setSessionCookie(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	token: string,
	expiresAt: Date,
	now: Date
) {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000))
	});
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/**
 * The client's address for throttling. adapter-node gives the socket address, or the header named by
 * ADDRESS_HEADER (with XFF_DEPTH) when the app runs behind a load balancer: set those there, or every
 * client shares the balancer's address.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

const NEXT_BASE = 'http://next.invalid';

/**
 * Where `?next=` may send someone: a path on this site, resolved the way a browser would resolve it and
 * returned as path + query only, percent-encoded. A prefix check let `/\t/evil.example/` through (browsers
 * drop tabs and newlines, making it `//evil.example/`), and raw newlines or wide spaces made the redirect
 * header invalid: a 500 after the account was already made (issue 12, finding 2).
 */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
	if (!raw || !raw.startsWith('/') || raw.length > 2000) return fallback;
	let url: URL;
	try {
		url = new URL(raw, NEXT_BASE);
	} catch {
		return fallback;
	}
	// A path resolved to `//host…` would itself read as another host in a Location header.
	if (url.origin !== NEXT_BASE || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search;
}

type Guarded = Pick<RequestEvent, 'locals' | 'url' | 'request'>;

/**
 * The signed-in user, or: a page load redirects to sign-in (and back afterwards); an action answers 401,
 * since a form post must not be silently replayed after a redirect.
 */
export function requireUser(event: Guarded): SessionUser {
	const user = event.locals.user;
	if (user) return user;
	if (event.request.method === 'GET' || event.request.method === 'HEAD')
		redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	error(401, 'Sign in first.');
}

export function requireInstructor(event: Guarded): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'instructor') error(403, 'Only instructors can do this.');
	return user;
}

export function requireStudent(event: Guarded): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'student') error(403, 'Only students can do this.');
	return user;
}
