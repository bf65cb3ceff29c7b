import { fail, redirect } from '@sveltejs/kit';
import { echoAssignmentForm, formOptions } from '$lib/server/classes/assignment-page';
import { createAssignment, parseAssignmentForm } from '$lib/server/classes/assignments';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { assignableTargets } from '$lib/server/classes/targets';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { field, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await requireOwnedClass(event, event.params.classId);
	const targets = assignableTargets(appContent());
	const preselect = event.url.searchParams.get('target');
	return {
		klass: { id: klass.id, name: klass.name },
		...formOptions(targets),
		values: {
			target: targets.find((t) => t.key === preselect)?.key ?? targets[0]?.key ?? '',
			opensAt: event.locals.now.toISOString(),
			dueAt: null,
			attemptsAllowed: 1,
			timeLimitMinutes: null,
			feedbackPolicy: 'after-due',
			latePolicy: 'accept',
			sameQuestions: false
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = await requireOwnedClass(event, event.params.classId);
		const form = await readForm(event.request);
		const get = (name: string) => field(form, name);
		const parsed = parseAssignmentForm(get, assignableTargets(appContent()));
		if (!parsed.ok)
			return fail(400, {
				errors: parsed.errors,
				values: echoAssignmentForm(get),
				message: 'Check the fields marked below.'
			});
		const result = await createAssignment(appDb(), {
			classId: event.params.classId,
			instructorId: user.id,
			input: parsed.input,
			now: event.locals.now
		});
		if (!result.ok)
			return fail(result.status, { errors: {}, values: echoAssignmentForm(get), message: result.message });
		redirect(303, `/classes/${event.params.classId}/assignments/${result.id}`);
	}
};
