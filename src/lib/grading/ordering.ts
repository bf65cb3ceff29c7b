import type { QuestionOf } from '$lib/content/types';
import { asStringList } from './response';
import { verdict, ZERO, type Verdict } from './verdict';

/**
 * Ordering, partial credit: the share of item pairs placed in the right relative order (Kendall's tau
 * rescaled to [0, 1]). One swap of neighbours in a list of n loses 1 / (n·(n−1)/2); the reverse order
 * earns 0. A response must be a permutation of the items, or it earns nothing.
 */
export function gradeOrdering(q: QuestionOf<'ordering'>, response: unknown): Verdict {
	const order = asStringList(response);
	const n = q.answer.length;
	if (!order || order.length !== n || new Set(order).size !== n) return ZERO;
	const position = new Map(order.map((id, i) => [id, i]));
	if (q.answer.some((id) => !position.has(id))) return ZERO;
	let concordant = 0;
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			if ((position.get(q.answer[i] as string) as number) < (position.get(q.answer[j] as string) as number))
				concordant++;
		}
	}
	return verdict(concordant / ((n * (n - 1)) / 2));
}
