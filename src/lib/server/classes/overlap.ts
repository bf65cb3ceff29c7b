/**
 * Assignments that put the same quiz items in front of a class twice: a quiz assigned on its own and the
 * whole module that contains it (a module assignment includes every quiz of the module). Not an error (a
 * teacher may want a practice run before the module is due), so the assignment page warns and blocks
 * nothing (issue 13, point 2).
 */
import type { Assignment } from './assignments';
import { targetTitle, type AssignableTarget } from './targets';

type Target = Pick<Assignment, 'id' | 'kind' | 'moduleId' | 'targetId'>;

/** The class's other assignments whose quizzes this one repeats, in the order given. */
export function overlappingAssignments<T extends Target>(assignment: Target, others: readonly T[]): T[] {
	if (assignment.kind === 'lesson') return [];
	return others.filter(
		(o) =>
			o.id !== assignment.id &&
			o.moduleId === assignment.moduleId &&
			(assignment.kind === 'module' ? o.kind === 'quiz' : o.kind === 'module')
	);
}

/** The warning for the assignment page, or null when nothing is assigned twice. */
export function overlapWarning(
	assignment: Target,
	others: readonly Target[],
	targets: readonly AssignableTarget[]
): string | null {
	const overlap = overlappingAssignments(assignment, others);
	if (overlap.length === 0) return null;
	const names = overlap.map((o) => `“${targetTitle(targets, o)}”`).join(', ');
	return assignment.kind === 'module'
		? `This class also has ${names} assigned on its own. The whole module includes that quiz, so students will meet the same questions twice.`
		: `This class also has the whole module ${names} assigned, which includes this quiz, so students will meet the same questions twice.`;
}
