import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/request';
import { deleteSession } from '$lib/server/auth/sessions';
import { appDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	// Signing out is a POST (a link could be triggered by any page); signed-out visitors just go home.
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) await deleteSession(appDb(), locals.sessionId);
		clearSessionCookie(cookies);
		redirect(303, '/');
	}
};
