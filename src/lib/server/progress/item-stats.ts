/**
 * Item statistics for quiz questions, computed from sums that SQL aggregates cheaply (one GROUP BY over the
 * responses, no rows pulled into JavaScript):
 *
 * - facility: mean score on the item (0–1); with partial credit it is the mean fraction earned.
 * - discrimination: the item–rest correlation (point-biserial when scores are 0/1): Pearson's r between the
 *   item score x and the rest of the attempt's score y = total − x, so an item does not correlate with itself.
 *     r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²))
 */

export interface ItemSums {
	n: number;
	sumX: number;
	sumY: number;
	sumXY: number;
	sumXX: number;
	sumYY: number;
}

export interface ItemStats {
	n: number;
	facility: number | null;
	discrimination: number | null;
	flags: ItemFlag[];
}

export type ItemFlag =
	'too-easy' | 'too-hard' | 'negative-discrimination' | 'low-discrimination' | 'few-responses';

export const THRESHOLDS = {
	/** Below this many responses the statistics are shown but not trusted for flags. */
	minResponses: 10,
	tooEasy: 0.9,
	tooHard: 0.25,
	lowDiscrimination: 0.15
} as const;

const round = (v: number) => Math.round(v * 1000) / 1000;

export function correlation(s: ItemSums): number | null {
	const num = s.n * s.sumXY - s.sumX * s.sumY;
	const varX = s.n * s.sumXX - s.sumX * s.sumX;
	const varY = s.n * s.sumYY - s.sumY * s.sumY;
	// With no spread in either score (everyone right, or everyone got the same rest score) r is undefined.
	if (varX <= 1e-12 || varY <= 1e-12) return null;
	return round(num / Math.sqrt(varX * varY));
}

export function itemStats(s: ItemSums): ItemStats {
	if (s.n === 0) return { n: 0, facility: null, discrimination: null, flags: ['few-responses'] };
	const facility = round(s.sumX / s.n);
	const discrimination = correlation(s);
	const flags: ItemFlag[] = [];
	if (s.n < THRESHOLDS.minResponses) flags.push('few-responses');
	else {
		if (facility > THRESHOLDS.tooEasy) flags.push('too-easy');
		if (facility < THRESHOLDS.tooHard) flags.push('too-hard');
		if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination');
		else if (discrimination !== null && discrimination < THRESHOLDS.lowDiscrimination)
			flags.push('low-discrimination');
	}
	return { n: s.n, facility, discrimination, flags };
}

/** Sums from raw (itemScore, attemptTotal) pairs: for tests and small in-memory cases. */
export function sumsOf(pairs: { item: number; total: number }[]): ItemSums {
	const s: ItemSums = { n: 0, sumX: 0, sumY: 0, sumXY: 0, sumXX: 0, sumYY: 0 };
	for (const { item, total } of pairs) {
		const rest = total - item;
		s.n++;
		s.sumX += item;
		s.sumY += rest;
		s.sumXY += item * rest;
		s.sumXX += item * item;
		s.sumYY += rest * rest;
	}
	return s;
}
