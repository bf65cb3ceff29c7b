/**
 * The attempt rules on SQLite and PostgreSQL (testEngines): limits, autosave revisions, every refusal
 * changes nothing, idempotent submission under parallel replays, the server-clock time limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '$lib/content/types';
import { keyResponse } from '$lib/grading';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import {
	answersOf,
	attemptOrders,
	attemptQuestionIds,
	checkAnswer,
	findAttempt,
	listAttempts,
	saveAnswer,
	saveAnswers,
	settleAttempt,
	startAttempt,
	submitAttempt,
	type AttemptRow
} from './attempts';
import { drawAttempt } from './draw';
import { FIXTURE_MODULE, fixtureContent } from './test-content';
import { GRACE_MS } from './timing';

const content = fixtureContent();
const quiz = (id: string) => content.quiz(FIXTURE_MODULE, id)!;
const question = (id: string) => content.question(FIXTURE_MODULE, id) as Question;
const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;
/** A seed whose draw of the quiz includes the question. */
function seedDrawing(quizId: string, questionId: string): number {
	const questions = content.module(FIXTURE_MODULE)!.questions;
	for (let seed = 0; ; seed++) {
		if (drawAttempt({ quiz: quiz(quizId), questions, seed }).questionIds.includes(questionId)) return seed;
	}
}

