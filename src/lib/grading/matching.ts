import type { QuestionOf } from '$lib/content/types';
import { asRecord } from './response';
import { verdict, ZERO, type Verdict } from './verdict';

/** Matching, partial credit: the share of left-hand items paired with their right-hand partner. */
export function gradeMatching(q: QuestionOf<'matching'>, response: unknown): Verdict {
	const pairs = asRecord(response);
	if (!pairs) return ZERO;
	const keys = Object.keys(q.answer);
	const right = keys.filter((left) => Object.hasOwn(pairs, left) && pairs[left] === q.answer[left]).length;
	return verdict(right / keys.length);
}
