/**
 * A final quiz needs items no per-objective quiz draws (`heldOut: true`): otherwise retakes of those quizzes
 * can use up the final's whole pool before the final is sat. Modules without a final are not checked.
 */
import { drawPool } from '$lib/content/draw-pool';
import type { ModuleContent } from '$lib/content/types';
import type { RuleResult } from './rule';

export const MIN_FINAL_ONLY = 20;

export function finalOnlyPool(m: Pick<ModuleContent, 'questions' | 'quizzes'>): RuleResult {
	const reachable = new Set(
		m.quizzes
			.filter((q) => !q.final)
			.flatMap((quiz) => quiz.draws.flatMap((d) => drawPool(quiz, d, m.questions).map((q) => q.id)))
	);
	const findings: RuleResult['findings'] = [];
	const figures: string[] = [];
	for (const quiz of m.quizzes.filter((q) => q.final)) {
		const pool = new Set(quiz.draws.flatMap((d) => drawPool(quiz, d, m.questions).map((q) => q.id)));
		const only = [...pool].filter((id) => !reachable.has(id)).length;
		figures.push(`${quiz.id} ${only}`);
		if (only < MIN_FINAL_ONLY) {
			findings.push({
				at: { quiz: quiz.id },
				path: ['final'],
				message: `final quiz "${quiz.id}": ${only} of its items are drawn by no other quiz; it needs at least ${MIN_FINAL_ONLY} (mark assessment items \`heldOut: true\`)`
			});
		}
	}
	return { figure: `final-only pool: ${figures.join(', ') || 'no final quiz'}`, findings };
}
