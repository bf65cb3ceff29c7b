import { fail, redirect } from '@sveltejs/kit';
import { requireInstructor, requireUser } from '$lib/server/auth/request';
import { classesOfInstructor, classesOfStudent, createClass } from '$lib/server/classes/classes';
import { appDb } from '$lib/server/db';
import { field, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = appDb();
	if (user.role === 'instructor')
		return {
			role: 'instructor' as const,
			teaching: await classesOfInstructor(db, { instructorId: user.id }),
			joined: []
		};
	return { role: 'student' as const, teaching: [], joined: await classesOfStudent(db, { userId: user.id }) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireInstructor(event);
		const form = await readForm(event.request);
		const name = field(form, 'name');
		const result = await createClass(appDb(), { instructor: user, name, now: event.locals.now });
		if (!result.ok) return fail(result.status, { name: name.slice(0, 100), message: result.message });
		redirect(303, `/classes/${result.id}`);
	}
};
