import { fail } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/accounts';
import { clientAddress, requireUser } from '$lib/server/auth/request';
import { resetsOfUser } from '$lib/server/classes/password-resets';
import { appDb } from '$lib/server/db';
import { field, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		user: { username: user.username, displayName: user.displayName, role: user.role },
		mustChangePassword: user.mustChangePassword,
		passwordResets: user.role === 'student' ? await resetsOfUser(appDb(), { userId: user.id }) : null
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		const result = await changePassword(appDb(), {
			userId: user.id,
			sessionId: event.locals.sessionId ?? '',
			current: field(form, 'current'),
			next: field(form, 'next'),
			confirm: field(form, 'confirm'),
			now: event.locals.now,
			address: clientAddress(event)
		});
		if (!result.ok) {
			if (result.retryAfterS) event.setHeaders({ 'retry-after': String(result.retryAfterS) });
			return fail(result.status, { message: result.message });
		}
		return { changed: true };
	}
};
