// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Learner } from '$lib/server/learner';

declare global {
	namespace App {
		interface Locals {
			/** The anonymous or signed-in learner this request acts for (see hooks.server.ts). */
			learner: Learner;
			/** The signed-in account, or null (see $lib/server/auth). */
			user: SessionUser | null;
			/** The id (token hash) of the current session, or null. */
			sessionId: string | null;
			/** The server clock for this request ($lib/server/clock.ts): use it, not `new Date()`. */
			now: Date;
			/** Set by handleError when a write found the database locked for too long: the answer becomes a 503. */
			databaseBusy?: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
