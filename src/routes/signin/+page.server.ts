import { fail, redirect } from '@sveltejs/kit';
import { signIn } from '$lib/server/auth/accounts';
import { clientAddress, safeNext, setSessionCookie } from '$lib/server/auth/request';
import { appDb } from '$lib/server/db';
import { isStored } from '$lib/server/learner';
import { parseForm, text } from '$lib/server/form';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'), '');
	if (locals.user) redirect(303, next || '/');
	return { next };
};

// Every field may be missing: the service answers an empty name or password with its own message.
const signInForm = z.object({ username: text(), password: text(), next: text() });

export const actions: Actions = {
	default: async (event) => {
		// Already signed in: nothing to do (sign out first to switch accounts).
		if (event.locals.user) redirect(303, '/');
		const parsed = await parseForm(event.request, signInForm);
		if (!parsed.ok) return fail(400, { username: '', message: 'The sign-in form is incomplete.' });
		const { username, password, next } = parsed.data;
		const now = event.locals.now;
		const result = await signIn(appDb(), {
			username,
			password,
			now,
			address: clientAddress(event),
			anonymousLearnerId: isStored(event.locals.learner) ? event.locals.learner.id : null
		});
		if (!result.ok) {
			if (result.retryAfterS) event.setHeaders({ 'retry-after': String(result.retryAfterS) });
			return fail(result.status, { username: username.slice(0, 64), message: result.message });
		}
		setSessionCookie(event, result.token, result.expiresAt, now);
		if (result.user.mustChangePassword) redirect(303, '/account?first=1');
		const home = result.user.role === 'instructor' ? '/classes' : '/assignments';
		redirect(303, safeNext(next, home));
	}
};
