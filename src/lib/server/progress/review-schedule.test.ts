import { describe, expect, it } from 'vitest';
import { newReviewCard, ratingFor, review } from './review-schedule';

const day = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-03-02T09:00:00Z');

describe('spaced review schedule (FSRS)', () => {
	it('makes a missed item due at once', () => {
		expect(newReviewCard(t0).due).toBe(t0.toISOString());
	});

	it('pushes an item further out each time it is answered right', () => {
		let card = newReviewCard(t0);
		let now = t0;
		const gaps: number[] = [];
		for (let i = 0; i < 4; i++) {
			card = review(card, 1, now);
			const due = new Date(card.due);
			gaps.push(due.getTime() - now.getTime());
			now = due;
		}
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] as number);
		expect(gaps.at(-1)).toBeGreaterThan(3 * day);
	});

	it('brings a forgotten item back sooner than a remembered one', () => {
		let card = newReviewCard(t0);
		card = review(card, 1, t0);
		const later = new Date(card.due);
		const remembered = review(card, 1, later);
		const forgotten = review(card, 0, later);
		expect(Date.parse(forgotten.due)).toBeLessThan(Date.parse(remembered.due));
	});

	it('maps partial credit to "Hard", between "Again" and "Good"', () => {
		expect([ratingFor(0), ratingFor(0.5), ratingFor(1)]).toEqual([1, 2, 3]);
	});
});
