import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Objective, Quiz } from '$lib/content/types';
import { loadContent } from './load-content';
import { teachingOrder } from './quiz-order';

const objectives: Objective[] = ['first', 'second', 'third'].map((id) => ({
	id,
	title: id,
	description: id
}));
const quiz = (id: string, ...on: string[]): Quiz => ({
	id,
	moduleId: 'm',
	title: id,
	summary: '',
	attemptsAllowed: 1,
	timeLimitMinutes: null,
	feedback: 'on-submit',
	passMark: 50,
	draws: on.map((objective) => ({ objective, count: 1 })),
	itemCount: on.length
});

describe('the order quizzes are listed in', () => {
	it('puts one-objective quizzes in objective order, then quizzes spanning several, ties in file order', () => {
		const files = [
			quiz('a-final', 'first', 'third'),
			quiz('b-third', 'third'),
			quiz('c-first', 'first'),
			quiz('d-review', 'second', 'first'),
			quiz('e-first-again', 'first')
		];
		expect(teachingOrder(files, objectives).map((q) => q.id)).toEqual([
			'c-first',
			'e-first-again',
			'b-third',
			'a-final',
			'd-review'
		]);
	});

	it('is the order the loader serves: the treaty final quiz comes after every objective quiz', () => {
		const loaded = loadContent(resolve('questions'));
		if (!loaded.ok) throw new Error('content must load');
		const mod = loaded.index.module('treaty-2024')!;
		const ids = mod.quizzes.map((q) => q.id);
		// "final" sorts between "beyond-defense" and "lineage" by file name; it is listed last.
		expect(ids.at(-1)).toBe('final');
		const objectiveQuizzes = mod.quizzes.filter((q) => new Set(q.draws.map((d) => d.objective)).size === 1);
		const firstObjective = (q: Quiz) => mod.objectives.findIndex((o) => o.id === q.draws[0]!.objective);
		const ranks = objectiveQuizzes.map(firstObjective);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	});
});
