/**
 * How the class dashboard sorts what it shows by module (issue 13): groups in catalog order (module.yaml
 * `order`), and the quizzes a class was assigned — on their own or inside a whole-module assignment — in
 * the order the catalog lists them. Quizzes the class never met stay off its item analysis.
 */
import type { Quiz } from '$lib/content/types';
import type { AssignmentKind } from '$lib/server/db/schema';
import type { ContentIndex } from '$lib/server/content/content-index';

export interface ModuleGroup<T> {
	moduleId: string;
	moduleTitle: string;
	items: T[];
}

/** `items` grouped by their module, modules in catalog order, items in their given order; empty groups dropped. */
export function groupByModule<T extends { moduleId: string }>(
	content: ContentIndex,
	items: readonly T[]
): ModuleGroup<T>[] {
	const known = content.modules.map((m) => m.id);
	// Items of a module no longer in the content (removed since) come last, under their id.
	const others = [...new Set(items.map((i) => i.moduleId).filter((id) => !known.includes(id)))];
	return [...known, ...others].flatMap((moduleId) => {
		const mine = items.filter((i) => i.moduleId === moduleId);
		if (mine.length === 0) return [];
		return [{ moduleId, moduleTitle: content.module(moduleId)?.title ?? moduleId, items: mine }];
	});
}

/** Every quiz the assignments name (a quiz, or every quiz of a whole module), once each, in catalog order. */
export function assignedQuizzes(
	content: ContentIndex,
	assignments: readonly { kind: AssignmentKind; moduleId: string; targetId: string | null }[]
): Quiz[] {
	const wanted = (q: Quiz) =>
		assignments.some(
			(a) => a.moduleId === q.moduleId && (a.kind === 'module' || (a.kind === 'quiz' && a.targetId === q.id))
		);
	return content.modules.flatMap((m) => m.quizzes.filter(wanted));
}
