import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { syncReviewCards } from '$lib/server/progress/review-cards';
import { studentProgress } from '$lib/server/progress/student-progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const input = { db: appDb(), content: appContent(), learnerId: locals.learner.id, now: locals.now };
	await syncReviewCards(input);
	return { progress: await studentProgress(input) };
};
