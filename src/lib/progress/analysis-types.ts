/** Item analysis as the instructor pages receive it (built on the server: server/progress/item-analysis.ts). */
export type ItemFlagName =
	'too-easy' | 'too-hard' | 'negative-discrimination' | 'low-discrimination' | 'few-responses';

export const FLAG_LABELS: Record<ItemFlagName, string> = {
	'too-easy': 'Too easy',
	'too-hard': 'Too hard',
	'negative-discrimination': 'Negative discrimination',
	'low-discrimination': 'Low discrimination',
	'few-responses': 'Few responses'
};

export interface PublicOptionFrequency {
	id: string;
	text: string;
	correct: boolean;
	count: number;
	share: number;
}

export interface PublicItemRow {
	questionId: string;
	/** Its number on the class's fixed form ("Question 5"), when the class took the quiz as one. */
	number: number | null;
	prompt: string;
	type: string;
	objective: string;
	difficulty: number;
	n: number;
	facility: number | null;
	discrimination: number | null;
	flags: ItemFlagName[];
	unanswered: number;
	options: PublicOptionFrequency[];
	href: string;
}
