import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { walkPath } from '$lib/lessons/machine-suite';
import { recordLessonProgress, selectLessonStatuses, selectSavedLesson } from './progress';
import { validateProgress } from './progress-request';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content must load for these tests');
const index = loaded.index;
const question = (id: string) => index.question('treaty-2024', id);
const lineage = index.lesson('treaty-2024', 'lineage')!;
const { lesson, machine } = lineage;

const start = () => createActor(machine).start().getPersistedSnapshot();
const body = (over: Record<string, unknown> = {}) => ({
	version: lesson.version,
	run: 'run-00000001',
	snapshot: start(),
	events: [],
	...over
});
const answer = (id: string, step: string, item: string, response: unknown) => ({
	id,
	type: 'check.answered' as const,
	step,
	item,
	response
});
/** Right answers to the lineage lesson's last two checks, and its completion. */
const rightToTheEnd = [
	answer('answer-03', 'order', 'l-lin-order-treaties', ['soviet', 'friendship', 'partnership']),
	answer('answer-04', 'names', 'l-lin-names-match', {
		assistance: 'y1961',
		neighborly: 'y2000',
		partnership: 'y2024'
	}),
	{ id: 'done-0001', type: 'lesson.completed' as const }
];

const valid = (raw: unknown) => {
	const v = validateProgress(raw, lineage, question);
	if (!v.ok) throw new Error(v.message);
	return v.value;
};

describe('validating a progress save', () => {
	it.each([
		['not an object', 'hello', 400, /body/],
		['an unknown field', body({ extra: 1 }), 400, /Unrecognized key/],
		['a bad run id', body({ run: 'x' }), 400, /run/],
		['an old version', body({ version: 0 }), 409, /has changed/],
		['a made-up state', body({ snapshot: { ...start(), value: 'nowhere' } }), 400, /snapshot/],
		[
			'an answer to an item the step does not ask',
			body({
				events: [
					{
						id: 'event-0001',
						type: 'check.answered',
						step: 'defence-clauses',
						item: 'l-lin-names-match',
						response: {}
					}
				]
			}),
			400,
			/not asked/
		],
		[
			'an answer at an explanation card',
			body({ events: [{ id: 'event-0001', type: 'remediation.taken', step: 'three-treaties' }] }),
			400,
			/not a check/
		],
		[
			'completion before the end',
			body({ events: [{ id: 'event-0001', type: 'lesson.completed' }] }),
			400,
			/not at its end/
		],
		[
			'two events with one id',
			body({
				events: [
					{ id: 'event-0001', type: 'remediation.taken', step: 'order' },
					{ id: 'event-0001', type: 'remediation.taken', step: 'names' }
				]
			}),
			400,
			/share an id/
		],
		[
			'a huge response',
			body({
				events: [
					{
						id: 'event-0001',
						type: 'check.answered',
						step: 'defence-clauses',
						item: 'l-lin-1961-defence',
						response: 'x'.repeat(5000)
					}
				]
			}),
			413,
			/too large/
		]
	])('refuses %s', (_label, raw, status, message) => {
		const v = validateProgress(raw, lineage, question);
		expect(v.ok).toBe(false);
		if (!v.ok) {
			expect(v.status).toBe(status);
			expect(v.message).toMatch(message);
		}
	});
});

describe.each(testEngines())('lesson progress on %s', (engine) => {
	let db: Db;
	let learnerId: string;
	const now = new Date('2026-02-01T09:00:00Z');
	beforeEach(async () => {
		db = await engine.open();
		learnerId = (await createLearner(db, now)).learner.id;
	});
	afterEach(() => db.close());

	const save = (raw: unknown, at = now) =>
		recordLessonProgress({ db, learnerId, moduleId: 'treaty-2024', lesson, progress: valid(raw), now: at });
	const events = () =>
		db.kysely.selectFrom('lesson_events').selectAll().orderBy('created_at').orderBy('batch_seq').execute();

	it('saves the snapshot for resume and reports the step for the catalog', async () => {
		const actor = createActor(machine).start();
		actor.send({ type: 'step.next' });
		const snapshot = actor.getPersistedSnapshot();
		expect(await save(body({ snapshot }))).toEqual({ step: 2, steps: 7, done: false, graded: [] });
		const saved = await selectSavedLesson({ db, learnerId, moduleId: 'treaty-2024', lessonId: 'lineage' });
		expect(saved).toEqual({
			version: 1,
			run: 'run-00000001',
			snapshot: JSON.parse(JSON.stringify(snapshot))
		});
		const statuses = await selectLessonStatuses({ db, learnerId, moduleId: 'treaty-2024' });
		expect(statuses.get('lineage')).toEqual({
			state: 'in-progress',
			step: 2,
			steps: 7,
			completedBefore: false
		});
		expect(statuses.get('timeline')).toBeUndefined();
	});

	it('grades check answers itself: a wrong response is stored as wrong whatever the snapshot claims', async () => {
		const claimed = walkPath(machine, lesson, 'right');
		const result = await save(
			body({
				snapshot: createActor(machine, { snapshot: claimed }).getPersistedSnapshot(),
				events: [answer('answer-01', 'defence-clauses', 'l-lin-1961-defence', false), ...rightToTheEnd]
			})
		);
		expect(result.graded.map((g) => g.correct)).toEqual([false, true, true]);
		expect(result.mastered).toBe(false);
		const rows = await events();
		expect(rows.map((r) => [r.type, r.item_id, r.correct])).toEqual([
			['check.answered', 'l-lin-1961-defence', 0],
			['check.answered', 'l-lin-order-treaties', 1],
			['check.answered', 'l-lin-names-match', 1],
			['lesson.completed', null, null]
		]);
		expect(rows[3]?.mastered).toBe(0);
		expect(rows.every((r) => r.learner_id === learnerId && r.created_at === now.toISOString())).toBe(true);
		expect((await selectLessonStatuses({ db, learnerId, moduleId: 'treaty-2024' })).get('lineage')).toEqual({
			state: 'completed'
		});
	});

	it('counts a check as mastered after one remediation when the re-check is right', async () => {
		const end = createActor(machine, {
			snapshot: walkPath(machine, lesson, 'remediate')
		}).getPersistedSnapshot();
		const result = await save(
			body({
				snapshot: end,
				events: [
					answer('answer-01', 'defence-clauses', 'l-lin-1961-defence', false),
					{ id: 'remed-001', type: 'remediation.taken', step: 'defence-clauses' },
					answer('answer-02', 'defence-clauses', 'l-lin-2000-defence', false),
					...rightToTheEnd
				]
			})
		);
		expect(result.graded.map((g) => g.correct)).toEqual([false, true, true, true]);
		expect(result.mastered).toBe(true);
		expect((await events()).filter((r) => r.type === 'remediation.taken')).toHaveLength(1);
	});

	it('records a replayed save once, and starts a new run from the beginning', async () => {
		const raw = body({ events: [answer('answer-01', 'defence-clauses', 'l-lin-1961-defence', true)] });
		await save(raw);
		await save(raw, new Date('2026-02-01T09:05:00Z'));
		expect(await events()).toHaveLength(1);
		const later = new Date('2026-02-02T09:00:00Z');
		await save(body({ run: 'run-00000002' }), later);
		const row = await db.kysely.selectFrom('lesson_progress').selectAll().executeTakeFirstOrThrow();
		expect([row.run_id, row.started_at, row.step]).toEqual(['run-00000002', later.toISOString(), 1]);
	});
});
