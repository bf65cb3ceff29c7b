import { env } from '$env/dynamic/private';
import { fail, redirect } from '@sveltejs/kit';
import { signUp, USERNAME_RULE } from '$lib/server/auth/accounts';
import { clientAddress, safeNext, setSessionCookie } from '$lib/server/auth/request';
import { appDb } from '$lib/server/db';
import { isStored } from '$lib/server/learner';
import { field, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'), '');
	if (locals.user) redirect(303, next || '/');
	return {
		next,
		usernameRule: USERNAME_RULE,
		// Instructor sign-up needs the instance's INSTRUCTOR_CODE; without one it is closed.
		instructorSignUpOpen: Boolean(env.INSTRUCTOR_CODE)
	};
};

export const actions: Actions = {
	default: async (event) => {
		// Already signed in: nothing to do (sign out first to switch accounts).
		if (event.locals.user) redirect(303, '/');
		const form = await readForm(event.request);
		const role = field(form, 'role') || 'student';
		const username = field(form, 'username');
		const displayName = field(form, 'displayName');
		const echo = { username: username.slice(0, 64), displayName: displayName.slice(0, 80), role };
		if (role !== 'student' && role !== 'instructor') return fail(400, { ...echo, message: 'Choose a role.' });
		const password = field(form, 'password');
		if (password !== field(form, 'confirm'))
			return fail(400, { ...echo, message: 'The two passwords differ.' });
		const now = event.locals.now;
		const result = await signUp(appDb(), {
			username,
			displayName,
			password,
			role,
			instructorCode: field(form, 'instructorCode'),
			configuredInstructorCode: env.INSTRUCTOR_CODE || undefined,
			now,
			address: clientAddress(event),
			anonymousLearnerId: isStored(event.locals.learner) ? event.locals.learner.id : null
		});
		if (!result.ok) {
			if (result.retryAfterS) event.setHeaders({ 'retry-after': String(result.retryAfterS) });
			return fail(result.status, { ...echo, message: result.message });
		}
		setSessionCookie(event, result.token, result.expiresAt, now);
		redirect(303, safeNext(field(form, 'next'), role === 'instructor' ? '/classes' : '/assignments'));
	}
};
