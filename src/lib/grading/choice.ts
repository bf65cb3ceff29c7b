import type { QuestionOf } from '$lib/content/types';
import { asBoolean, asString, asStringList } from './response';
import { verdict, ZERO, type Verdict } from './verdict';

/** Single choice: all or nothing. The chosen option's own "why" is the feedback. */
export function gradeSingle(q: QuestionOf<'single'>, response: unknown): Verdict {
	const chosen = asString(response);
	if (chosen === undefined) return ZERO;
	const option = q.options.find((o) => o.id === chosen);
	if (!option) return ZERO;
	return verdict(chosen === q.answer ? 1 : 0, option.why);
}

/**
 * Multiple choice, partial credit: (right picks − wrong picks) / number of right options, floored at 0.
 * Ticking every box therefore earns nothing unless every option is right.
 */
export function gradeMultiple(q: QuestionOf<'multiple'>, response: unknown): Verdict {
	const picks = asStringList(response);
	if (!picks) return ZERO;
	const valid = new Set(q.options.map((o) => o.id));
	const chosen = new Set(picks.filter((p) => valid.has(p)));
	const key = new Set(q.answer);
	let right = 0;
	let wrong = 0;
	for (const p of chosen) {
		if (key.has(p)) right++;
		else wrong++;
	}
	return verdict((right - wrong) / key.size);
}

/** True/false: all or nothing. */
export function gradeTrueFalse(q: QuestionOf<'true-false'>, response: unknown): Verdict {
	const answer = asBoolean(response);
	if (answer === undefined) return ZERO;
	return verdict(answer === q.answer ? 1 : 0);
}
