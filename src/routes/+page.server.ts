import { catalogModules } from '$lib/server/catalog/catalog';
import { catalogQuizzes } from '$lib/server/catalog/catalog-quizzes';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { catalogLessons } from '$lib/server/lessons/catalog-lessons';
import { countDueReviews, syncReviewCards } from '$lib/server/progress/review-cards';
import { listAttempts } from '$lib/server/quiz/attempts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const content = appContent();
	const db = appDb();
	const attempts = await listAttempts({ db, learnerId: locals.learner.id });
	const learner = { db, content, learnerId: locals.learner.id, now: locals.now };
	await syncReviewCards(learner);
	return {
		modules: catalogModules(content),
		lessons: await catalogLessons({ db, learnerId: locals.learner.id, index: content }),
		quizzes: catalogQuizzes(content, attempts, locals.now),
		reviewsDue: await countDueReviews(learner)
	};
};
