import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Prose } from './cards';
import { lessonIds, lessons } from './registry';

describe('lesson registry', () => {
	it('registers one lesson per learning objective, in teaching order, each with its own machine file', () => {
		expect(lessonIds).toEqual([
			'lineage',
			'alliance-logic',
			'beyond-defense',
			'actors',
			'timeline',
			'source-criticism',
			'scenarios'
		]);
		for (const { lesson, machine, file } of lessons) {
			expect(lesson.objective).toBe(lesson.id);
			expect(machine.id).toBe(lesson.id);
			expect(file).toBe(`src/lib/lessons/${lesson.id}.machine.ts`);
		}
	});

	it.each(lessons.map((l) => [l.file]))('%s imports nothing from svelte, $app or $lib/server', (file) => {
		const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
		expect(imports.filter((i) => /^(svelte|\$app|\$lib\/server)/.test(i ?? ''))).toEqual([]);
		expect(readFileSync(file, 'utf8')).toMatch(/setup\(lessonSetup\)\.createMachine\(/);
	});

	it('cites the sources on every explanation, remediation and flow card', () => {
		const uncited: string[] = [];
		const check = (where: string, p: Pick<Prose, 'citations'>) => {
			if (p.citations.length === 0) uncited.push(where);
		};
		for (const { lesson } of lessons) {
			for (const { id, card } of lesson.steps) {
				const at = `${lesson.id}/${id}`;
				if (card.kind === 'explain') check(at, card);
				if (card.kind === 'check') check(`${at} remediation`, card.remediation);
				if (card.kind === 'scenario') {
					check(`${at} explanation`, card.explanation);
					for (const [o, r] of Object.entries(card.remediations)) check(`${at} remediation ${o}`, r);
				}
				if (card.kind === 'flow') {
					for (const [q, f] of Object.entries(card.questions)) check(`${at} question ${q}`, f);
					for (const [r, p] of Object.entries(card.results)) check(`${at} result ${r}`, p);
				}
			}
		}
		expect(uncited).toEqual([]);
	});
});
