import type { QuestionOf } from '$lib/content/types';
import { asNumber } from './response';
import { verdict, ZERO, type Verdict } from './verdict';

/** Numeric: full marks within ± tolerance of the key (inclusive), else nothing. */
export function gradeNumeric(q: QuestionOf<'numeric'>, response: unknown): Verdict {
	const n = asNumber(response);
	if (n === undefined) return ZERO;
	// A small epsilon keeps 0.1 + 0.2 style representation error from failing an exact answer.
	return verdict(Math.abs(n - q.answer) <= q.tolerance + 1e-9 ? 1 : 0);
}
