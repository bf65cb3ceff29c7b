/**
 * The order a module's quizzes are listed in everywhere (catalog, module page, assignment form, item
 * analysis): quizzes on one objective in the module's objective order, then quizzes that span several
 * (a final quiz), each group by file id. Files are read in id order, which put "final" among the others.
 */
import type { Objective, Quiz } from '$lib/content/types';

export function teachingOrder(quizzes: readonly Quiz[], objectives: readonly Objective[]): Quiz[] {
	const rank = (q: Quiz) => {
		const covered = new Set(q.draws.map((d) => d.objective));
		const first = objectives.findIndex((o) => covered.has(o.id));
		return (covered.size > 1 ? objectives.length : 0) + Math.max(first, 0);
	};
	return quizzes
		.map((quiz, i) => ({ quiz, i, rank: rank(quiz) }))
		.sort((a, b) => a.rank - b.rank || a.i - b.i)
		.map((x) => x.quiz);
}
