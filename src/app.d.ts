// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Learner } from '$lib/server/learner';

declare global {
	namespace App {
		interface Locals {
			/** The anonymous or signed-in learner this request acts for (see hooks.server.ts). */
			learner: Learner;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
