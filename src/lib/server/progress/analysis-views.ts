/** Item analysis rows as the instructor pages receive them: explicit picking, links to the question pages. */
import type { PublicItemRow } from '$lib/progress/analysis-types';
import type { ItemRow } from './item-analysis';

/** `numbers`: each question's number on the class's fixed form, if it took the quiz as one. */
export function publicItems(
	items: readonly ItemRow[],
	base: string,
	moduleId: string,
	numbers: ReadonlyMap<string, number> = new Map()
): PublicItemRow[] {
	return items.map((i) => ({
		questionId: i.questionId,
		number: numbers.get(i.questionId) ?? null,
		prompt: i.prompt,
		type: i.type,
		objective: i.objective,
		difficulty: i.difficulty,
		n: i.n,
		facility: i.facility,
		discrimination: i.discrimination,
		flags: [...i.flags],
		unanswered: i.unanswered,
		options: i.options.map((o) => ({
			id: o.id,
			text: o.text,
			correct: o.correct,
			count: o.count,
			share: o.share
		})),
		href: `${base}/questions/${encodeURIComponent(moduleId)}/${encodeURIComponent(i.questionId)}`
	}));
}
