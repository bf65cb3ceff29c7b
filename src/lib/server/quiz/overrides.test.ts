/**
 * Instructor overrides on SQLite and PostgreSQL (issue 11, point 2): the grader's score and every change are
 * kept, the attempt's total, its assignment and the learner's mastery follow in the same transaction, an
 * undo puts the grader's score back, and every refusal changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '$lib/grading';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { overrideAnswer, undoOverride } from './overrides';
import { FIXTURE_MODULE, fixtureContent } from './test-content';
import { addStudent, ASSIGNMENT, gradedAttempt, scoreState, seedClass, T0, TEACHER } from './test-graded';
import { attemptQuestionIds, startAttempt, type AttemptRow } from './attempts';

const content = fixtureContent();
const by = { userId: TEACHER.id, name: TEACHER.displayName };
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(testEngines())('score overrides on %s', (engine) => {
	let db: Db;
	let learnerId: string;
	let userId: string;
	let attempt: AttemptRow;
	beforeEach(async () => {
		db = await engine.open();
		await seedClass(db, content);
		({ learnerId, userId } = await addStudent(db, '00000000-0000-4000-8000-0000000000e1', 'Ana'));
		// Every answer right: 8 of 8.
		attempt = await gradedAttempt(db, content, learnerId);
	});
	afterEach(() => db.close());

	const answer = () =>
		db.kysely
			.selectFrom('quiz_answers')
			.selectAll()
			.where('attempt_id', '=', attempt.id)
			.where('question_id', '=', 'b-true-false')
			.executeTakeFirstOrThrow();
	const attemptRow = () =>
		db.kysely.selectFrom('quiz_attempts').selectAll().where('id', '=', attempt.id).executeTakeFirstOrThrow();
	const work = () =>
		db.kysely
			.selectFrom('assignment_work')
			.select('score')
			.where('assignment_id', '=', ASSIGNMENT)
			.where('user_id', '=', userId)
			.executeTakeFirstOrThrow();
	const mastery = async (objective: string) =>
		(
			await db.kysely
				.selectFrom('learner_mastery')
				.select('score')
				.where('learner_id', '=', learnerId)
				.where('objective', '=', objective)
				.executeTakeFirstOrThrow()
		).score;
	const override = (score: number, comment = 'The wording misled everyone.', questionId = 'b-true-false') =>
		overrideAnswer({ db, attemptId: attempt.id, questionId, score, comment, by, now: later(60) });

	it('overrides one score with a comment, keeps the original and who and when, and the totals follow', async () => {
		expect(attempt).toMatchObject({ score: 8, max_score: 8, passed: 1 });
		expect((await work()).score).toBe(1);
		expect(await mastery('beta')).toBe(1);

		const result = await override(0.25);
		expect(result).toMatchObject({ ok: true, attempt: { score: 7.25, max_score: 8, passed: 1 } });

		const row = await answer();
		expect(row).toMatchObject({
			score: 0.25,
			override_comment: 'The wording misled everyone.',
			overridden_by: TEACHER.id,
			overridden_at: later(60).toISOString()
		});
		// The grader's own score is still there.
		expect((JSON.parse(row.verdict!) as Verdict).score).toBe(1);
		expect(await db.kysely.selectFrom('score_changes').selectAll().execute()).toEqual([
			expect.objectContaining({
				attempt_id: attempt.id,
				question_id: 'b-true-false',
				kind: 'override',
				old_score: 1,
				new_score: 0.25,
				comment: 'The wording misled everyone.',
				by_user_id: TEACHER.id,
				by_name: TEACHER.displayName,
				at: later(60).toISOString()
			})
		]);
		expect(await attemptRow()).toMatchObject({ score: 7.25, passed: 1 });
		// The assignment's best score goes down with it (the best kept before was this very attempt).
		expect((await work()).score).toBeCloseTo(7.25 / 8, 10);
		// Mastery: four beta answers, one now at 0.25.
		expect(await mastery('beta')).toBeCloseTo((3 + 0.25) / 4, 10);
		expect(await mastery('alpha')).toBe(1);
	});

	it('undoes an override back to the grader’s score and keeps both changes in the log', async () => {
		await override(0);
		const undone = await undoOverride({
			db,
			attemptId: attempt.id,
			questionId: 'b-true-false',
			by,
			now: later(90)
		});
		expect(undone).toMatchObject({ ok: true, attempt: { score: 8 } });
		expect(await answer()).toMatchObject({
			score: 1,
			override_comment: null,
			overridden_by: null,
			overridden_at: null
		});
		const log = await db.kysely.selectFrom('score_changes').selectAll().orderBy('at').execute();
		expect(log.map((c) => [c.kind, c.old_score, c.new_score])).toEqual([
			['override', 1, 0],
			['undo', 0, 1]
		]);
		expect((await work()).score).toBe(1);
		expect(await mastery('beta')).toBe(1);
	});

	it('a pass becomes a fail when overrides take the attempt under the pass mark', async () => {
		for (const id of attemptQuestionIds(attempt).slice(0, 5)) {
			const r = await override(0, 'Copied from a neighbour.', id);
			expect(r.ok).toBe(true);
		}
		expect(await attemptRow()).toMatchObject({ score: 3, passed: 0 });
	});

	it('refuses bad input, an open attempt, a foreign question and an undo with nothing to undo, changing nothing', async () => {
		const open = await startAttempt({
			db,
			content,
			learnerId,
			quiz: content.quiz(FIXTURE_MODULE, 'mixed')!,
			now: later(30)
		});
		if (!open.ok) throw new Error(open.message);
		const before = await scoreState(db);
		expect(
			await overrideAnswer({
				db,
				attemptId: open.attempt.id,
				questionId: attemptQuestionIds(open.attempt)[0]!,
				score: 1,
				comment: 'Too early.',
				by,
				now: later(60)
			})
		).toMatchObject({ ok: false, status: 409 });
		expect(await override(1.5)).toMatchObject({ ok: false, status: 422 });
		expect(await override(-0.1)).toMatchObject({ ok: false, status: 422 });
		expect(await override(Number.NaN)).toMatchObject({ ok: false, status: 422 });
		expect(await override(0.5, '   ')).toMatchObject({ ok: false, status: 422 });
		expect(await override(0.5, 'x'.repeat(1001))).toMatchObject({ ok: false, status: 422 });
		expect(await override(0.5, 'ok', 'a-practice')).toMatchObject({ ok: false, status: 404 });
		expect(
			await overrideAnswer({
				db,
				attemptId: '00000000-0000-4000-8000-000000000000',
				questionId: 'b-true-false',
				score: 0,
				comment: 'x',
				by,
				now: later(60)
			})
		).toMatchObject({ ok: false, status: 404 });
		expect(
			await undoOverride({ db, attemptId: attempt.id, questionId: 'b-true-false', by, now: later(60) })
		).toMatchObject({ ok: false, status: 409 });
		expect(await scoreState(db)).toEqual(before);
	});
});
