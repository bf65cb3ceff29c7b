import { fail, redirect } from '@sveltejs/kit';
import { requireInstructor, requireUser } from '$lib/server/auth/request';
import { classesOfInstructor, classesOfStudent, createClass } from '$lib/server/classes/classes';
import { appDb } from '$lib/server/db';
import { parseForm, text } from '$lib/server/form';
import { z } from 'zod';
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

// The service checks the name (empty, too long) in its own words.
const createForm = z.object({ name: text() });

export const actions: Actions = {
	create: async (event) => {
		const user = requireInstructor(event);
		const parsed = await parseForm(event.request, createForm);
		if (!parsed.ok) return fail(400, { name: '', message: 'Enter a name for the class.' });
		const { name } = parsed.data;
		const result = await createClass(appDb(), { instructor: user, name, now: event.locals.now });
		if (!result.ok) return fail(result.status, { name: name.slice(0, 100), message: result.message });
		redirect(303, `/classes/${result.id}`);
	}
};