describe.each(testEngines())('quiz attempts on %s', (engine) => {
	let db: Db;
	let learnerId: string;
	beforeEach(async () => {
		db = await engine.open();
		learnerId = (await createLearner(db, T0)).learner.id;
	});
	afterEach(() => db.close());

	const start = async (id = 'mixed', now = T0, seed = 7) => {
		const started = await startAttempt({ db, content, learnerId, quiz: quiz(id), now, seed });
		if (!started.ok) throw new Error(started.message);
		return started.attempt;
	};
	const snapshot = async () => ({
		attempts: await db.kysely.selectFrom('quiz_attempts').selectAll().orderBy('id').execute(),
		answers: await db.kysely
			.selectFrom('quiz_answers')
			.selectAll()
			.orderBy('attempt_id')
			.orderBy('question_id')
			.execute()
	});
	const save = (
		attempt: AttemptRow,
		questionId: string,
		response: unknown,
		revision: number,
		now = at(MIN)
	) => saveAnswer({ db, content, learnerId, attemptId: attempt.id, questionId, response, revision, now });
	const submit = (attempt: AttemptRow, now = at(2 * MIN)) =>
		submitAttempt({ db, content, learnerId, attemptId: attempt.id, now });

	it('starts an attempt with its seed, drawn ids, option orders and a copy of the rules; resumes it', async () => {
		const attempt = await start();
		expect(attempt).toMatchObject({
			number: 1,
			status: 'open',
			seed: 7,
			time_limit_minutes: 10,
			pass_mark: 50
		});
		expect(attemptQuestionIds(attempt)).toHaveLength(8);
		expect(Object.keys(attemptOrders(attempt)).sort()).toEqual(attemptQuestionIds(attempt).sort());
		const again = await startAttempt({ db, content, learnerId, quiz: quiz('mixed'), now: at(MIN) });
		expect(again).toMatchObject({ ok: true, resumed: true, attempt: { id: attempt.id } });
		expect(await findAttempt({ db, learnerId, attemptId: attempt.id })).toEqual(attempt);
	});

	it('refuses a start beyond the attempt limit and changes nothing', async () => {
		for (let i = 0; i < 2; i++) await submit(await start('mixed', at(i * MIN), i));
		const before = await snapshot();
		const refused = await startAttempt({ db, content, learnerId, quiz: quiz('mixed'), now: at(5 * MIN) });
		expect(refused).toEqual({
			ok: false,
			status: 409,
			message: 'You have used all 2 attempts at this quiz.'
		});
		expect(await snapshot()).toEqual(before);
	});

	it('lets parallel starts create only one attempt', async () => {
		const results = await Promise.all(
			Array.from({ length: 6 }, () => startAttempt({ db, content, learnerId, quiz: quiz('mixed'), now: T0 }))
		);
		const ids = new Set(results.map((r) => (r.ok ? r.attempt.id : r.message)));
		expect(ids.size).toBe(1);
		expect(await listAttempts({ db, learnerId })).toHaveLength(1);
	});

	it('draws unseen items on a retake', async () => {
		const first = await start('alpha', T0, 1);
		await submit(first);
		const second = await start('alpha', at(5 * MIN), 2);
		expect(attemptQuestionIds(second).filter((id) => attemptQuestionIds(first).includes(id))).toEqual([]);
	});

	it('keeps the newest autosave when saves arrive out of order or are replayed', async () => {
		const attempt = await start('alpha');
		const id = attemptQuestionIds(attempt)[0]!;
		const q = question(id);
		const key = keyResponse(q);
		expect(await save(attempt, id, key, 3)).toMatchObject({ ok: true, stored: true, revision: 3 });
		expect(await save(attempt, id, null, 2)).toMatchObject({ ok: true, stored: false, revision: 3 });
		expect(await save(attempt, id, null, 3)).toMatchObject({ ok: true, stored: false, revision: 3 });
		const stored = (await answersOf({ db, attemptId: attempt.id })).get(id)!;
		expect(JSON.parse(stored.response!)).toEqual(q.type === 'evidence' ? [...(key as number[])] : key);
		expect(await save(attempt, id, null, 4)).toMatchObject({ ok: true, stored: true, revision: 4 });
		expect((await answersOf({ db, attemptId: attempt.id })).get(id)!.response).toBeNull();
	});

	it('refuses tampered saves with a clear status and changes nothing', async () => {
		const mine = await start('mixed');
		const ids = attemptQuestionIds(mine);
		const notDrawn = content.module(FIXTURE_MODULE)!.questions.find((q) => !ids.includes(q.id))!;
		const other = (await createLearner(db, T0)).learner.id;
		const before = await snapshot();
		const single = ids.find((id) => question(id).type === 'single' || question(id).type === 'multiple')!;
		const cases: [Promise<unknown>, number][] = [
			[
				saveAnswer({
					db,
					content,
					learnerId: other,
					attemptId: mine.id,
					questionId: ids[0]!,
					response: null,
					revision: 1,
					now: T0
				}),
				404
			],
			[save(mine, notDrawn.id, null, 1), 400],
			[save(mine, 'no-such-question', null, 1), 400],
			[save(mine, single, 'not-an-option', 1), 422],
			[save(mine, single, { $gt: '' }, 1), 422],
			[save(mine, ids[0]!, null, 0), 400],
			[save(mine, ids[0]!, null, 1.5), 400],
			[submitAttempt({ db, content, learnerId: other, attemptId: mine.id, now: T0 }), 404],
			[checkAnswer({ db, content, learnerId, attemptId: mine.id, questionId: ids[0]!, now: T0 }), 409]
		];
		for (const [result, status] of cases) expect(await result).toMatchObject({ ok: false, status });
		expect(await snapshot()).toEqual(before);
	});

	it('refuses answers after submit and after the time limit (beyond the grace), changing nothing', async () => {
		const attempt = await start('mixed');
		const id = attemptQuestionIds(attempt)[0]!;
		// 10-minute limit: a save 4 s after it ends is an in-flight save and counts; 6 s after, it does not.
		expect(await save(attempt, id, null, 1, at(10 * MIN + GRACE_MS - 1000))).toMatchObject({
			ok: true,
			stored: true
		});
		const before = await snapshot();
		expect(
			await save(attempt, id, keyResponse(question(id)), 2, at(10 * MIN + GRACE_MS + 1000))
		).toMatchObject({
			ok: false,
			status: 409
		});
		expect(await snapshot()).toEqual(before);

		const other = await start('alpha');
		const otherId = attemptQuestionIds(other)[0]!;
		await submit(other);
		const graded = await snapshot();
		expect(await save(other, otherId, null, 5)).toMatchObject({ ok: false, status: 409 });
		expect(
			await saveAnswers({
				db,
				content,
				learnerId,
				attemptId: other.id,
				responses: new Map([[otherId, null]]),
				now: at(MIN)
			})
		).toMatchObject({ ok: false, status: 409 });
		expect(await snapshot()).toEqual(graded);
	});

	it('grades 20 parallel submits of one attempt exactly once', async () => {
		const attempt = await start('mixed');
		const ids = attemptQuestionIds(attempt);
		for (const id of ids.slice(0, 4)) await save(attempt, id, keyResponse(question(id)), 1);
		const results = await Promise.all(Array.from({ length: 20 }, () => submit(attempt)));
		expect(results.every((r) => r.ok)).toBe(true);
		expect(results.filter((r) => r.ok && r.gradedNow)).toHaveLength(1);
		const rows = await listAttempts({ db, learnerId });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			status: 'graded',
			score: 4,
			max_score: 8,
			passed: 1,
			submit_reason: 'learner'
		});
		const answers = await answersOf({ db, attemptId: attempt.id });
		expect(answers.size).toBe(8);
		expect([...answers.values()].filter((a) => a.score === 1)).toHaveLength(4);
	});

	it('grades partial credit and records pass or fail against the pass mark', async () => {
		const attempt = await start('alpha', T0, seedDrawing('alpha', 'a-multiple'));
		// Key {guild, light, dues}: two right picks and one wrong one earn (2 − 1) / 3.
		await save(attempt, 'a-multiple', ['guild', 'navy', 'light'], 1);
		const result = await submit(attempt);
		expect(result).toMatchObject({ ok: true, attempt: { score: 0.3333, max_score: 3, passed: 0 } });
		const verdict = JSON.parse((await answersOf({ db, attemptId: attempt.id })).get('a-multiple')!.verdict!);
		expect(verdict).toMatchObject({ score: 0.3333, partial: true, correct: false });

		const perfect = await start('alpha', at(5 * MIN), 11);
		for (const id of attemptQuestionIds(perfect))
			await save(perfect, id, keyResponse(question(id)), 1, at(6 * MIN));
		expect(await submit(perfect, at(7 * MIN))).toMatchObject({
			ok: true,
			attempt: { score: 3, max_score: 3, passed: 1 }
		});
	});

	it('grades the saved answers when the time limit passes, as they stood at the deadline', async () => {
		const attempt = await start('mixed');
		const id = attemptQuestionIds(attempt)[0]!;
		await save(attempt, id, keyResponse(question(id)), 1);
		const open = await settleAttempt({ db, content, attempt, now: at(9 * MIN) });
		expect(open.status).toBe('open');
		const settled = await settleAttempt({ db, content, attempt, now: at(30 * MIN) });
		expect(settled).toMatchObject({
			status: 'graded',
			score: 1,
			submit_reason: 'time-limit',
			submitted_at: at(10 * MIN).toISOString()
		});
		// A late submit is not an error: it finds the attempt already graded.
		expect(await submit(attempt, at(31 * MIN))).toMatchObject({ ok: true, gradedNow: false });
	});

	it('counts a submit within the grace period as the learner’s, and a later one as time running out', async () => {
		const inGrace = await submit(await start('mixed'), at(10 * MIN + 3000));
		expect(inGrace).toMatchObject({ ok: true, attempt: { submit_reason: 'learner' } });
		const late = await submit(await start('mixed', at(20 * MIN)), at(31 * MIN));
		expect(late).toMatchObject({ ok: true, attempt: { submit_reason: 'time-limit' } });
	});

	it('checks one answer under immediate feedback and locks it', async () => {
		const attempt = await start('alpha');
		const [first, second] = attemptQuestionIds(attempt) as [string, string];
		expect(
			await checkAnswer({ db, content, learnerId, attemptId: attempt.id, questionId: first, now: T0 })
		).toMatchObject({
			ok: false,
			status: 422
		});
		await save(attempt, first, keyResponse(question(first)), 1);
		expect(
			await checkAnswer({ db, content, learnerId, attemptId: attempt.id, questionId: first, now: T0 })
		).toEqual({
			ok: true,
			checkedNow: true
		});
		expect(
			await checkAnswer({ db, content, learnerId, attemptId: attempt.id, questionId: first, now: T0 })
		).toEqual({
			ok: true,
			checkedNow: false
		});
		const row = (await answersOf({ db, attemptId: attempt.id })).get(first)!;
		expect(row).toMatchObject({ score: 1 });
		expect(await save(attempt, first, null, 9)).toMatchObject({ ok: false, status: 409 });
		// The form path skips the locked answer and saves the rest.
		const form = await saveAnswers({
			db,
			content,
			learnerId,
			attemptId: attempt.id,
			responses: new Map<string, unknown>([
				[first, null],
				[second, keyResponse(question(second))]
			]),
			now: at(MIN)
		});
		expect(form).toEqual({ ok: true, changed: [second] });
	});

	it('saves a form of answers all or nothing, writing only what changed', async () => {
		const attempt = await start('mixed');
		const ids = attemptQuestionIds(attempt);
		const responses = new Map<string, unknown>(ids.slice(0, 3).map((id) => [id, keyResponse(question(id))]));
		const all = (r: Map<string, unknown>) =>
			saveAnswers({ db, content, learnerId, attemptId: attempt.id, responses: r, now: at(MIN) });
		expect(await all(responses)).toEqual({ ok: true, changed: ids.slice(0, 3) });
		expect(await all(responses)).toEqual({ ok: true, changed: [] });
		const before = await snapshot();
		const single = ids.find((id) => question(id).type === 'single')!;
		const bad = new Map(responses).set(single, 'zzz');
		expect(await all(bad)).toMatchObject({ ok: false, status: 422 });
		expect(await all(new Map([['stranger', null]]))).toMatchObject({ ok: false, status: 400 });
		expect(await snapshot()).toEqual(before);
		const revisions = [...(await answersOf({ db, attemptId: attempt.id })).values()].map((a) => a.revision);
		expect(revisions).toEqual([1, 1, 1]);
	});
});
