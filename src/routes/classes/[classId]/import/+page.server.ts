import { fail } from '@sveltejs/kit';
import { importStudents } from '$lib/server/classes/import-students';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { credentialsCsv, MAX_BYTES, MAX_ROWS } from '$lib/server/classes/roster-csv';
import { appDb } from '$lib/server/db';
import { field, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await requireOwnedClass(event, event.params.classId);
	return { klass: { id: klass.id, name: klass.name }, maxRows: MAX_ROWS };
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = await requireOwnedClass(event, event.params.classId);
		const form = await readForm(event.request);
		const file = form.get('file');
		let csv = field(form, 'csv');
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_BYTES)
				return fail(400, {
					csv: '',
					problems: [{ line: 0, message: `The file is larger than ${MAX_BYTES / 1000} kB.` }]
				});
			csv = await file.text();
		}
		const result = await importStudents(appDb(), {
			classId: event.params.classId,
			instructorId: user.id,
			csv,
			now: event.locals.now
		});
		if (!result.ok) return fail(result.status, { csv: csv.slice(0, MAX_BYTES), problems: result.problems });
		// Shown once: the passwords exist only in this response (the database keeps their hashes).
		return { created: result.created, sheet: credentialsCsv(result.created) };
	}
};
