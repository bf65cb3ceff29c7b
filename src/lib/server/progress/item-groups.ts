/**
 * Item analysis a teacher can read at class size (issue 11, point 7): with 30 students drawing 20 of 74
 * items, 53 of 74 rows said "few responses" on an 8,000 px page. Rows are grouped under their objective (in
 * the module's order), and within a group the rows with fewer than THRESHOLDS.minResponses responses are set
 * apart so the page can fold them. With a fixed form (a same-questions assignment) each question on it has
 * its number in that form, and a group lists its questions in form order; otherwise hardest first.
 */
import type { Objective } from '$lib/content/types';
import { THRESHOLDS } from './item-stats';
import type { ItemRow } from './item-analysis';

export interface ObjectiveItems<T> {
	objectiveId: string;
	title: string;
	/** Rows with enough responses to read, in the group's order. */
	shown: T[];
	/** Rows with fewer than `minResponses` responses, same order: the page folds them. */
	sparse: T[];
}

type Groupable = Pick<ItemRow, 'questionId' | 'objective' | 'n' | 'facility'>;

/**
 * `items` by objective, objectives in `objectives` order (a question whose objective the module no longer
 * lists comes last, under its id); groups without rows are left out. `numbers`: question id → its number on
 * the fixed form, 1-based.
 */
export function groupByObjective<T extends Groupable>(
	items: readonly T[],
	objectives: readonly Pick<Objective, 'id' | 'title'>[],
	numbers: ReadonlyMap<string, number> = new Map(),
	minResponses: number = THRESHOLDS.minResponses
): ObjectiveItems<T>[] {
	const number = (i: T) => numbers.get(i.questionId) ?? Number.POSITIVE_INFINITY;
	const order = (a: T, b: T) =>
		number(a) - number(b) ||
		(a.facility ?? 2) - (b.facility ?? 2) ||
		a.questionId.localeCompare(b.questionId);
	const known = objectives.map((o) => o.id);
	const others = [...new Set(items.map((i) => i.objective).filter((id) => !known.includes(id)))];
	return [...known, ...others].flatMap((objectiveId) => {
		const mine = items.filter((i) => i.objective === objectiveId).sort(order);
		if (mine.length === 0) return [];
		return [
			{
				objectiveId,
				title: objectives.find((o) => o.id === objectiveId)?.title ?? objectiveId,
				shown: mine.filter((i) => i.n >= minResponses),
				sparse: mine.filter((i) => i.n < minResponses)
			}
		];
	});
}
