/** The catalog's quiz lists: each module's quizzes with this learner's best score and attempts used. */
import type { ModuleContent, Quiz } from '$lib/content/types';
import type { ContentIndex } from '$lib/server/content/content-index';
import { quizProgress } from '$lib/server/quiz/views';

type Attempts = Parameters<typeof quizProgress>[1];

/** Objective quizzes in the module's objective order, then quizzes that span several objectives. */
function ordered(m: ModuleContent): Quiz[] {
	const rank = (q: Quiz) => {
		const objectives = new Set(q.draws.map((d) => d.objective));
		const first = m.objectives.findIndex((o) => objectives.has(o.id));
		return (objectives.size > 1 ? 1000 : 0) + first;
	};
	return [...m.quizzes].sort((a, b) => rank(a) - rank(b));
}

export function catalogQuizzes(index: ContentIndex, attempts: Attempts, now: Date) {
	return Object.fromEntries(
		index.modules.map((m) => [m.id, ordered(m).map((q) => quizProgress(q, attempts, now))])
	);
}
