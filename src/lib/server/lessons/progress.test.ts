import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { walkPath } from '$lib/lessons/machine-suite';
import {
	LessonProgressRefused,
	recordLessonProgress,
	selectLessonStatuses,
	selectSavedLesson
} from './progress';
import { LESSON_EVENTS_PER_DAY, LESSON_EVENTS_PER_RUN, MAX_EVENTS_PER_SAVE } from './event-caps';
import { refreshLearnerMastery, syncMasteryIndex } from '$lib/server/effects/mastery-index';
import { learnerObservations, masteryByObjective } from '$lib/server/progress/observations';
import { validateProgress } from './progress-request';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content must load for these tests');
const index = loaded.index;
const question = (id: string) => index.question('treaty-2024', id);
const lineage = index.lesson('treaty-2024', 'lineage')!;
const { lesson, machine } = lineage;
const lessonObjective = (item: string) => question(item)!.objective;

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
				events: [
					answer('answer-01', 'defence-clauses', 'l-lin-1961-defence', false),
					answer('answer-02', 'defence-clauses', 'l-lin-2000-defence', true),
					...rightToTheEnd
				]
			})
		);
		expect(result.graded.map((g) => g.correct)).toEqual([false, false, true, true]);
		expect(result.passed).toBe(false);
		const rows = await events();
		expect(rows.map((r) => [r.type, r.item_id, r.correct])).toEqual([
			['check.answered', 'l-lin-1961-defence', 0],
			['check.answered', 'l-lin-2000-defence', 0],
			['check.answered', 'l-lin-order-treaties', 1],
			['check.answered', 'l-lin-names-match', 1],
			['lesson.completed', null, null]
		]);
		expect(rows[4]?.mastered).toBe(0);
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
		expect(result.passed).toBe(true);
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

	const finalSnapshot = () =>
		createActor(machine, { snapshot: walkPath(machine, lesson, 'right') }).getPersistedSnapshot();
	const refusal = async (raw: unknown, at = now) => {
		try {
			await save(raw, at);
		} catch (e) {
			if (e instanceof LessonProgressRefused) return e;
			throw e;
		}
		throw new Error('the save was accepted');
	};
	/** Answers counted per objective, as My progress (observations) and the class dashboard (learner_mastery) count them. */
	const counted = async () => {
		await syncMasteryIndex(db, index, now);
		await db.kysely.transaction().execute((trx) => refreshLearnerMastery(trx, learnerId));
		const table = await db.kysely
			.selectFrom('learner_mastery')
			.selectAll()
			.where('learner_id', '=', learnerId)
			.execute();
		const seen = masteryByObjective(await learnerObservations({ db, content: index, learnerId, now }));
		return {
			table: table.map((r) => [r.objective, Number(r.answers)]),
			page: [...seen].map(([k, m]) => [k.split('/')[1], m.answers])
		};
	};

	// Issue 11: one POST of a final-state snapshot marked a lesson completed with no check answered.
	it('refuses a forged final-state snapshot: no completion, no row, no event', async () => {
		const forged = await refusal(
			body({ snapshot: finalSnapshot(), events: [{ id: 'done-0001', type: 'lesson.completed' }] })
		);
		expect(forged.status).toBe(422);
		expect(forged.message).toMatch(/"defence-clauses", "order", "names"/);
		// The same without the completion event, and with only the last check answered.
		expect((await refusal(body({ snapshot: finalSnapshot() }))).status).toBe(422);
		expect((await refusal(body({ snapshot: finalSnapshot(), events: rightToTheEnd }))).message).toMatch(
			/"defence-clauses"/
		);
		expect(await events()).toEqual([]);
		expect(await db.kysely.selectFrom('lesson_progress').selectAll().execute()).toEqual([]);
	});

	it('completes an honest run answered over several saves, once', async () => {
		await save(body({ events: [answer('answer-01', 'defence-clauses', 'l-lin-1961-defence', true)] }));
		const end = await save(body({ snapshot: finalSnapshot(), events: rightToTheEnd }));
		expect([end.done, end.passed]).toEqual([true, true]);
		// A replay of the final save changes nothing.
		await save(body({ snapshot: finalSnapshot(), events: rightToTheEnd }));
		expect((await events()).map((r) => r.type)).toEqual([
			'check.answered',
			'check.answered',
			'check.answered',
			'lesson.completed'
		]);
		expect((await selectLessonStatuses({ db, learnerId, moduleId: 'treaty-2024' })).get('lineage')).toEqual({
			state: 'completed'
		});
	});

	// Issue 11: twelve replays of one known practice answer moved an objective's mastery from 0 to 100 %.
	it('counts one answer per run, step and item: 12 replays under new ids count once', async () => {
		for (let i = 0; i < 12; i++) {
			const result = await save(
				body({
					events: [
						answer(`replay-${String(i).padStart(4, '0')}`, 'order', 'l-lin-order-treaties', [
							'soviet',
							'friendship',
							'partnership'
						])
					]
				})
			);
			expect(result.graded).toEqual([
				{ id: expect.any(String), item: 'l-lin-order-treaties', correct: true }
			]);
		}
		const rows = await events();
		expect(rows.filter((r) => r.type === 'check.answered')).toHaveLength(1);
		expect(rows.filter((r) => r.type === 'check.repeated')).toHaveLength(11);
		const one = [[lessonObjective('l-lin-order-treaties'), 1]];
		expect(await counted()).toEqual({ table: one, page: one });
		// A new run is a new attempt at the lesson: its answer counts.
		await save(
			body({ run: 'run-00000002', events: [answer('replay-new-run', 'order', 'l-lin-order-treaties', [])] })
		);
		const two = [[lessonObjective('l-lin-order-treaties'), 2]];
		expect(await counted()).toEqual({ table: two, page: two });
	});

	// Issue 12, finding 4: 20 saves of 100 events stored 2,000 rows for one learner, and saves slowed as the
	// log grew. Events here are remediation steps at the lineage lesson's "order" check, 100 to a save.
	const steps = (prefix: string, from: number, count: number) =>
		Array.from({ length: count }, (_, i) => ({
			id: `${prefix}-step-${String(from + i).padStart(5, '0')}`,
			type: 'remediation.taken' as const,
			step: 'order'
		}));
	const run = (n: number) => `run-${String(n).padStart(8, '0')}`;
	const nextDay = new Date('2026-02-02T09:00:00Z');

	it(`caps stored events at ${LESSON_EVENTS_PER_RUN} per run of a lesson, over any number of days, storing nothing past it`, async () => {
		await save(body({ events: steps('r1', 0, 100) }));
		await save(body({ events: steps('r1', 100, LESSON_EVENTS_PER_RUN - 100) }), nextDay);
		const over = await refusal(body({ events: steps('r1', LESSON_EVENTS_PER_RUN, 1) }), nextDay);
		expect(over.status).toBe(429);
		expect(over.message).toMatch(
			/one run keeps at most 150\. To save your place again, start the lesson again/
		);
		expect(await events()).toHaveLength(LESSON_EVENTS_PER_RUN);
		// Refused whole: a save that crosses the cap keeps none of its events and not its place either.
		const crossing = await refusal(
			body({ snapshot: { ...start(), value: 'order' }, events: steps('r1', 200, 2) }),
			nextDay
		);
		expect(crossing.status).toBe(429);
		expect(
			(await selectSavedLesson({ db, learnerId, moduleId: 'treaty-2024', lessonId: 'lineage' }))?.snapshot
		).not.toMatchObject({ value: 'order' });
		// A replay of a stored save adds nothing and is still answered; a new run takes events again.
		await save(body({ events: steps('r1', 0, 100) }), nextDay);
		await save(body({ run: run(2), events: steps('r2', 0, 1) }), nextDay);
		expect(await events()).toHaveLength(LESSON_EVENTS_PER_RUN + 1);
	});

	it(`caps stored events at ${LESSON_EVENTS_PER_DAY} per learner, lesson and UTC day, whatever the runs`, async () => {
		for (let i = 0; i < LESSON_EVENTS_PER_DAY; i += 100)
			await save(body({ run: run(i + 1), events: steps(`d1-${i}`, 0, 100) }));
		const over = await refusal(body({ run: run(999), events: steps('d1-over', 0, 1) }));
		expect(over.status).toBe(429);
		expect(over.message).toMatch(/recorded 300 steps and answers for you today, and takes at most 300 a day/);
		expect(await events()).toHaveLength(LESSON_EVENTS_PER_DAY);
		// The next UTC day takes events again.
		await save(body({ run: run(999), events: steps('d2', 0, 1) }), new Date('2026-02-02T00:00:01Z'));
		expect(await events()).toHaveLength(LESSON_EVENTS_PER_DAY + 1);
	});

	it('holds the run cap when saves arrive at the same moment: of two that each fit alone, one is stored', async () => {
		await save(body({ events: steps('r1', 0, 100) }));
		await save(body({ events: steps('r1', 100, LESSON_EVENTS_PER_RUN - 100 - 10) }));
		const both = await Promise.allSettled([
			save(body({ events: steps('a', 0, 10) })),
			save(body({ events: steps('b', 0, 10) }))
		]);
		expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(await events()).toHaveLength(LESSON_EVENTS_PER_RUN);
	});
});

describe('one save', () => {
	it(`carries at most ${MAX_EVENTS_PER_SAVE} events: more get a 400 that says so`, () => {
		const events = Array.from({ length: MAX_EVENTS_PER_SAVE + 1 }, (_, i) => ({
			id: `step-${String(i).padStart(5, '0')}`,
			type: 'remediation.taken',
			step: 'order'
		}));
		const v = validateProgress(body({ events }), lineage, question);
		expect(v).toEqual({
			ok: false,
			status: 400,
			message: `Invalid progress: events: at most ${MAX_EVENTS_PER_SAVE} events in one save; send the rest in the next`
		});
		expect(validateProgress(body({ events: events.slice(1) }), lineage, question).ok).toBe(true);
	});
});
