import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { quizFileSchema } from '$lib/content/quiz-schema';
import { fixtureContent, fixtureCopy } from '$lib/server/quiz/test-content';
import { loadContent } from './load-content';
import { formatProblem } from './problems';

let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = undefined;
});

/** Problems from the fixture tree with one blueprint replaced, as `file:line:col: message` relative to it. */
function problemsWith(file: string, yaml: string): string[] {
	dir = fixtureCopy();
	writeFileSync(join(dir, 'fixture', 'quizzes', file), yaml);
	const result = loadContent(dir, { relativeTo: dir });
	return result.ok ? [] : result.problems.map(formatProblem);
}

const quiz = (draws: string, settings = 'attemptsAllowed: 2\n  feedback: on-submit\n  passMark: 50') =>
	`id: broken\ntitle: Broken\nsummary: A blueprint under test.\nsettings:\n  ${settings}\ndraws:\n${draws}\n`;

describe('quiz blueprints', () => {
	it('loads the fixture blueprints with their settings and item counts', () => {
		const index = fixtureContent();
		expect(index.quiz('fixture', 'mixed')).toMatchObject({
			attemptsAllowed: 2,
			timeLimitMinutes: 10,
			feedback: 'on-submit',
			passMark: 50,
			itemCount: 8
		});
		expect(index.quiz('fixture', 'alpha')).toMatchObject({ timeLimitMinutes: null, feedback: 'immediate' });
		expect(index.module('fixture')?.quizzes.map((q) => q.id)).toEqual(['alpha', 'later', 'mixed']);
	});

	it('reports a draw that asks for more items than the banks hold, naming objective, difficulty and counts', () => {
		const problems = problemsWith(
			'broken.yaml',
			quiz('  - objective: alpha\n    difficulty: 3\n    count: 2\n  - objective: beta\n    count: 3')
		);
		expect(problems).toEqual([
			'fixture/quizzes/broken.yaml:11:12: draws[0] asks for 2 assessment items of objective "alpha" at difficulty 3, but the banks hold 1'
		]);
	});

	it('counts what draws of a set difficulty take before the open draws of the same objective', () => {
		const problems = problemsWith(
			'broken.yaml',
			quiz('  - { objective: alpha, difficulty: 2, count: 3 }\n  - { objective: alpha, count: 4 }')
		);
		expect(problems).toEqual([
			'fixture/quizzes/broken.yaml:10:32: draws[1] asks for 4 assessment items of objective "alpha" (any difficulty), but the banks hold 3 (6 in all, 3 taken by draws of a set difficulty)'
		]);
	});

	it('adds up several draws of the same objective and difficulty', () => {
		const problems = problemsWith(
			'broken.yaml',
			quiz(
				'  - { objective: beta, difficulty: 2, count: 1 }\n  - { objective: beta, difficulty: 2, count: 2 }'
			)
		);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(
			'draws[1] asks for 3 assessment items of objective "beta" at difficulty 2 (draws [0], [1] together), but the banks hold 2'
		);
	});

	it('does not count practice items', () => {
		// alpha has 6 assessment items and 1 practice item.
		const problems = problemsWith('broken.yaml', quiz('  - { objective: alpha, count: 7 }'));
		expect(problems[0]).toContain(
			'asks for 7 assessment items of objective "alpha" (any difficulty), but the banks hold 6'
		);
	});

	it('reports unknown objectives, duplicate ids and schema errors with their positions', () => {
		expect(problemsWith('broken.yaml', quiz('  - { objective: gamma, count: 1 }'))).toEqual([
			'fixture/quizzes/broken.yaml:9:18: draws[0]: unknown objective "gamma" (module.yaml has alpha, beta)'
		]);
		expect(
			problemsWith('zz.yaml', quiz('  - { objective: beta, count: 1 }').replace('id: broken', 'id: alpha'))
		).toEqual([
			'fixture/quizzes/zz.yaml:1:5: quiz id "alpha" is already used in fixture/quizzes/alpha.yaml:1'
		]);
		const schema = problemsWith(
			'broken.yaml',
			quiz(
				'  - { objective: beta, count: 0, shuffle: true }',
				'attemptsAllowed: 2\n  feedback: later\n  passMark: 150'
			)
		);
		expect(schema).toEqual([
			expect.stringMatching(/^fixture\/quizzes\/broken\.yaml:6:13: quiz: settings\.feedback /),
			expect.stringMatching(/^fixture\/quizzes\/broken\.yaml:7:13: quiz: settings\.passMark /),
			expect.stringMatching(/^fixture\/quizzes\/broken\.yaml:9:31: quiz: draws\[0\]\.count Too small/),
			'fixture/quizzes/broken.yaml:9:34: quiz: draws[0] unknown key "shuffle"'
		]);
	});

	it('has a JSON Schema for editors', () => {
		const schema = z.toJSONSchema(quizFileSchema) as { required: string[]; additionalProperties: boolean };
		expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'settings', 'draws']));
		expect(schema.additionalProperties).toBe(false);
	});
});

describe('short-text keys', () => {
	it('refuses an answer that normalises to nothing', () => {
		dir = fixtureCopy();
		const bank = join(dir, 'fixture', 'banks', 'beta.yaml');
		writeFileSync(bank, readFileSync(bank, 'utf8').replace('answer: Eastport', 'answer: "—!"'));
		const result = loadContent(dir, { relativeTo: dir });
		// The question is refused, so the blueprints that needed it are short of items too.
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			'fixture/banks/beta.yaml:10:13: question "b-short": answer "—!" has no letters or digits to match',
			expect.stringContaining('fixture/quizzes/mixed.yaml:12:31: draws[2] asks for 4 assessment items')
		]);
	});
});
