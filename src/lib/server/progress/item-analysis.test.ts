/**
 * Item analysis in SQL against a hand-computed example, on SQLite and PostgreSQL. Four students took the same
 * three-item quiz once (1 = right, 0 = wrong):
 *
 *              i1 a-single   i2 a-true-false   i3 b-single   total
 *   L1              1              1                1           3
 *   L2              1              1                0           2
 *   L3              1              0                0           1
 *   L4              0              0                1           1
 *
 * Discrimination is item–rest: y = total − x.
 *   i1: x = 1,1,1,0  y = 2,1,0,1  n=4 Σx=3 Σy=4 Σxy=3 Σx²=3 Σy²=6
 *       r = (4·3 − 3·4) / √((4·3 − 3²)(4·6 − 4²)) = 0 / √24 = 0          facility 3/4 = 0.75
 *   i2: x = 1,1,0,0  y = 2,1,1,1  Σx=2 Σy=5 Σxy=3 Σx²=2 Σy²=7
 *       r = (12 − 10) / √((8 − 4)(28 − 25)) = 2 / √12 = 0.577              facility 0.5
 *   i3: x = 1,0,0,1  y = 2,2,1,0  Σx=2 Σy=5 Σxy=2 Σx²=2 Σy²=9
 *       r = (8 − 10) / √((8 − 4)(36 − 25)) = −2 / √44 = −0.302             facility 0.5
 * Passages: i1 cites ¶2 (missed by L4: 1 of 4), i2 ¶3 (L3, L4: 2 of 4), i3 ¶5 (L2, L3: 2 of 4).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { itemSums, passageMisses, questionAnalysis, quizAnalysis } from './item-analysis';

const content = fixtureContent();
const T0 = new Date('2026-03-01T09:00:00.000Z');
const ITEMS = ['a-single', 'a-true-false', 'b-single'] as const;
const RIGHT = { 'a-single': 'a', 'a-true-false': false, 'b-single': 'a' } as const;
const WRONG = { 'a-single': 'b', 'a-true-false': true, 'b-single': 'b' } as const;
const GRID = [
	[1, 1, 1],
	[1, 1, 0],
	[1, 0, 0],
	[0, 0, 1]
];

describe.each(testEngines())('item analysis on %s', (engine) => {
	let db: Db;
	const learners: string[] = [];
	beforeEach(async () => {
		db = await engine.open();
		learners.length = 0;
		for (const row of GRID) {
			const learnerId = (await createLearner(db, T0)).learner.id;
			learners.push(learnerId);
			const id = randomUUID();
			const total = row.reduce((s, x) => s + x, 0);
			await db.kysely
				.insertInto('quiz_attempts')
				.values({
					id,
					learner_id: learnerId,
					module_id: FIXTURE_MODULE,
					quiz_id: 'mixed',
					number: 1,
					status: 'graded',
					seed: 1,
					question_ids: JSON.stringify(ITEMS),
					orders: '{}',
					feedback: 'on-submit',
					pass_mark: 50,
					time_limit_minutes: null,
					started_at: T0.toISOString(),
					due_at: null,
					extension_minutes: 0,
					submitted_at: T0.toISOString(),
					submit_reason: 'learner',
					score: total,
					max_score: 3,
					passed: total >= 2 ? 1 : 0,
					assignment_id: null,
					accept_late: 0,
					review_opens_at: null
				})
				.execute();
			await db.kysely
				.insertInto('quiz_answers')
				.values(
					ITEMS.map((q, i) => ({
						attempt_id: id,
						question_id: q,
						response: JSON.stringify(row[i] ? RIGHT[q] : WRONG[q]),
						revision: 1,
						saved_at: T0.toISOString(),
						checked_at: null,
						score: row[i]!,
						verdict: null
					}))
				)
				.execute();
		}
	});
	afterEach(() => db.close());

	it('computes the sums in one GROUP BY', async () => {
		const sums = await itemSums({ db, moduleId: FIXTURE_MODULE, quizId: 'mixed', scope: { kind: 'all' } });
		expect(sums.get('a-single')).toEqual({ n: 4, sumX: 3, sumY: 4, sumXY: 3, sumXX: 3, sumYY: 6 });
		expect(sums.get('a-true-false')).toEqual({ n: 4, sumX: 2, sumY: 5, sumXY: 3, sumXX: 2, sumYY: 7 });
		expect(sums.get('b-single')).toEqual({ n: 4, sumX: 2, sumY: 5, sumXY: 2, sumXX: 2, sumYY: 9 });
	});

	it('gives facility, discrimination, option frequencies and flags per item', async () => {
		const a = await quizAnalysis({
			db,
			content,
			moduleId: FIXTURE_MODULE,
			quizId: 'mixed',
			scope: { kind: 'all' }
		});
		expect(a).toMatchObject({ attempts: 4, students: 4, members: 4, meanPercent: 58 }); // (3+2+1+1)/12 = 58.3%
		const by = new Map(a.items.map((i) => [i.questionId, i]));
		expect(by.get('a-single')).toMatchObject({ n: 4, facility: 0.75, discrimination: 0 });
		expect(by.get('a-true-false')).toMatchObject({ facility: 0.5, discrimination: 0.577 });
		expect(by.get('b-single')).toMatchObject({ facility: 0.5, discrimination: -0.302 });
		// Fewer than 10 responses: shown, but only flagged as few.
		expect(by.get('b-single')!.flags).toEqual(['few-responses']);
		expect(by.get('a-single')!.options.map((o) => [o.id, o.count, o.share, o.correct])).toEqual([
			['a', 3, 0.75, true],
			['b', 1, 0.25, false],
			['c', 0, 0, false]
		]);
		expect(by.get('a-true-false')!.options.map((o) => [o.id, o.count])).toEqual([
			['true', 2],
			['false', 2]
		]);
		const one = await questionAnalysis({
			db,
			content,
			moduleId: FIXTURE_MODULE,
			questionId: 'b-single',
			scope: { kind: 'all' }
		});
		expect(one).toMatchObject({ n: 4, facility: 0.5, discrimination: -0.302 });
	});

	it('restricts to a scope of learners (a class) with a subquery', async () => {
		// L1 and L2 only: i1 is right for both, so it has no spread and no discrimination.
		const scope = {
			kind: 'learners' as const,
			ids: sql`select id from learners where id in (${learners[0]}, ${learners[1]})`,
			members: sql`select id from learners where id in (${learners[0]}, ${learners[1]})`
		};
		const a = await quizAnalysis({ db, content, moduleId: FIXTURE_MODULE, quizId: 'mixed', scope });
		expect(a.students).toBe(2);
		expect(a.members).toBe(2);
		expect(a.items.find((i) => i.questionId === 'a-single')).toMatchObject({
			n: 2,
			facility: 1,
			discrimination: null
		});
	});

	it('counts, per cited paragraph, the students who missed a question citing it', async () => {
		const rows = await passageMisses({
			db,
			content,
			moduleId: FIXTURE_MODULE,
			sourceId: 'doc',
			scope: { kind: 'all' }
		});
		expect(rows.map((r) => [r.paragraph, r.answered, r.missed, r.share])).toEqual([
			[2, 4, 1, 0.25],
			[3, 4, 2, 0.5],
			[5, 4, 2, 0.5]
		]);
	});
});
