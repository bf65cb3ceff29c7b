/**
 * What the browser may see of a question before it is graded. Built by explicit picking, never by
 * spreading a Question, so a new secret field on Question cannot leak by accident: it has to be added here
 * on purpose.
 */
import type { Question } from './types';

interface PublicBase {
	id: string;
	prompt: string;
	objective: string;
	difficulty: 1 | 2 | 3;
}

export interface PublicChoice {
	id: string;
	text: string;
}

export type PublicQuestion =
	| (PublicBase & { type: 'single' | 'multiple'; options: PublicChoice[] })
	| (PublicBase & { type: 'true-false' })
	| (PublicBase & { type: 'ordering'; items: PublicChoice[] })
	| (PublicBase & { type: 'matching'; left: PublicChoice[]; right: PublicChoice[] })
	| (PublicBase & { type: 'short-text' })
	| (PublicBase & { type: 'numeric'; unit?: string })
	| (PublicBase & {
			type: 'evidence';
			claim: string;
			source: string;
			paragraph: number;
			sentences: string[];
	  });

const choice = (c: { id: string; text: string }): PublicChoice => ({ id: c.id, text: c.text });

/**
 * @param order optional per-attempt orderings (option, item, left and right ids) so each attempt can show
 * its own shuffle; ids missing from an order keep their authored position after the ordered ones.
 */
export function toPublicQuestion(q: Question, order: Partial<Record<string, string[]>> = {}): PublicQuestion {
	const base: PublicBase = { id: q.id, prompt: q.prompt, objective: q.objective, difficulty: q.difficulty };
	const arrange = <T extends { id: string }>(list: T[], key: string): T[] => {
		const wanted = order[key];
		if (!wanted) return list;
		const rank = new Map(wanted.map((id, i) => [id, i]));
		return [...list].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
	};
	switch (q.type) {
		case 'single':
		case 'multiple':
			return { ...base, type: q.type, options: arrange(q.options, 'options').map(choice) };
		case 'true-false':
			return { ...base, type: q.type };
		case 'ordering':
			return { ...base, type: q.type, items: arrange(q.items, 'items').map(choice) };
		case 'matching':
			return {
				...base,
				type: q.type,
				left: arrange(q.left, 'left').map(choice),
				right: arrange(q.right, 'right').map(choice)
			};
		case 'short-text':
			return { ...base, type: q.type };
		case 'numeric':
			return q.unit === undefined ? { ...base, type: q.type } : { ...base, type: q.type, unit: q.unit };
		case 'evidence':
			return {
				...base,
				type: q.type,
				claim: q.claim,
				source: q.passage.source,
				paragraph: q.passage.paragraph,
				sentences: [...q.sentences]
			};
	}
}
