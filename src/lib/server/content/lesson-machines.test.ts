/**
 * The graph suite over every lesson of every module in the content index: the treaty module and the test
 * fixture module (tests/fixture-content). A new lesson file is tested here without a new test file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { describeLessonMachine, right, walkPath } from '$lib/lessons/machine-suite';
import { phaseOf, restoreLesson, stepOf, type SavedLesson } from '$lib/lessons/snapshot';
import { loadContent } from './load-content';
import { formatProblem } from './problems';

const loaded = loadContent([resolve('questions'), resolve('tests/fixture-content')]);
if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
const index = loaded.index;
const lessons = index.allLessons();

describe('the content index', () => {
	it('holds every module’s lessons, the treaty module first, ids scoped to their module', () => {
		expect(index.modules.map((m) => m.id)).toEqual(['treaty-2024', 'fixture-harbour-light']);
		expect(lessons.map((l) => `${l.moduleId}/${l.lesson.id}`)).toEqual([
			'treaty-2024/sources',
			'treaty-2024/lineage',
			'treaty-2024/alliance-logic',
			'treaty-2024/beyond-defense',
			'treaty-2024/actors',
			'treaty-2024/timeline',
			'treaty-2024/source-criticism',
			'treaty-2024/scenarios',
			'fixture-harbour-light/routine',
			'fixture-harbour-light/signals'
		]);
		expect(index.lesson('fixture-harbour-light', 'lineage')).toBeUndefined();
		expect(index.lesson('treaty-2024', 'routine')).toBeUndefined();
	});

	it('uses every card kind in each module and every question type across the treaty lessons', () => {
		for (const mod of index.modules) {
			const kinds = new Set(mod.lessonDefinitions.flatMap((l) => l.steps.map((s) => s.card.kind)));
			expect([...kinds].sort(), mod.id).toEqual(['check', 'explain', 'flow', 'scenario', 'summary']);
		}
		const types = new Set(
			lessons
				.filter((l) => l.moduleId === 'treaty-2024')
				.flatMap(({ lesson }) =>
					lesson.steps.flatMap(({ card }) =>
						card.kind === 'check' || card.kind === 'scenario'
							? [card.item, card.retryItem].map((id) => index.question('treaty-2024', id)?.type)
							: []
					)
				)
		);
		expect([...types].sort()).toEqual(
			['evidence', 'matching', 'multiple', 'numeric', 'ordering', 'short-text', 'single', 'true-false'].sort()
		);
	});
});

for (const l of lessons) describeLessonMachine(l, `${l.moduleId}/${l.lesson.id}`);

interface PreMove {
	module: string;
	lesson: string;
	note: string;
	saved: SavedLesson & { snapshot: { value: unknown; context: Record<string, unknown> } };
}

describe('saved progress from before lessons moved into content files', () => {
	// Captured from the TypeScript lesson machines (commit 50c632f) with getPersistedSnapshot(), as the
	// player stored them: a student mid-lesson then must resume where they were, not start over.
	const fixtures: PreMove[] = JSON.parse(
		readFileSync('tests/fixtures/pre-move-lesson-snapshots.json', 'utf8')
	);

	// A lesson whose steps have changed shape since (its version bumped) restarts instead, with a notice:
	// that is how snapshot.ts treats saved progress of another version.
	const current = fixtures.filter(
		(f) => index.lesson(f.module, f.lesson)!.lesson.version === f.saved.version
	);
	const bumped = fixtures.filter((f) => !current.includes(f));

	it('keeps the fixtures meaningful: alliance-logic was bumped (2026 record steps), the rest were not', () => {
		expect(bumped.map((f) => f.lesson)).toEqual(['alliance-logic']);
		expect(current.length).toBeGreaterThan(0);
	});

	it.each(bumped.map((f) => [f.note, f] as const))('restarts, with a notice, %s', (_note, f) => {
		const built = index.lesson(f.module, f.lesson)!;
		const restored = restoreLesson(built.machine, built.lesson, f.saved);
		expect(restored.snapshot).toBeNull();
		expect(restored.run).toBeNull();
		expect(restored.notice).toMatch(/has been updated since you last worked on it/);
	});

	it.each(current.map((f) => [f.note, f] as const))('resumes %s', (_note, f) => {
		const built = index.lesson(f.module, f.lesson)!;
		const restored = restoreLesson(built.machine, built.lesson, f.saved);
		expect(restored.notice).toBeNull();
		expect(restored.run).toBe(f.saved.run);
		const actor = createActor(built.machine, { snapshot: restored.snapshot! }).start();
		expect(actor.getSnapshot().value).toEqual(f.saved.snapshot.value);
		expect(actor.getSnapshot().context).toEqual(f.saved.snapshot.context);
		// …and finishes from there.
		for (let guard = 0; guard < 300 && actor.getSnapshot().status !== 'done'; guard++) {
			const snap = actor.getSnapshot();
			const card = built.lesson.steps.find((s) => s.id === stepOf(snap.value))!.card;
			const phase = phaseOf(snap.value);
			if ((card.kind === 'check' || card.kind === 'scenario') && (phase === 'ask' || phase === 'retry'))
				actor.send(right(card, phase === 'ask' ? card.item : card.retryItem));
			else if (card.kind === 'flow' && phase in card.questions) actor.send({ type: 'flow.yes' });
			else actor.send({ type: 'step.next' });
		}
		expect(actor.getSnapshot().status).toBe('done');
		expect(walkPath(built.machine, built.lesson, 'right').status).toBe('done');
	});
});
