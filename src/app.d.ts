// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Learner } from '$lib/server/learner';

declare global {
	namespace App {
		interface Locals {
			/** The anonymous or signed-in learner this request acts for (see hooks.server.ts). */
			learner: Learner;
			/** The server clock for this request (src/lib/server/clock.ts); quiz timing reads only this. */
			now: Date;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
