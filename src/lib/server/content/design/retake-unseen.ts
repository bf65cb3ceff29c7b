/**
 * Every retake must be able to draw at least half of its items unseen: with keys shown after each attempt, a
 * retake that repeats items measures memory of the review, not the objective. Counted per objective with the
 * pools the draw uses (drawPool) for the last retake, the one with the fewest left: after `attempts - 1`
 * attempts of `wanted` items each, at most `pool - (attempts - 1) × wanted` are unseen. Draws of a set
 * difficulty are counted within their objective's pool, which is exact for one open draw per objective.
 */
import { drawPool } from '$lib/content/draw-pool';
import type { ModuleContent } from '$lib/content/types';
import type { RuleResult } from './rule';

export function retakeUnseen(m: Pick<ModuleContent, 'questions' | 'quizzes'>): RuleResult {
	const findings: RuleResult['findings'] = [];
	const figures: string[] = [];
	for (const quiz of m.quizzes) {
		if (quiz.attemptsAllowed < 2) continue;
		let unseen = 0;
		for (const objective of new Set(quiz.draws.map((d) => d.objective))) {
			const draws = quiz.draws.filter((d) => d.objective === objective);
			const pool = new Set(draws.flatMap((d) => drawPool(quiz, d, m.questions).map((q) => q.id)));
			const wanted = draws.reduce((n, d) => n + d.count, 0);
			const seenBefore = (quiz.attemptsAllowed - 1) * wanted;
			unseen += Math.max(0, Math.min(wanted, pool.size - seenBefore));
		}
		figures.push(`${quiz.id} ${unseen}/${quiz.itemCount}`);
		if (2 * unseen < quiz.itemCount) {
			findings.push({
				at: { quiz: quiz.id },
				path: ['draws'],
				message: `quiz "${quiz.id}": the last of ${quiz.attemptsAllowed - 1} retakes can draw only ${unseen} of its ${quiz.itemCount} items unseen; at least half must be (add assessment items, draw fewer or allow fewer attempts)`
			});
		}
	}
	return { figure: `unseen items the last retake can draw: ${figures.join(', ') || 'no retakes'}`, findings };
}
