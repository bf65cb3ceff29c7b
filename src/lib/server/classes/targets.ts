/**
 * What can be assigned: each module as a whole, each of its lessons, each of its quizzes. Read from the
 * content index, so an assignment can only name something that exists; titles are looked up at display
 * time and fall back to the id if content changed since.
 */
import type { AssignmentKind } from '$lib/server/db/schema';
import type { ContentIndex } from '$lib/server/content/content-index';

export interface AssignableTarget {
	/** The form value: `module:<m>`, `lesson:<m>:<id>` or `quiz:<m>:<id>`. */
	key: string;
	kind: AssignmentKind;
	moduleId: string;
	targetId: string | null;
	title: string;
	moduleTitle: string;
}

export const KIND_LABELS: Record<AssignmentKind, string> = {
	module: 'Whole module',
	lesson: 'Lesson',
	quiz: 'Quiz'
};

function lessonTitle(content: ContentIndex, moduleId: string, id: string): string {
	return content.lesson(moduleId, id)?.lesson.title ?? idToTitle(id);
}

function idToTitle(id: string): string {
	const words = id.replace(/-/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

export function targetKey(kind: AssignmentKind, moduleId: string, targetId: string | null): string {
	return kind === 'module' ? `module:${moduleId}` : `${kind}:${moduleId}:${targetId}`;
}

export function assignableTargets(content: ContentIndex): AssignableTarget[] {
	return content.modules.flatMap((m): AssignableTarget[] => [
		{
			key: targetKey('module', m.id, null),
			kind: 'module',
			moduleId: m.id,
			targetId: null,
			title: m.title,
			moduleTitle: m.title
		},
		...m.lessons.map((id): AssignableTarget => ({
			key: targetKey('lesson', m.id, id),
			kind: 'lesson',
			moduleId: m.id,
			targetId: id,
			title: lessonTitle(content, m.id, id),
			moduleTitle: m.title
		})),
		...m.quizzes.map((q): AssignableTarget => ({
			key: targetKey('quiz', m.id, q.id),
			kind: 'quiz',
			moduleId: m.id,
			targetId: q.id,
			title: q.title,
			moduleTitle: m.title
		}))
	]);
}

/** A display title for an assignment's target, even if the content no longer has it. */
export function targetTitle(
	targets: readonly AssignableTarget[],
	a: { kind: AssignmentKind; moduleId: string; targetId: string | null }
): string {
	const found = targets.find((t) => t.key === targetKey(a.kind, a.moduleId, a.targetId));
	// Quiz titles name themselves ("Quiz: the actors' positions", "Final module quiz").
	if (found) return a.kind === 'lesson' ? `${KIND_LABELS.lesson}: ${found.title}` : found.title;
	return a.kind === 'module' ? a.moduleId : `${KIND_LABELS[a.kind]}: ${idToTitle(a.targetId ?? '')}`;
}
