import type { LayoutServerLoad } from './$types';

/** Who is signed in, for the header: picked fields only. */
export const load: LayoutServerLoad = ({ locals }) => ({
	account: locals.user
		? {
				username: locals.user.username,
				displayName: locals.user.displayName,
				role: locals.user.role,
				mustChangePassword: locals.user.mustChangePassword
			}
		: null
});
