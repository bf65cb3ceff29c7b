import { env } from '$env/dynamic/private';
import { fail, redirect } from '@sveltejs/kit';
import { signUp, USERNAME_RULE } from '$lib/server/auth/accounts';
import { clientAddress, safeNext, setSessionCookie } from '$lib/server/auth/request';
import { appDb } from '$lib/server/db';
import { isStored } from '$lib/server/learner';
import { parseForm, text } from '$lib/server/form';
import { z } from 'zod';
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

// A missing role means a student (the page's default); the service checks names, passwords and the code.
const signUpForm = z.object({
	role: text()
		.transform((role) => role || 'student')
		.pipe(z.enum(['student', 'instructor'], { error: 'Choose a role.' })),
	username: text(),
	displayName: text(),
	password: text(),
	confirm: text(),
	instructorCode: text(),
	next: text()
});

export const actions: Actions = {
	default: async (event) => {
		// Already signed in: nothing to do (sign out first to switch accounts).
		if (event.locals.user) redirect(303, '/');
		const parsed = await parseForm(event.request, signUpForm);
		if (!parsed.ok) {
			const { username = '', displayName = '', role = '' } = parsed.values;
			const echo = { username: username.slice(0, 64), displayName: displayName.slice(0, 80), role };
			return fail(400, { ...echo, message: Object.values(parsed.errors)[0] ?? 'Choose a role.' });
		}
		const { role, username, displayName, password, confirm, instructorCode, next } = parsed.data;
		const echo = { username: username.slice(0, 64), displayName: displayName.slice(0, 80), role };
		if (password !== confirm) return fail(400, { ...echo, message: 'The two passwords differ.' });
		const now = event.locals.now;
		const result = await signUp(appDb(), {
			username,
			displayName,
			password,
			role,
			instructorCode,
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
		redirect(303, safeNext(next, role === 'instructor' ? '/classes' : '/assignments'));
	}
};
