/** The catalog's quiz lists: each module's quizzes (in teaching order) with this learner's best score and attempts used. */
import type { ContentIndex } from '$lib/server/content/content-index';
import { quizProgress } from '$lib/server/quiz/views';

type Attempts = Parameters<typeof quizProgress>[1];

export function catalogQuizzes(index: ContentIndex, attempts: Attempts, now: Date) {
	return Object.fromEntries(
		index.modules.map((m) => [m.id, m.quizzes.map((q) => quizProgress(q, attempts, now))])
	);
}
