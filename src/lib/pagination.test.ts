import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate, parsePage } from './pagination';

describe('paging a list', () => {
	it('shows 100 at a time and says which', () => {
		const students = Array.from({ length: 250 }, (_, i) => i + 1);
		expect(paginate(students, 1)).toMatchObject({ page: 1, pages: 3, first: 1, last: 100, total: 250 });
		const third = paginate(students, 3);
		expect(third).toMatchObject({ page: 3, first: 201, last: 250 });
		expect(third.items).toHaveLength(50);
	});

	it('takes a page past the end as the last page, and an empty list as one empty page', () => {
		expect(paginate([1, 2, 3], 9, 2)).toMatchObject({ page: 2, items: [3], first: 3, last: 3 });
		expect(paginate([], 4)).toMatchObject({ page: 1, pages: 1, items: [], first: 0, last: 0, total: 0 });
	});

	it('reads only positive whole numbers from the query', () => {
		expect(['3', '1', '000002'].map(parsePage)).toEqual([3, 1, 2]);
		expect([null, '', '0', '-2', '1.5', 'two', '1e3', '9999999'].map(parsePage)).toEqual([
			1, 1, 1, 1, 1, 1, 1, 1
		]);
	});

	it('shows every item exactly once across the pages, in order', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 120 }), (n, size) => {
				const items = Array.from({ length: n }, (_, i) => i);
				const first = paginate(items, 1, size);
				const all = Array.from({ length: first.pages }, (_, k) => paginate(items, k + 1, size).items).flat();
				expect(all).toEqual(items);
			})
		);
	});
});
