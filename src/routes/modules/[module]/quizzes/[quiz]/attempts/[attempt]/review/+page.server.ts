import { redirect } from '@sveltejs/kit';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { answersOf } from '$lib/server/quiz/attempts';
import { heldForAttempt } from '$lib/server/quiz/held-keys';
import { attemptOr404 } from '$lib/server/quiz/route-helpers';
import { reviewOpen } from '$lib/server/quiz/timing';
import { attemptPath, attemptReview, attemptSummary, quizInfo } from '$lib/server/quiz/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const content = appContent();
	const db = appDb();
	const { quiz, attempt } = await attemptOr404({
		db,
		content,
		learnerId: locals.learner.id,
		params,
		now: locals.now
	});
	// Nothing to review before grading: back to the attempt (which sends no keys).
	if (attempt.status === 'open') redirect(303, attemptPath(attempt));
	if (!reviewOpen(attempt, locals.now)) {
		return { quiz: quizInfo(content, quiz), attempt: attemptSummary(attempt, locals.now), review: null };
	}
	const [answers, held] = await Promise.all([
		answersOf({ db, attemptId: attempt.id }),
		heldForAttempt(db, attempt, locals.now)
	]);
	const review = attemptReview({ content, quiz, attempt, answers, now: locals.now, held });
	return { quiz: review.quiz, attempt: review.attempt, review };
};
