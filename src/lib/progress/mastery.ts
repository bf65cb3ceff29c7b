/**
 * Mastery of one learning objective, from a learner's scored answers on it (quiz items and lesson checks).
 * Deliberately simple enough to explain on the progress page in two sentences:
 *
 *   Mastery is the weighted average of your last RECENT scored answers on the objective; a lesson check counts
 *   half as much as a quiz question. "Mastered" needs at least 80% over at least 5 answers, 3 of them from
 *   quizzes; "Practising" means 50% or more; below that, "Needs review".
 */

export interface Observation {
	/** 0–1: the fraction of the question's credit earned. */
	score: number;
	/** ISO time; observations are ordered by it. */
	at: string;
	kind: 'quiz' | 'lesson';
}

export type MasteryLevel = 'not-started' | 'needs-review' | 'practising' | 'mastered';

export interface Mastery {
	level: MasteryLevel;
	/** Weighted average 0–1, or null with no evidence. */
	score: number | null;
	answers: number;
	quizAnswers: number;
}

export const MASTERY_RULES = {
	recent: 10,
	lessonWeight: 0.5,
	masteredScore: 0.8,
	masteredAnswers: 5,
	masteredQuizAnswers: 3,
	practisingScore: 0.5
} as const;

export const MASTERY_LABELS: Record<MasteryLevel, string> = {
	'not-started': 'Not started',
	'needs-review': 'Needs review',
	practising: 'Practising',
	mastered: 'Mastered'
};

export function mastery(observations: readonly Observation[]): Mastery {
	const recent = [...observations].sort((a, b) => a.at.localeCompare(b.at)).slice(-MASTERY_RULES.recent);
	if (recent.length === 0) return { level: 'not-started', score: null, answers: 0, quizAnswers: 0 };
	let weighted = 0;
	let weights = 0;
	for (const o of recent) {
		const w = o.kind === 'quiz' ? 1 : MASTERY_RULES.lessonWeight;
		weighted += w * Math.min(1, Math.max(0, o.score));
		weights += w;
	}
	const score = Math.round((weighted / weights) * 1000) / 1000;
	const quizAnswers = recent.filter((o) => o.kind === 'quiz').length;
	return {
		level: masteryLevel(score, recent.length, quizAnswers),
		score,
		answers: recent.length,
		quizAnswers
	};
}

/**
 * The level for a weighted score (rounded to 3 decimals) over `answers` recent answers: the same rule as
 * mastery(), for class analytics that aggregate the weighted score in SQL.
 */
export function masteryLevel(score: number, answers: number, quizAnswers: number): MasteryLevel {
	if (answers === 0) return 'not-started';
	return score >= MASTERY_RULES.masteredScore &&
		answers >= MASTERY_RULES.masteredAnswers &&
		quizAnswers >= MASTERY_RULES.masteredQuizAnswers
		? 'mastered'
		: score >= MASTERY_RULES.practisingScore
			? 'practising'
			: 'needs-review';
}

/**
 * The rule in words, one sentence per level. The lesson summary, My progress and the class dashboard all
 * show this text (MasteryRule.svelte), so "Mastered" means the same on each (issue 11, point 5: the lesson
 * summary said "Objective mastered" while My progress showed the same objective as "Practising 68 %").
 */
export function masteryRuleText(): string[] {
	const pct = (x: number) => `${Math.round(x * 100)}%`;
	const r = MASTERY_RULES;
	return [
		`For each learning objective we average the last ${r.recent} scored answers on it, from quiz questions and lesson checks; a lesson check counts ${pct(r.lessonWeight)} as much as a quiz question, and a partly right answer counts for the share of credit it earned.`,
		`Mastered needs at least ${pct(r.masteredScore)} over at least ${r.masteredAnswers} answers, ${r.masteredQuizAnswers} of them from quizzes; Practising means ${pct(r.practisingScore)} or more; below that, Needs review. Quiz answers count once the attempt's review is open.`
	];
}
