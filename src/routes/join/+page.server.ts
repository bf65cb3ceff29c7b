import { fail, redirect } from '@sveltejs/kit';
import { requireStudent } from '$lib/server/auth/request';
import { classByJoinCode, joinClass } from '$lib/server/classes/classes';
import { appDb } from '$lib/server/db';
import { field, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** The join link (`/join?code=…`): shows which class the code is for, then joins on a POST. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const code = (url.searchParams.get('code') ?? '').slice(0, 32);
	const found = code ? await classByJoinCode(appDb(), { code }) : null;
	return {
		code,
		found: found ? { name: found.name, instructor: found.instructor, code: found.code } : null,
		role: locals.user?.role ?? null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireStudent(event);
		const form = await readForm(event.request);
		const code = field(form, 'code').slice(0, 32);
		const result = await joinClass(appDb(), { user, code, now: event.locals.now });
		if (!result.ok) return fail(result.status, { code, message: result.message });
		redirect(303, `/classes/${result.classId}`);
	}
};
