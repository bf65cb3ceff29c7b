import type { Quiz } from '$lib/content/types';
import { catalogModules } from '$lib/server/catalog/catalog';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { listAttempts } from '$lib/server/quiz/attempts';
import { quizProgress } from '$lib/server/quiz/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const content = appContent();
	const attempts = await listAttempts({ db: appDb(), learnerId: locals.learner.id });
	return {
		modules: catalogModules(content),
		/** Each module's quizzes with this learner's best score and attempts used. */
		quizzes: Object.fromEntries(
			content.modules.map((m) => {
				// Objective quizzes in the module's objective order, then quizzes that span several objectives.
				const rank = (q: Quiz) => {
					const objectives = new Set(q.draws.map((d) => d.objective));
					const first = m.objectives.findIndex((o) => objectives.has(o.id));
					return (objectives.size > 1 ? 1000 : 0) + first;
				};
				const quizzes = [...m.quizzes].sort((a, b) => rank(a) - rank(b));
				return [m.id, quizzes.map((q) => quizProgress(q, attempts, locals.now))];
			})
		)
	};
};
