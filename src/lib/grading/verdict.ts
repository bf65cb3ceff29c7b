/** The result of grading one response. Scores are fractions of one question: 0 ≤ score ≤ max = 1. */
export interface Verdict {
	score: number;
	max: 1;
	/** Full marks. */
	correct: boolean;
	/** Set when some but not all credit was earned. */
	partial: boolean;
	/** Targeted feedback for this particular wrong answer, when the author wrote one. */
	feedback?: string;
}

export function verdict(score: number, feedback?: string): Verdict {
	// Clamp and round so floating-point noise never yields 1.0000000002 or -0.
	const clamped = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
	const rounded = Math.round(clamped * 10_000) / 10_000 + 0;
	const v: Verdict = { score: rounded, max: 1, correct: rounded === 1, partial: rounded > 0 && rounded < 1 };
	if (feedback !== undefined) v.feedback = feedback;
	return v;
}

export const ZERO: Verdict = Object.freeze(verdict(0)) as Verdict;
