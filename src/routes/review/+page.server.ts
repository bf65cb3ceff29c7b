import { error, fail } from '@sveltejs/kit';
import { responseFromForm } from '$lib/content/form-response';
import { toPublicQuestion } from '$lib/content/public';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { readForm } from '$lib/server/form';
import {
	countDueReviews,
	DAILY_REVIEWS,
	nextDueReview,
	recordReview,
	reviewsDoneToday,
	shownQuestion,
	syncReviewCards
} from '$lib/server/progress/review-cards';
import { answerFeedback } from '$lib/server/quiz/views';
import type { Actions, PageServerLoad } from './$types';

const PREFIX = 'r';

const DAY = 86_400_000;
function comesBack(now: Date, due: Date): string {
	const days = Math.round((due.getTime() - now.getTime()) / DAY);
	if (days < 1) return due.getTime() - now.getTime() < 60 * 60_000 ? 'in a few minutes' : 'later today';
	return days === 1 ? 'tomorrow' : `in ${days} days`;
}

export const load: PageServerLoad = async ({ locals }) => {
	const input = { db: appDb(), content: appContent(), learnerId: locals.learner.id, now: locals.now };
	await syncReviewCards(input);
	const [due, doneToday] = await Promise.all([countDueReviews(input), reviewsDoneToday(input)]);
	const left = Math.max(0, DAILY_REVIEWS - doneToday);
	return {
		due,
		doneToday,
		daily: DAILY_REVIEWS,
		next: left > 0 ? await nextDueReview(input) : null,
		prefix: PREFIX
	};
};

export const actions: Actions = {
	answer: async ({ request, locals }) => {
		const content = appContent();
		const db = appDb();
		const form = await readForm(request);
		const moduleId = String(form.get('module') ?? '');
		const questionId = String(form.get('card') ?? '');
		const rep = Number(form.get('rep'));
		const shownId = String(form.get('shown') ?? '');
		if (!moduleId || !questionId || !Number.isInteger(rep) || !shownId)
			return fail(400, { message: 'The review form is incomplete.' });
		const card = await db.kysely
			.selectFrom('review_cards')
			.select(['module_id', 'question_id', 'reps'])
			.where('learner_id', '=', locals.learner.id)
			.where('module_id', '=', moduleId)
			.where('question_id', '=', questionId)
			.executeTakeFirst();
		if (!card) error(404, 'No such review card.');
		// A replayed post (back button, resubmit) is refused before its answer is even read.
		if (card.reps !== rep) return fail(409, { message: 'This review has already been recorded.' });
		const shown = shownQuestion(content, { ...card, reps: rep });
		if (!shown || shown.id !== shownId)
			return fail(422, { message: 'That question is not part of this review.' });
		const response = responseFromForm(toPublicQuestion(shown), form, PREFIX);
		if (response === undefined) return fail(422, { message: 'Answer the question before checking it.' });
		const result = await recordReview({
			db,
			content,
			learnerId: locals.learner.id,
			moduleId,
			questionId,
			rep,
			shownId,
			response,
			now: locals.now
		});
		if (!result.ok) return fail(result.status, { message: result.message });
		return {
			feedback: answerFeedback({
				content,
				moduleId,
				question: result.question,
				response,
				verdict: result.verdict,
				at: locals.now
			}),
			nextDue: result.nextDue,
			comesBack: comesBack(locals.now, new Date(result.nextDue))
		};
	}
};
