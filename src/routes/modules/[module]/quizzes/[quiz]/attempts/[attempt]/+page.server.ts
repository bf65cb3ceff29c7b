import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isAnswered } from '$lib/content/form-response';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { checkForm, readForm, text } from '$lib/server/form';
import {
	answersOf,
	attemptQuestionIds,
	checkAnswer,
	saveAnswers,
	storedResponse,
	submitAttempt,
	type AttemptRow
} from '$lib/server/quiz/attempts';
import { attemptOr404, responsesFromForm } from '$lib/server/quiz/route-helpers';
import { heldForAttempt, NOTHING_HELD } from '$lib/server/quiz/held-keys';
import { publicAttempt, reviewPath } from '$lib/server/quiz/views';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, request }) => {
	const content = appContent();
	const db = appDb();
	const { quiz, attempt } = await attemptOr404({
		db,
		content,
		learnerId: locals.learner.id,
		params,
		now: locals.now
	});
	if (attempt.status !== 'open') {
		// A visit goes straight to the review. After a refused form post (answers sent after submitting or
		// after time ran out) the page stays, with the action's 4xx status and message and a way on.
		if (request.method !== 'POST') redirect(303, reviewPath(attempt));
		return { attempt: null, closed: { title: quiz.title, reviewHref: reviewPath(attempt) } };
	}
	const answers = await answersOf({ db, attemptId: attempt.id });
	// Only immediate feedback shows keys during an attempt.
	const held =
		attempt.feedback === 'immediate' ? await heldForAttempt(db, attempt, locals.now) : NOTHING_HELD;
	return { attempt: publicAttempt({ content, quiz, attempt, answers, now: locals.now, held }), closed: null };
};

// The answers themselves are named per question (responsesFromForm reads them); these are the buttons' fields.
const submitForm = z.object({ confirm: text() });
const checkButton = z.object({ check: z.string({ error: 'Say which question to check.' }) });

type Event = RequestEvent<{ module: string; quiz: string; attempt: string }>;

/**
 * Saves every answer the form carries (the no-JavaScript path; with JavaScript, autosave has usually saved
 * them already). Fails with the service's status when the attempt refuses them.
 */
async function saveForm(event: Event, form: FormData) {
	const content = appContent();
	const db = appDb();
	const { locals, params } = event;
	const { attempt } = await attemptOr404({
		db,
		content,
		learnerId: locals.learner.id,
		params,
		now: locals.now
	});
	const read = responsesFromForm(content, attempt, form);
	if (read.strangers.length) {
		return {
			attempt,
			failure: fail(400, {
				message: `The form names questions that are not part of this attempt (${read.strangers.join(', ')}). Nothing was saved.`
			})
		};
	}
	const saved = await saveAnswers({
		db,
		content,
		learnerId: locals.learner.id,
		attemptId: attempt.id,
		responses: read.responses,
		now: locals.now
	});
	if (!saved.ok)
		return { attempt, refusedStatus: saved.status, failure: fail(saved.status, { message: saved.message }) };
	return { attempt, saved: saved.changed.length, incomplete: read.incomplete };
}

async function unanswered(attempt: AttemptRow): Promise<number> {
	const answers = await answersOf({ db: appDb(), attemptId: attempt.id });
	return attemptQuestionIds(attempt).filter((id) => !isAnswered(storedResponse(answers.get(id)))).length;
}

export const actions: Actions = {
	save: async (event) => {
		const result = await saveForm(event, await readForm(event.request));
		if (result.failure) return result.failure;
		return { saved: result.saved, incomplete: result.incomplete };
	},

	/** Without `confirm=yes`: save and ask for confirmation, counting unanswered questions. With it: submit. */
	submit: async (event) => {
		const form = await readForm(event.request);
		const parsed = checkForm(form, submitForm);
		if (!parsed.ok) return fail(400, { message: 'The submit form is incomplete.' });
		const result = await saveForm(event, form);
		// A replayed submit of a graded attempt (double click, retry) lands on the same review: idempotent.
		if (result.failure && result.refusedStatus !== 409) return result.failure;
		const { locals } = event;
		if (!result.failure && parsed.data.confirm !== 'yes') {
			return {
				confirm: {
					unanswered: await unanswered(result.attempt),
					total: attemptQuestionIds(result.attempt).length
				},
				incomplete: result.incomplete
			};
		}
		const submitted = await submitAttempt({
			db: appDb(),
			content: appContent(),
			learnerId: locals.learner.id,
			attemptId: result.attempt.id,
			now: locals.now
		});
		if (!submitted.ok) return fail(submitted.status, { message: submitted.message });
		redirect(303, reviewPath(submitted.attempt));
	},

	/** Immediate feedback: save the form, then grade and lock the named question. */
	check: async (event) => {
		const form = await readForm(event.request);
		const parsed = checkForm(form, checkButton);
		if (!parsed.ok) return fail(400, { message: parsed.errors.check ?? 'Say which question to check.' });
		const questionId = parsed.data.check;
		const result = await saveForm(event, form);
		if (result.failure) return result.failure;
		const { locals } = event;
		const checked = await checkAnswer({
			db: appDb(),
			content: appContent(),
			learnerId: locals.learner.id,
			attemptId: result.attempt.id,
			questionId,
			now: locals.now
		});
		if (!checked.ok) return fail(checked.status, { message: checked.message, question: questionId });
		return { checked: questionId, incomplete: result.incomplete };
	}
};
