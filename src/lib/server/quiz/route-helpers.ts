/**
 * What the quiz routes share: finding the quiz and the learner's attempt from the URL (404 for anything
 * that is not theirs), and reading a quiz form back into responses.
 */
import { error } from '@sveltejs/kit';
import { responseFromForm, type FormLike } from '$lib/content/form-response';
import { toPublicQuestion } from '$lib/content/public';
import type { Quiz } from '$lib/content/types';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { attemptOrders, attemptQuestionIds, findAttempt, settleAttempt, type AttemptRow } from './attempts';

export function quizOr404(content: ContentIndex, moduleId: string, quizId: string): Quiz {
	const quiz = content.quiz(moduleId, quizId);
	if (!quiz) error(404, 'No such quiz');
	return quiz;
}

/**
 * The learner's attempt named by the URL, settled (graded) if its time ran out. Another learner's attempt,
 * or an attempt under a different quiz's URL, is a 404: existence is not disclosed.
 */
export async function attemptOr404(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	params: { module: string; quiz: string; attempt: string };
	now: Date;
}): Promise<{ quiz: Quiz; attempt: AttemptRow }> {
	const { db, content, learnerId, params, now } = input;
	const quiz = quizOr404(content, params.module, params.quiz);
	const found = await findAttempt({ db, learnerId, attemptId: params.attempt });
	if (!found || found.module_id !== quiz.moduleId || found.quiz_id !== quiz.id) error(404, 'No such attempt');
	return { quiz, attempt: await settleAttempt({ db, content, attempt: found, now }) };
}

/** Hidden field listing each question the form rendered fields for. */
export const SHOWN_FIELD = 'shown';

export interface FormResponses {
	/** question id → response (null clears), for every question whose fields were sent complete or empty. */
	responses: Map<string, unknown>;
	/** Question numbers whose fields were partly filled (e.g. an ordering with a position left out). */
	incomplete: number[];
	/** Field names that name a question outside the attempt. */
	strangers: string[];
}

export function responsesFromForm(
	content: ContentIndex,
	attempt: AttemptRow,
	form: FormLike & { keys(): Iterable<string> }
): FormResponses {
	const ids = attemptQuestionIds(attempt);
	const orders = attemptOrders(attempt);
	const names = [...new Set(form.keys())];
	const strangers = names.filter(
		(name) => name.startsWith('q.') && !ids.includes(name.slice(2).split('.')[0] ?? '')
	);
	const responses = new Map<string, unknown>();
	const incomplete: number[] = [];
	// Only questions the form says it rendered: a bare replayed post (say, just confirm=yes) changes no
	// answer, while an emptied checkbox group in a rendered question still clears it.
	const shown = new Set(form.getAll(SHOWN_FIELD).filter((v): v is string => typeof v === 'string'));
	const unknownShown = [...shown].filter((id) => !ids.includes(id));
	strangers.push(...unknownShown.map((id) => `${SHOWN_FIELD}=${id}`));
	ids.forEach((id, i) => {
		const question = content.question(attempt.module_id, id);
		if (!question || !shown.has(id)) return;
		const prefix = `q.${id}`;
		const response = responseFromForm(toPublicQuestion(question, orders[id]), form, prefix);
		if (response !== undefined) {
			responses.set(id, response);
			return;
		}
		const touched = names.some(
			(name) =>
				(name === prefix || name.startsWith(`${prefix}.`)) &&
				form.getAll(name).some((v) => typeof v === 'string' && v.trim() !== '')
		);
		if (touched) incomplete.push(i + 1);
		else responses.set(id, null);
	});
	return { responses, incomplete, strangers };
}
