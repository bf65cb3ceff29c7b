import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content/types';
import { loadContent } from '$lib/server/content/load-content';
import { lessonItems } from './cards';
import { lessonConfig } from './lesson-config';
import type { LessonSync, LocalLesson } from './lesson-sync';
import { walkPath } from './machine-suite';
import { LessonPlayer } from './player.svelte';
import type { ProgressEvent } from './progress-events';
import type { SavedLesson } from './snapshot';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content must load');
const { lesson, machine } = loaded.index.lesson('treaty-2024', 'lineage')!;
const config = lessonConfig(lesson);
const items: Record<string, Question> = Object.fromEntries(
	lessonItems(lesson).map((id) => [id, loaded.index.question('treaty-2024', id)!])
);

/** A LessonSync stand-in that records what the player saves. */
function fakeSync(local: LocalLesson | null = null) {
	const saves: { saved: SavedLesson; events: ProgressEvent[] }[] = [];
	const sync = {
		read: () => local,
		save: async (saved: SavedLesson, events: ProgressEvent[]) => void saves.push({ saved, events }),
		flush: async () => {}
	} as unknown as LessonSync;
	return { sync, saves };
}
const noWindow = { addEventListener: () => {}, removeEventListener: () => {} };

describe('LessonPlayer', () => {
	it('saves every transition with the lesson events it produced', () => {
		const player = new LessonPlayer({ lesson, config, items, saved: null });
		const { sync, saves } = fakeSync();
		player.mount(sync, noWindow);
		expect(saves).toEqual([]);

		player.send({ type: 'step.next' });
		expect(player.position).toMatchObject({ k: 2, n: 7, stepId: 'defence-clauses', phase: 'ask' });
		const verdict = player.submit('l-lin-1961-defence', false);
		expect(verdict.correct).toBe(false);
		expect(player.position.phase).toBe('remediate');
		expect(player.announcement).toMatch(/^Not quite/);
		const last = saves.at(-1)!;
		expect(last.events.map((e) => e.type)).toEqual(['check.answered', 'remediation.taken']);
		expect(last.events[0]).toMatchObject({
			step: 'defence-clauses',
			item: 'l-lin-1961-defence',
			response: false
		});
		expect(last.saved).toMatchObject({ version: 1, snapshot: { value: { 'defence-clauses': 'remediate' } } });
		expect(player.verdictFor('l-lin-1961-defence')?.correct).toBe(false);

		player.send({ type: 'step.next' });
		player.submit('l-lin-2000-defence', false);
		expect(player.announcement).toBe('Right.');
		expect(saves.at(-1)!.events.map((e) => e.type)).toEqual(['check.answered']);
		// Every save belongs to the same run.
		expect(new Set(saves.map((s) => s.saved.run)).size).toBe(1);
	});

	it('records completion once, at the summary, and starts a new run on restart', () => {
		const nearEnd = walkPath(machine, lesson, 'right');
		const player = new LessonPlayer({
			lesson,
			config,
			items,
			saved: {
				version: 1,
				run: 'run-1',
				snapshot: { ...nearEnd, status: 'active', value: { names: 'correct' } }
			}
		});
		const { sync, saves } = fakeSync();
		player.mount(sync, noWindow);
		player.send({ type: 'step.next' });
		expect(player.snapshot.status).toBe('done');
		expect(saves.at(-1)!.events.map((e) => e.type)).toEqual(['lesson.completed']);
		expect(saves.at(-1)!.saved.run).toBe('run-1');
		player.restart();
		expect(player.position.k).toBe(1);
		expect(saves.at(-1)!.saved.run).not.toBe('run-1');
		expect(saves.at(-1)!.events).toEqual([]);
	});

	it("prefers this device's unsent save to the server's copy, and restarts older versions with a notice", () => {
		const server: SavedLesson = {
			version: 1,
			run: 'run-1',
			snapshot: { ...walkPath(machine, lesson, 'right'), status: 'active', value: 'chain' }
		};
		const player = new LessonPlayer({ lesson, config, items, saved: server });
		expect(player.position.stepId).toBe('chain');
		const local: LocalLesson = {
			version: 1,
			run: 'run-1',
			snapshot: { ...(server.snapshot as object), value: 'naming' },
			pending: [],
			synced: false
		};
		player.mount(fakeSync(local).sync, noWindow);
		expect(player.position.stepId).toBe('naming');
		expect(player.notice).toBeNull();

		const stale = new LessonPlayer({ lesson, config, items, saved: null });
		const { sync, saves } = fakeSync({ ...local, version: 0 });
		stale.mount(sync, noWindow);
		expect(stale.notice).toMatch(/updated since you last worked on it/);
		expect(stale.position.k).toBe(1);
		expect(saves).toHaveLength(1);
	});
});
