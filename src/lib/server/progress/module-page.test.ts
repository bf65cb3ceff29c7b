/**
 * A module's page on SQLite and PostgreSQL: the module's own quizzes with the learner's best score, mastery
 * per objective from those answers, an after-due attempt's score held back, and no lessons shown as none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyResponse } from '$lib/grading';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { saveAnswer, scheduleAttempt, startAttempt, submitAttempt } from '$lib/server/quiz/attempts';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { modulePage } from './module-page';

const content = fixtureContent();
const T0 = new Date('2026-03-01T09:00:00.000Z');
const MIN = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(testEngines())('the module page on %s', (engine) => {
	let db: Db;
	let learnerId: string;
	beforeEach(async () => {
		db = await engine.open();
		learnerId = (await createLearner(db, T0)).learner.id;
	});
	afterEach(() => db.close());

	/** Takes a quiz, answering right exactly the questions `right` picks; returns the questions drawn. */
	async function takeQuiz(quizId: string, right: (objective: string) => boolean, now: Date) {
		const quiz = content.quiz(FIXTURE_MODULE, quizId)!;
		const started = await startAttempt({ db, content, learnerId, quiz, now, seed: 3 });
		if (!started.ok) throw new Error(started.message);
		const ids: string[] = JSON.parse(started.attempt.question_ids);
		for (const [i, id] of ids.entries()) {
			const q = content.question(FIXTURE_MODULE, id)!;
			if (!right(q.objective)) continue;
			const saved = await saveAnswer({
				db,
				content,
				learnerId,
				attemptId: started.attempt.id,
				questionId: id,
				response: keyResponse(q),
				revision: i + 1,
				now
			});
			if (!saved.ok) throw new Error(saved.message);
		}
		const done = await submitAttempt({
			db,
			content,
			learnerId,
			attemptId: started.attempt.id,
			now: new Date(now.getTime() + MIN)
		});
		if (!done.ok) throw new Error(done.message);
		return ids;
	}

	const page = (now = at(10 * MIN)) => modulePage({ db, content, learnerId, moduleId: FIXTURE_MODULE, now });

	it('is null for a module that does not exist', async () => {
		expect(await modulePage({ db, content, learnerId, moduleId: 'nope', now: T0 })).toBeNull();
	});

	it('lists what the module teaches, with nothing done yet', async () => {
		const view = (await page())!;
		expect(view.module.title).toBe('Fixture module for quiz tests');
		expect(view.progress.objectives.map((o) => [o.id, o.level])).toEqual([
			['alpha', 'not-started'],
			['beta', 'not-started']
		]);
		expect(view.quizzes.map((q) => [q.id, q.attemptsUsed, q.bestPercent])).toEqual([
			['alpha', 0, null],
			['later', 0, null],
			['mixed', 0, null]
		]);
		expect(view.quizzes[0]!.href).toBe('/modules/fixture/quizzes/alpha');
		expect(view.lessons).toEqual([]);
		expect(view.module.sources).toHaveLength(1);
		// One source: the side-by-side view is not offered.
		expect(view.canCompare).toBe(false);
	});

	it('shows the best score of each quiz and the mastery those answers earned', async () => {
		// mixed draws 4 alpha and 4 beta items: first attempt all wrong, second all alpha right (50 %).
		await takeQuiz('mixed', () => false, at(0));
		await takeQuiz('mixed', (objective) => objective === 'alpha', at(2 * MIN));
		const view = (await page())!;
		const mixed = view.quizzes.find((q) => q.id === 'mixed')!;
		expect(mixed).toMatchObject({ attemptsUsed: 2, bestPercent: 50, passed: true });
		expect(view.progress.attempts.map((a) => a.percent)).toEqual([0, 50]);
		const alpha = view.progress.objectives.find((o) => o.id === 'alpha')!;
		const beta = view.progress.objectives.find((o) => o.id === 'beta')!;
		expect(alpha.answers).toBe(8);
		expect(alpha.percent).toBe(50);
		expect(beta.percent).toBe(0);
		expect(beta.level).toBe('needs-review');
	});

	it('holds back the score of an attempt whose review opens after the due date', async () => {
		// "later" gives feedback after the due date; the attempt is given one a day away.
		const quiz = content.quiz(FIXTURE_MODULE, 'later')!;
		expect(quiz.feedback).toBe('after-due');
		const started = await startAttempt({ db, content, learnerId, quiz, now: at(0), seed: 1 });
		if (!started.ok) throw new Error(started.message);
		await scheduleAttempt({
			db,
			attemptId: started.attempt.id,
			dueAt: at(24 * 60 * MIN),
			extensionMinutes: 0
		});
		const done = await submitAttempt({ db, content, learnerId, attemptId: started.attempt.id, now: at(MIN) });
		if (!done.ok) throw new Error(done.message);
		const view = (await page())!;
		expect(view.pendingReviews).toBe(1);
		const later = view.quizzes.find((q) => q.id === 'later')!;
		expect(later).toMatchObject({ attemptsUsed: 1, bestPercent: null });
		expect(view.progress.attempts).toEqual([]);
	});
});
