/**
 * Spaced review of missed items with FSRS (ts-fsrs, the scheduler behind Anki's modern mode). A missed quiz
 * item or lesson check becomes a review card; each review's score maps to an FSRS rating and moves the due
 * date. Cards are stored as JSON with their due date in its own column for "how many are due" queries.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

/** Fuzz off: the same history always gives the same schedule, so tests and support questions are exact. */
const scheduler = fsrs({ enable_fuzz: false, request_retention: 0.9 });

export interface StoredCard {
	due: string;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: number;
	last_review: string | null;
}

function toStored(card: Card): StoredCard {
	return {
		due: card.due.toISOString(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		last_review: card.last_review ? card.last_review.toISOString() : null
	};
}

function fromStored(s: StoredCard): Card {
	return {
		...s,
		due: new Date(s.due),
		last_review: s.last_review ? new Date(s.last_review) : undefined
	} as Card;
}

/** A score of 1 is "Good", partial credit "Hard", nothing "Again". */
export function ratingFor(score: number): Grade {
	if (score >= 1) return Rating.Good;
	if (score > 0) return Rating.Hard;
	return Rating.Again;
}

/** A new card for an item just missed at `now`: it is due straight away (the first review can be today). */
export function newReviewCard(now: Date): StoredCard {
	return toStored(createEmptyCard(now));
}

/** The card after a review scored `score` (0–1) at `now`. */
export function review(card: StoredCard, score: number, now: Date): StoredCard {
	return toStored(scheduler.next(fromStored(card), now, ratingFor(score)).card);
}
