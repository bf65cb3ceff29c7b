/**
 * Class mastery in SQL agrees with the per-student rule ($lib/progress/mastery.ts) on the same answers, on both engines:
 * three students, answers on both fixture objectives from quizzes and lesson checks, more than RECENT on one.
 * The answers go in as the grading and lesson transactions write them: rows, then refreshLearnerMastery.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { classMastery } from './class-mastery';
import {
	rebuildLearnerMastery,
	refreshLearnerMastery,
	syncMasteryIndex
} from '$lib/server/effects/mastery-index';
import { learnerObservations, masteryByObjective } from './observations';
import { importStudents } from '$lib/server/classes/import-students';
import { TEST_PARAMS } from '$lib/server/auth/password';
import { classScope } from './class-analytics';
import { quizAnalysis } from './item-analysis';

const content = fixtureContent();
const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const ALPHA = ['a-single', 'a-true-false', 'a-multiple', 'a-ordering', 'a-numeric', 'a-matching'];
const BETA = ['b-single', 'b-true-false'];

describe.each(testEngines())('class mastery on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
		await syncMasteryIndex(db, content);
	});
	afterEach(() => db.close());

	async function attempt(learnerId: string, minute: number, scores: Record<string, number>) {
		await insertAttempt(learnerId, minute, scores);
		await refreshLearnerMastery(db.kysely, learnerId);
	}
	async function insertAttempt(learnerId: string, minute: number, scores: Record<string, number>) {
		const id = randomUUID();
		const total = Object.values(scores).reduce((s, x) => s + x, 0);
		await db.kysely
			.insertInto('quiz_attempts')
			.values({
				id,
				learner_id: learnerId,
				module_id: FIXTURE_MODULE,
				quiz_id: 'mixed',
				number: minute,
				status: 'graded',
				seed: 1,
				question_ids: JSON.stringify(Object.keys(scores)),
				orders: '{}',
				feedback: 'on-submit',
				pass_mark: 50,
				time_limit_minutes: null,
				started_at: iso(minute),
				due_at: null,
				extension_minutes: 0,
				submitted_at: iso(minute),
				submit_reason: 'learner',
				score: total,
				max_score: Object.keys(scores).length,
				passed: 1,
				assignment_id: null,
				accept_late: 0,
				review_opens_at: null
			})
			.execute();
		await db.kysely
			.insertInto('quiz_answers')
			.values(
				Object.entries(scores).map(([q, score]) => ({
					attempt_id: id,
					question_id: q,
					response: null,
					revision: 1,
					saved_at: iso(minute),
					checked_at: null,
					score,
					verdict: null
				}))
			)
			.execute();
	}
	async function check(learnerId: string, minute: number, correct: boolean) {
		await insertCheck(learnerId, minute, correct);
		await refreshLearnerMastery(db.kysely, learnerId);
	}
	async function insertCheck(learnerId: string, minute: number, correct: boolean) {
		await db.kysely
			.insertInto('lesson_events')
			.values({
				learner_id: learnerId,
				event_id: randomUUID(),
				module_id: FIXTURE_MODULE,
				lesson_id: 'l',
				// One answer per (run, step, item) counts, so each check here is its own run of the lesson.
				run_id: `r-${minute}`,
				type: 'check.answered',
				step_id: 's',
				item_id: 'a-practice',
				response: 'true',
				correct: correct ? 1 : 0,
				score: correct ? 1 : 0,
				mastered: null,
				created_at: iso(minute),
				batch_seq: 0
			})
			.execute();
	}

	it('counts students per level like mastery() does per student', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) ids.push((await createLearner(db, new Date(T0))).learner.id);
		const [strong, mixed, weak] = ids as [string, string, string, string];
		// strong: two attempts, all alpha right, beta right: mastered alpha (12 answers, last 10 count).
		await attempt(strong, 1, Object.fromEntries([...ALPHA, ...BETA].map((q) => [q, 1])));
		await attempt(strong, 2, Object.fromEntries(ALPHA.map((q) => [q, 1])));
		await check(strong, 3, false);
		// mixed: alpha half right, a partial credit, lesson checks right; beta wrong.
		await attempt(mixed, 1, {
			'a-single': 1,
			'a-true-false': 0,
			'a-multiple': 0.5,
			'a-ordering': 1,
			'b-single': 0
		});
		await check(mixed, 2, true);
		await check(mixed, 3, true);
		// weak: only lesson checks, wrong.
		await check(weak, 1, false);
		// the fourth student has done nothing: not started everywhere.

		const rows = await classMastery({ db, content, scope: { kind: 'all' } });
		const expected = new Map<string, Record<string, number>>();
		for (const o of content.module(FIXTURE_MODULE)!.objectives)
			expected.set(o.id, { 'not-started': 0, 'needs-review': 0, practising: 0, mastered: 0 });
		for (const learnerId of ids) {
			const m = masteryByObjective(
				await learnerObservations({ db, content, learnerId, now: new Date(T0 + 3_600_000) })
			);
			for (const [objective, counts] of expected)
				counts[m.get(`${FIXTURE_MODULE}/${objective}`)?.level ?? 'not-started']!++;
		}
		expect(Object.fromEntries(rows.map((r) => [r.id, r.counts]))).toEqual(Object.fromEntries(expected));
		// And the figures by hand: alpha — strong mastered (last 10: 9 right quiz + 1 wrong check weighing ½ →
		// 9/9.5 = 0.947), mixed practising ((1+0+0.5+1 + ½·1 + ½·1)/(4 + 1) = 3.5/5 = 0.7), weak needs review.
		expect(rows.find((r) => r.id === 'alpha')!.counts).toEqual({
			'not-started': 1,
			'needs-review': 1,
			practising: 1,
			mastered: 1
		});
		expect(rows.find((r) => r.id === 'beta')!.counts).toEqual({
			'not-started': 2,
			'needs-review': 1,
			practising: 1,
			mastered: 0
		});

		// Kept up learner by learner, the table holds what a rebuild from scratch computes.
		const table = () =>
			db.kysely
				.selectFrom('learner_mastery')
				.selectAll()
				.orderBy('learner_id')
				.orderBy('objective')
				.execute();
		const incremental = await table();
		expect(incremental).toHaveLength(5);
		await rebuildLearnerMastery(db.kysely);
		expect(await table()).toEqual(incremental);
	});

	// Issue 11, point 6: a class of 5 imported by CSV showed 2 per objective, because members who never signed
	// in have no learner row and the count started from learners.
	it('counts every member of a class, members who never signed in as not started', async () => {
		const at = new Date(T0).toISOString();
		await db.kysely
			.insertInto('users')
			.values({
				id: 't',
				username: 'teacher',
				display_name: 'Teacher',
				role: 'instructor',
				password_hash: 'x',
				must_change_password: 0,
				created_at: at,
				password_changed_at: at
			})
			.execute();
		await db.kysely
			.insertInto('classes')
			.values({ id: 'c', name: 'C', instructor_id: 't', join_code: 'AAAA-BBBB', created_at: at })
			.execute();
		const imported = await importStudents(db, {
			classId: 'c',
			instructorId: 't',
			csv: 'ana,Ana\nben,Ben\ncai,Cai\ndee,Dee\neli,Eli\n',
			now: new Date(T0),
			params: TEST_PARAMS
		});
		expect(imported).toMatchObject({ ok: true });
		// Ana and Ben signed in (a learner row joined to their account) and answered on both objectives.
		for (const [username, score] of [
			['ana', 1],
			['ben', 0]
		] as const) {
			const { learner } = await createLearner(db, new Date(T0));
			const user = await db.kysely
				.selectFrom('users')
				.select('id')
				.where('username', '=', username)
				.executeTakeFirstOrThrow();
			await db.kysely
				.updateTable('learners')
				.set({ user_id: user.id })
				.where('id', '=', learner.id)
				.execute();
			await attempt(learner.id, 1, { 'a-single': score, 'b-single': score });
		}
		// Someone outside the class has evidence too: it must not count.
		await attempt((await createLearner(db, new Date(T0))).learner.id, 1, { 'a-single': 1 });

		const rows = await classMastery({ db, content, scope: classScope('c') });
		expect(rows.map((r) => r.id)).toEqual(['alpha', 'beta']);
		for (const r of rows) {
			expect(Object.values(r.counts).reduce((s, n) => s + n, 0)).toBe(5);
			expect(r.counts['not-started']).toBe(3);
		}
		// Item analysis says how many of the class took the quiz: 2 of 5.
		const analysis = await quizAnalysis({
			db,
			content,
			moduleId: FIXTURE_MODULE,
			quizId: 'mixed',
			scope: classScope('c')
		});
		expect(analysis).toMatchObject({ students: 2, members: 5 });
	});
});
