import type { QuestionOf } from '$lib/content/types';
import { asString } from './response';
import { verdict, ZERO, type Verdict } from './verdict';

/**
 * Normalise typed text for comparison: case, diacritics, typographic quotes, punctuation and whitespace
 * are ignored, so "the Federation Council." matches "Federation Council" only if that variant is listed,
 * but "FEDERATION  council" matches "Federation Council".
 */
export function normaliseAnswer(input: string): string {
	return input
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[\u2018\u2019\u201C\u201D'"`]/g, '')
		.replace(/[\p{P}\p{S}]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Short text: all or nothing against the answer and its accepted variants; known wrong answers get their feedback. */
export function gradeShortText(q: QuestionOf<'short-text'>, response: unknown): Verdict {
	const typed = asString(response);
	if (typed === undefined) return ZERO;
	const given = normaliseAnswer(typed.slice(0, 500));
	if (given === '') return ZERO;
	if ([q.answer, ...q.accept].some((a) => normaliseAnswer(a) === given)) return verdict(1);
	const known = q.reject.find((r) => normaliseAnswer(r.text) === given);
	return verdict(0, known?.why);
}
