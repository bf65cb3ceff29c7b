/**
 * What quiz pages may send. The fixture's explanations and "why"s all contain SECRET-, so a leak shows up
 * as that marker in the serialised page data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyResponse } from '$lib/grading';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import {
	answersOf,
	attemptQuestionIds,
	checkAnswer,
	saveAnswer,
	scheduleAttempt,
	startAttempt,
	submitAttempt,
	findAttempt,
	type AttemptRow
} from './attempts';
import { NOTHING_HELD } from './held-keys';
import { FIXTURE_MODULE, fixtureContent } from './test-content';
import { attemptReview, attemptSummary, publicAttempt, quizProgress } from './views';

const content = fixtureContent();
const quiz = (id: string) => content.quiz(FIXTURE_MODULE, id)!;
const T0 = new Date('2026-03-01T09:00:00.000Z');
const MIN = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(testEngines())('quiz views on %s', (engine) => {
	let db: Db;
	let learnerId: string;
	beforeEach(async () => {
		db = await engine.open();
		learnerId = (await createLearner(db, T0)).learner.id;
	});
	afterEach(() => db.close());

	const start = async (id: string) => {
		const r = await startAttempt({ db, content, learnerId, quiz: quiz(id), now: T0, seed: 5 });
		if (!r.ok) throw new Error(r.message);
		return r.attempt;
	};
	const saveKey = (attempt: AttemptRow, questionId: string) =>
		saveAnswer({
			db,
			content,
			learnerId,
			attemptId: attempt.id,
			questionId,
			response: keyResponse(content.question(FIXTURE_MODULE, questionId)!),
			revision: 1,
			now: at(MIN)
		});
	const view = async (id: string, attempt: AttemptRow) =>
		publicAttempt({
			content,
			quiz: quiz(id),
			attempt: (await findAttempt({ db, learnerId, attemptId: attempt.id }))!,
			answers: await answersOf({ db, attemptId: attempt.id }),
			now: at(MIN),
			held: NOTHING_HELD
		});

	it('sends no key, explanation or why with an open attempt, only the learner’s own answers', async () => {
		const attempt = await start('mixed');
		for (const id of attemptQuestionIds(attempt)) await saveKey(attempt, id);
		const json = JSON.stringify(await view('mixed', attempt));
		expect(json).not.toContain('SECRET-');
		expect(json).not.toMatch(/"(explanation|why|answer|accept|reject|tolerance|citations)":/);
		const data = await view('mixed', attempt);
		expect(data.questions.map((q) => q.question.id)).toEqual(attemptQuestionIds(attempt));
		expect(data.timer).toMatchObject({ endsAt: at(10 * MIN).toISOString(), reason: 'time-limit' });
	});

	it('under immediate feedback, reveals a question’s key only once that answer is checked', async () => {
		const attempt = await start('alpha');
		const [first, second] = attemptQuestionIds(attempt) as [string, string];
		await saveKey(attempt, first);
		await saveKey(attempt, second);
		await checkAnswer({ db, content, learnerId, attemptId: attempt.id, questionId: first, now: at(MIN) });
		const data = await view('alpha', attempt);
		const json = JSON.stringify(data);
		expect(json).toContain(`SECRET-EXPLANATION-${first}`);
		expect(json).not.toContain(`SECRET-EXPLANATION-${second}`);
		expect(json.match(/SECRET-[A-Z]+-([a-z-]+)/g)?.every((m) => m.includes(first))).toBe(true);
		expect(data.questions[0]!.feedback).toMatchObject({ correct: true, score: 1 });
		expect(data.questions[1]!.feedback).toBeNull();
	});

	it('builds the review after grading: every explanation, each option’s why, the key, the evidence', async () => {
		const attempt = await start('mixed');
		const graded = await submitAttempt({ db, content, learnerId, attemptId: attempt.id, now: at(MIN) });
		if (!graded.ok) throw new Error(graded.message);
		const review = attemptReview({
			content,
			quiz: quiz('mixed'),
			attempt: graded.attempt,
			answers: await answersOf({ db, attemptId: attempt.id }),
			now: at(MIN),
			held: NOTHING_HELD
		});
		const json = JSON.stringify(review);
		for (const id of attemptQuestionIds(attempt)) expect(json).toContain(`SECRET-EXPLANATION-${id}`);
		expect(review.attempt).toMatchObject({ score: 0, maxScore: 8, percent: 0, passed: false });
		for (const q of review.questions) {
			expect(q.answered).toBe(false);
			expect(q.citations.length).toBeGreaterThan(0);
			expect(q.citations[0]!.href).toMatch(/^\/modules\/fixture\/sources\/doc\?p=\d+&from=\d+&to=\d+#cited$/);
			if (q.type === 'single' || q.type === 'multiple')
				expect(q.options.every((o) => o.why.startsWith('SECRET-WHY'))).toBe(true);
			else expect(q.key.length).toBeGreaterThan(0);
		}
	});

	it('under after-due, hides the score and refuses the review until the due date plus extension', async () => {
		const attempt = await start('later');
		await scheduleAttempt({ db, attemptId: attempt.id, dueAt: at(60 * MIN), extensionMinutes: 30 });
		const graded = await submitAttempt({ db, content, learnerId, attemptId: attempt.id, now: at(MIN) });
		if (!graded.ok) throw new Error(graded.message);
		const before = attemptSummary(graded.attempt, at(89 * MIN));
		expect(before).toMatchObject({ reviewOpen: false, score: null, percent: null, passed: null });
		expect(before.reviewOpensAt).toBe(at(90 * MIN).toISOString());
		const answers = await answersOf({ db, attemptId: attempt.id });
		expect(() =>
			attemptReview({
				content,
				quiz: quiz('later'),
				attempt: graded.attempt,
				answers,
				now: at(89 * MIN),
				held: NOTHING_HELD
			})
		).toThrow();
		expect(quizProgress(quiz('later'), [graded.attempt], at(89 * MIN))).toMatchObject({
			attemptsUsed: 1,
			bestPercent: null
		});
		expect(attemptSummary(graded.attempt, at(90 * MIN))).toMatchObject({ reviewOpen: true, percent: 0 });
	});
});
