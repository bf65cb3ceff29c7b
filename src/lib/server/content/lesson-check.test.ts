import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LessonDefinition } from '$lib/lessons/cards';
import { lessons } from '$lib/lessons/registry';
import { loadContent } from './load-content';
import { contentLoadOptions } from './load-options';
import { formatProblem } from './problems';
import { locate } from './lesson-check';

const questionsDir = resolve('questions');

/** A lesson file with one good citation, one misquoted one, an unknown item and an assessment item. */
const fileText = `export const lesson = {
	id: 'lineage',
	steps: [
		{ quote: 'Russia and North Korea have now agreed to defend each other in case of attack' },
		{ quote: 'Russia and North Korea agreed to defend one another if attacked' },
		{ item: 'l-lin-no-such-item', retryItem: 'lin-2000-name' }
	]
};
`;

const broken: LessonDefinition = {
	id: 'lineage',
	version: 1,
	title: 'Broken lineage',
	objective: 'lineage',
	blurb: 'A lesson with mistakes in it.',
	steps: [
		{
			id: 'one',
			label: 'One',
			card: {
				kind: 'explain',
				title: 'One',
				body: ['x'],
				citations: [
					{
						source: 'gis-analysis',
						quote: 'Russia and North Korea have now agreed to defend each other in case of attack'
					},
					{ source: 'gis-analysis', quote: 'Russia and North Korea agreed to defend one another if attacked' }
				]
			}
		},
		{
			id: 'two',
			label: 'Two',
			card: {
				kind: 'check',
				title: 'Two',
				item: 'l-lin-no-such-item',
				retryItem: 'lin-2000-name',
				remediation: { title: 'R', body: ['r'], citations: [] }
			}
		},
		{ id: 'summary', label: 'Summary', card: { kind: 'summary', title: 'S', body: [], takeaways: [] } }
	]
};

describe('lesson content check', () => {
	it('passes the registered lessons: citations verified, items exist and are practice items', () => {
		const result = loadContent(questionsDir, contentLoadOptions());
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
	});

	it('uses every one of the eight question types across the lessons', () => {
		const result = loadContent(questionsDir, contentLoadOptions());
		if (!result.ok) throw new Error('content should load');
		const types = new Set(
			lessons.flatMap(({ lesson }) =>
				lesson.steps.flatMap(({ card }) =>
					card.kind === 'check' || card.kind === 'scenario'
						? [card.item, card.retryItem].map((id) => result.index.question('treaty-2024', id)?.type)
						: []
				)
			)
		);
		expect([...types].sort()).toEqual(
			['evidence', 'matching', 'multiple', 'numeric', 'ordering', 'short-text', 'single', 'true-false'].sort()
		);
	});

	it('locates a misquote, an unknown item and an assessment item in the lesson file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'lesson-check-'));
		const file = join(dir, 'lineage.machine.ts');
		writeFileSync(file, fileText);
		const options = contentLoadOptions();
		const result = loadContent(questionsDir, {
			...options,
			lessons: [{ lesson: broken, file }, ...(options.lessons ?? []).filter((l) => l.lesson.id !== 'lineage')]
		});
		expect(result.ok).toBe(false);
		const messages = result.ok ? [] : result.problems.map(formatProblem);
		expect(messages).toHaveLength(3);
		expect(messages[0]).toContain(
			`${file}:5:13: lesson "lineage": quote not found in "gis-analysis"; closest passage`
		);
		expect(messages[0]).toContain('Russia and North Korea have now agreed to defend each');
		expect(messages[1]).toBe(
			`${file}:6:12: lesson "lineage": unknown question id "l-lin-no-such-item" (no bank has it)`
		);
		expect(messages[2]).toBe(
			`${file}:6:45: lesson "lineage": question "lin-2000-name" is an assessment item; lessons may only use practice items, because their keys reach the browser`
		);
	});

	it('refuses a lesson whose objective the module does not define', () => {
		const dir = mkdtempSync(join(tmpdir(), 'lesson-check-'));
		const file = join(dir, 'x.ts');
		writeFileSync(file, '');
		const lineage = lessons.find((l) => l.lesson.id === 'lineage')!;
		const result = loadContent(questionsDir, {
			...contentLoadOptions(),
			lessons: [{ lesson: { ...lineage.lesson, objective: 'nope' }, file }]
		});
		expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
			'lesson "lineage" teaches objective "nope", which module.yaml does not define'
		]);
	});

	it('locates text by line and column', () => {
		expect(locate('ab\ncd\nxyz', 'y')).toEqual({ line: 3, col: 2 });
		expect(locate("x 'id'", "'id'", 1)).toEqual({ line: 1, col: 4 });
		expect(locate('abc', 'zz')).toBeNull();
	});
});
