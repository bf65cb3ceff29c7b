import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/content/load-content';
import { assignedQuizzes, groupByModule } from './class-modules';

// The treaty module (order 1) and the test fixture module (order 900), as the journeys serve them.
const loaded = loadContent([resolve('tests/fixture-content'), resolve('questions')]);
if (!loaded.ok) throw new Error('content must load for these tests');
const content = loaded.index;
const TREATY = 'treaty-2024';
const HARBOUR = 'fixture-harbour-light';

describe('the class dashboard by module', () => {
	it('groups rows by module in catalog order, keeping their order inside a module', () => {
		const rows = [
			{ moduleId: HARBOUR, id: 'signals' },
			{ moduleId: TREATY, id: 'scenarios' },
			{ moduleId: 'removed-module', id: 'x' },
			{ moduleId: TREATY, id: 'lineage' }
		];
		const groups = groupByModule(content, rows);
		expect(groups.map((g) => [g.moduleId, g.items.map((r) => r.id)])).toEqual([
			[TREATY, ['scenarios', 'lineage']],
			[HARBOUR, ['signals']],
			['removed-module', ['x']]
		]);
		expect(groups[0]!.moduleTitle).toBe(content.module(TREATY)!.title);
		expect(groups[2]!.moduleTitle).toBe('removed-module');
		expect(groupByModule(content, [])).toEqual([]);
	});

	it('lists only the quizzes the class was assigned, once each, in catalog order', () => {
		const quiz = (moduleId: string, targetId: string) => ({ kind: 'quiz' as const, moduleId, targetId });
		const none = assignedQuizzes(content, [{ kind: 'lesson', moduleId: TREATY, targetId: 'lineage' }]);
		expect(none).toEqual([]);
		const some = assignedQuizzes(content, [
			quiz(HARBOUR, 'check'),
			quiz(TREATY, 'final'),
			quiz(TREATY, 'lineage'),
			quiz(TREATY, 'lineage')
		]);
		expect(some.map((q) => `${q.moduleId}/${q.id}`)).toEqual([
			`${TREATY}/lineage`,
			`${TREATY}/final`,
			`${HARBOUR}/check`
		]);
		// A whole module brings all its quizzes; the same quiz assigned on its own is not listed twice.
		const whole = assignedQuizzes(content, [
			quiz(HARBOUR, 'check'),
			{ kind: 'module', moduleId: HARBOUR, targetId: null }
		]);
		expect(whole.map((q) => q.id)).toEqual(content.module(HARBOUR)!.quizzes.map((q) => q.id));
		expect(whole).toHaveLength(1);
	});
});
