import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn, signUp } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { ContentIndex } from '$lib/server/content/content-index';
import { createLearner, findLearner } from '$lib/server/learner';
import { sweepOnce, sweepTasks, type SweepTask } from './sweeper';

const T0 = new Date('2026-03-02T09:00:00Z');
const DAY = 24 * 60 * 60_000;

describe.each(testEngines())('sweeper on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
	});
	afterEach(() => db.close());

	it('deletes sessions past their expiry and throttle rows past their window; a second pass finds nothing', async () => {
		const base = { now: T0, address: '10.0.0.1', anonymousLearnerId: null, params: TEST_PARAMS };
		await signUp(db, {
			...base,
			username: 'ana',
			displayName: 'Ana',
			password: 'long enough pw',
			role: 'student'
		});
		await signIn(db, { ...base, username: 'ana', password: 'wrong password' });
		const later = new Date(T0.getTime() + 3 * DAY);
		const tasks = sweepTasks(new ContentIndex([]));
		const none = {
			'quiz attempts past their deadline': 0,
			'expired sessions': 0,
			'idle anonymous learners': 0,
			'old sign-in failures': 0
		};
		expect(await sweepOnce(db, new Date(T0.getTime() + 60_000), tasks)).toEqual(none);
		expect(await sweepOnce(db, later, tasks)).toEqual({
			...none,
			'expired sessions': 1,
			'old sign-in failures': 2
		});
		expect(await sweepOnce(db, later, tasks)).toEqual(none);
	});

	// Issue 12, finding 3: every cookie-less visit made a learner row and nothing removed them.
	it('sweeps anonymous learners idle a day that own nothing, and any idle past their cookie; never an account’s', async () => {
		const empty = await createLearner(db, T0);
		const studied = await createLearner(db, T0);
		await db.kysely
			.insertInto('learner_mastery')
			.values({
				learner_id: studied.learner.id,
				module_id: 'm',
				objective: 'o',
				score: 1,
				answers: 1,
				quiz_answers: 0
			})
			.execute();
		await signUp(db, {
			now: T0,
			address: '10.0.0.1',
			anonymousLearnerId: null,
			params: TEST_PARAMS,
			username: 'ana',
			displayName: 'Ana',
			password: 'long enough pw',
			role: 'student'
		});
		const learners = async () =>
			(await db.kysely.selectFrom('learners').select(['id', 'user_id']).execute()).length;
		expect(await learners()).toBe(3);
		const tasks = sweepTasks(new ContentIndex([]));
		const idle = (await sweepOnce(db, new Date(T0.getTime() + 12 * 60 * 60_000), tasks))[
			'idle anonymous learners'
		];
		expect(idle).toBe(0);
		expect((await sweepOnce(db, new Date(T0.getTime() + 2 * DAY), tasks))['idle anonymous learners']).toBe(1);
		expect(await findLearner(db, empty.token, new Date(T0.getTime() + 2 * DAY))).toBeNull();
		expect(await learners()).toBe(2);
		expect((await sweepOnce(db, new Date(T0.getTime() + 401 * DAY), tasks))['idle anonymous learners']).toBe(
			1
		);
		expect(await db.kysely.selectFrom('learners').select('user_id').execute()).toEqual([
			{ user_id: expect.any(String) }
		]);
		expect(await db.kysely.selectFrom('learner_mastery').selectAll().execute()).toEqual([]);
	});

	it('reports a failing task without stopping the others', async () => {
		const tasks: SweepTask[] = [
			{ name: 'broken', run: async () => Promise.reject(new Error('boom')) },
			{ name: 'fine', run: async () => 3 }
		];
		const results = await sweepOnce(db, T0, tasks);
		expect(results.broken).toBeInstanceOf(Error);
		expect(results.fine).toBe(3);
	});
});
