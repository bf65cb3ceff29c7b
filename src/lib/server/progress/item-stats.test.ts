import { describe, expect, it } from 'vitest';
import { itemStats, sumsOf } from './item-stats';

describe('item statistics', () => {
	it('matches a hand-computed example', () => {
		// Five students; item score x and attempt total (out of 4) → rest y = total − x.
		//   x: 1 1 1 0 0     total: 4 3 2 1 0     y: 3 2 1 1 0
		// n = 5, Σx = 3, Σy = 7, Σxy = 3+2+1 = 6, Σx² = 3, Σy² = 9+4+1+1+0 = 15
		// facility = 3/5 = 0.6
		// r = (5·6 − 3·7) / √((5·3 − 9)(5·15 − 49)) = 9 / √(6·26) = 9 / √156 = 9 / 12.490 = 0.7206
		const pairs = [
			{ item: 1, total: 4 },
			{ item: 1, total: 3 },
			{ item: 1, total: 2 },
			{ item: 0, total: 1 },
			{ item: 0, total: 0 }
		];
		const sums = sumsOf(pairs);
		expect(sums).toEqual({ n: 5, sumX: 3, sumY: 7, sumXY: 6, sumXX: 3, sumYY: 15 });
		const stats = itemStats(sums);
		expect(stats.facility).toBe(0.6);
		expect(stats.discrimination).toBe(0.721);
		expect(stats.flags).toEqual(['few-responses']);
	});

	it('flags an item the weaker students get right and the stronger get wrong', () => {
		// Ten students: the five with the highest rest scores miss it, the five lowest get it.
		const pairs = Array.from({ length: 10 }, (_, i) =>
			i < 5 ? { item: 0, total: 10 - i } : { item: 1, total: 1 + (9 - i) }
		);
		const stats = itemStats(sumsOf(pairs));
		expect(stats.discrimination).toBeLessThan(0);
		expect(stats.flags).toContain('negative-discrimination');
	});

	it('flags items nearly everyone gets right or wrong', () => {
		const easy = Array.from({ length: 20 }, (_, i) => ({ item: i === 0 ? 0 : 1, total: 5 + (i % 3) }));
		expect(itemStats(sumsOf(easy)).flags).toContain('too-easy');
		const hard = Array.from({ length: 20 }, (_, i) => ({ item: i < 2 ? 1 : 0, total: 2 + (i % 4) }));
		expect(itemStats(sumsOf(hard)).flags).toContain('too-hard');
	});

	it('has no discrimination when every score is the same, instead of dividing by zero', () => {
		const stats = itemStats(sumsOf(Array.from({ length: 12 }, () => ({ item: 1, total: 3 }))));
		expect(stats).toEqual({ n: 12, facility: 1, discrimination: null, flags: ['too-easy'] });
		expect(itemStats(sumsOf([]))).toEqual({
			n: 0,
			facility: null,
			discrimination: null,
			flags: ['few-responses']
		});
	});
});
