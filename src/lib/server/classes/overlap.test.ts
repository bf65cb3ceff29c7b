import { describe, expect, it } from 'vitest';
import { overlappingAssignments, overlapWarning } from './overlap';
import type { AssignableTarget } from './targets';

const targets: AssignableTarget[] = [
	{
		key: 'module:m1',
		kind: 'module',
		moduleId: 'm1',
		targetId: null,
		title: 'Module one',
		moduleTitle: 'Module one'
	},
	{
		key: 'quiz:m1:q1',
		kind: 'quiz',
		moduleId: 'm1',
		targetId: 'q1',
		title: 'Quiz one',
		moduleTitle: 'Module one'
	},
	{
		key: 'quiz:m2:q9',
		kind: 'quiz',
		moduleId: 'm2',
		targetId: 'q9',
		title: 'Quiz nine',
		moduleTitle: 'Module two'
	}
];
const moduleOne = { id: 'a1', kind: 'module', moduleId: 'm1', targetId: null } as const;
const quizOne = { id: 'a2', kind: 'quiz', moduleId: 'm1', targetId: 'q1' } as const;
const quizNine = { id: 'a3', kind: 'quiz', moduleId: 'm2', targetId: 'q9' } as const;
const lessonOne = { id: 'a4', kind: 'lesson', moduleId: 'm1', targetId: 'l1' } as const;

describe('assigning a quiz and the module that holds it', () => {
	it('warns on either assignment, whichever came first', () => {
		const all = [moduleOne, quizOne, quizNine, lessonOne];
		expect(overlappingAssignments(quizOne, all)).toEqual([moduleOne]);
		expect(overlappingAssignments(moduleOne, all)).toEqual([quizOne]);
		expect(overlapWarning(quizOne, all, targets)).toBe(
			'This class also has the whole module “Module one” assigned, which includes this quiz, so students will meet the same questions twice.'
		);
		expect(overlapWarning(moduleOne, all, targets)).toMatch(
			/“Quiz one” assigned on its own.*same questions twice/
		);
	});

	it('says nothing for another module’s quiz, a lesson, or an assignment on its own', () => {
		expect(overlapWarning(quizNine, [moduleOne, quizOne, quizNine], targets)).toBeNull();
		expect(overlapWarning(lessonOne, [moduleOne, lessonOne], targets)).toBeNull();
		expect(overlapWarning(quizOne, [quizOne], targets)).toBeNull();
	});
});
