import { fail, redirect } from '@sveltejs/kit';
import { clientAddress, requireStudent } from '$lib/server/auth/request';
import { joinClass } from '$lib/server/classes/classes';
import { guardedClassByJoinCode } from '$lib/server/classes/join-guard';
import { appDb } from '$lib/server/db';
import { parseForm, text } from '$lib/server/form';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/**
 * The join link (`/join?code=…`): shows a signed-in user which class the code is for, then joins on a POST.
 * Without an account the code is not looked up: the class and instructor names are for the students who
 * join, and each look-up is a guess the throttle counts (issue 12, finding 9).
 */
export const load: PageServerLoad = async (event) => {
	const { url, locals } = event;
	const code = (url.searchParams.get('code') ?? '').slice(0, 32);
	const lookup =
		code && locals.user
			? await guardedClassByJoinCode(appDb(), {
					code,
					userId: locals.user.id,
					address: clientAddress(event),
					now: locals.now
				})
			: null;
	if (lookup?.blocked) event.setHeaders({ 'retry-after': String(lookup.retryAfterS) });
	const found = lookup && !lookup.blocked ? lookup.found : null;
	return {
		code,
		looked: lookup !== null && !lookup.blocked,
		throttled: lookup?.blocked ?? false,
		found: found ? { name: found.name, instructor: found.instructor, code: found.code } : null,
		role: locals.user?.role ?? null
	};
};

// Codes are short: anything longer is cut, and the service answers a wrong or empty code.
const joinForm = z.object({ code: text().transform((code) => code.slice(0, 32)) });

export const actions: Actions = {
	default: async (event) => {
		const user = requireStudent(event);
		const parsed = await parseForm(event.request, joinForm);
		if (!parsed.ok) return fail(400, { code: '', message: 'Enter the join code.' });
		const { code } = parsed.data;
		const result = await joinClass(appDb(), {
			user,
			code,
			now: event.locals.now,
			address: clientAddress(event)
		});
		if (!result.ok) {
			if (result.retryAfterS) event.setHeaders({ 'retry-after': String(result.retryAfterS) });
			return fail(result.status, { code, message: result.message });
		}
		redirect(303, `/classes/${result.classId}`);
	}
};
