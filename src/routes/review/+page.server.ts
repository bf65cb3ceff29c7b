import { error, fail } from '@sveltejs/kit';
import { responseFromForm } from '$lib/content/form-response';
import { toPublicQuestion } from '$lib/content/public';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { checkForm, readForm } from '$lib/server/form';
import {
	countDueReviews,
	DAILY_REVIEWS,
	nextDueReview,
	recordReview,
	reviewsDoneToday,
	shownQuestion,
	syncReviewCards
} from '$lib/server/progress/review-cards';
import { heldKeys } from '$lib/server/quiz/held-keys';
import { answerFeedback } from '$lib/server/quiz/views';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const PREFIX = 'r';

// Which card, at which repetition, showing which question: any of them missing or malformed is one message.
const INCOMPLETE = 'The review form is incomplete.';
const reviewForm = z.object({
	module: z.string().min(1),
	card: z.string().min(1),
	rep: z.coerce.number().int(),
	shown: z.string().min(1)
});

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
		// The answer's fields (several checked options) are read from the same form below.
		const form = await readForm(request);
		const parsed = checkForm(form, reviewForm);
		if (!parsed.ok) return fail(400, { message: INCOMPLETE });
		const { module: moduleId, card: questionId, rep, shown: shownId } = parsed.data;
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
				at: locals.now,
				held: await heldKeys({ db, moduleId, now: locals.now })
			}),
			nextDue: result.nextDue,
			comesBack: comesBack(locals.now, new Date(result.nextDue))
		};
	}
};
