import type { QuestionOf } from '$lib/content/types';
import { asIndexList } from './response';
import { verdict, ZERO, type Verdict } from './verdict';

/**
 * Evidence, partial credit like multiple choice: (supporting sentences picked − other sentences picked)
 * / supporting sentences, floored at 0, so selecting the whole passage earns nothing.
 */
export function gradeEvidence(q: QuestionOf<'evidence'>, response: unknown): Verdict {
	const picks = asIndexList(response);
	if (!picks) return ZERO;
	const key = new Set(q.answer);
	let right = 0;
	let wrong = 0;
	for (const i of new Set(picks)) {
		if (i >= q.sentences.length) continue;
		if (key.has(i)) right++;
		else wrong++;
	}
	return verdict((right - wrong) / key.size);
}
