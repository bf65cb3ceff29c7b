import { fail } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/accounts';
import { clientAddress, requireUser } from '$lib/server/auth/request';
import { resetsOfUser } from '$lib/server/classes/password-resets';
import { appDb } from '$lib/server/db';
import { parseForm, text } from '$lib/server/form';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		user: { username: user.username, displayName: user.displayName, role: user.role },
		mustChangePassword: user.mustChangePassword,
		passwordResets: user.role === 'student' ? await resetsOfUser(appDb(), { userId: user.id }) : null
	};
};

// The service checks each password (the current one, the new one's rules, the confirmation).
const passwordForm = z.object({ current: text(), next: text(), confirm: text() });

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const parsed = await parseForm(event.request, passwordForm);
		if (!parsed.ok) return fail(400, { message: 'The password form is incomplete.' });
		const { current, next, confirm } = parsed.data;
		const result = await changePassword(appDb(), {
			userId: user.id,
			sessionId: event.locals.sessionId ?? '',
			current,
			next,
			confirm,
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
