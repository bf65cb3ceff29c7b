/**
 * Progress data layer on SQLite and PostgreSQL: mastery from lesson checks and graded quiz items, review cards
 * created lazily and idempotently for misses (never before an attempt's review opens), reviews moving the FSRS
 * schedule, replays and tampering refused without change, and the learner's JSON export.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyResponse } from '$lib/grading';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { drawAttempt } from '$lib/server/quiz/draw';
import { saveAnswer, scheduleAttempt, startAttempt, submitAttempt } from '$lib/server/quiz/attempts';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { learnerExport } from './learner-export';
import { learnerObservations, masteryByObjective } from './observations';
import {
	countDueReviews,
	nextDueReview,
	practiceVariants,
	recordReview,
	syncReviewCards
} from './review-cards';
import { studentProgress } from './student-progress';

const content = fixtureContent();
const T0 = new Date('2026-03-01T09:00:00.000Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const at = (ms: number) => new Date(T0.getTime() + ms);
const q = (id: string) => content.question(FIXTURE_MODULE, id)!;
/** A seed whose draw of the quiz includes the question. */
function seedDrawing(quizId: string, questionId: string): number {
	const quiz = content.quiz(FIXTURE_MODULE, quizId)!;
	const questions = content.module(FIXTURE_MODULE)!.questions;
	for (let seed = 0; ; seed++)
		if (drawAttempt({ quiz, questions, seed }).questionIds.includes(questionId)) return seed;
}

describe.each(testEngines())('progress review on %s', (engine) => {
	let db: Db;
	let learnerId: string;
	beforeEach(async () => {
		db = await engine.open();
		learnerId = (await createLearner(db, T0)).learner.id;
	});
	afterEach(() => db.close());

	/** Takes a quiz answering `right` ids with their keys and leaving every other item unanswered (0). */
	async function takeQuiz(quizId: string, right: (id: string) => boolean, now = T0, dueAt?: Date, seed = 3) {
		const started = await startAttempt({
			db,
			content,
			learnerId,
			quiz: content.quiz(FIXTURE_MODULE, quizId)!,
			now,
			seed
		});
		if (!started.ok) throw new Error(started.message);
		const attempt = started.attempt;
		if (dueAt) await scheduleAttempt({ db, attemptId: attempt.id, dueAt, extensionMinutes: 0 });
		const ids: string[] = JSON.parse(attempt.question_ids);
		for (const [i, id] of ids.entries()) {
			if (!right(id)) continue;
			const saved = await saveAnswer({
				db,
				content,
				learnerId,
				attemptId: attempt.id,
				questionId: id,
				response: keyResponse(q(id)),
				revision: i + 1,
				now
			});
			if (!saved.ok) throw new Error(saved.message);
		}
		const submitted = await submitAttempt({
			db,
			content,
			learnerId,
			attemptId: attempt.id,
			now: at(now.getTime() - T0.getTime() + MIN)
		});
		if (!submitted.ok) throw new Error(submitted.message);
		return { attempt: submitted.attempt, ids };
	}

	async function lessonCheck(itemId: string, correct: boolean, now: Date, id: string) {
		await db.kysely
			.insertInto('lesson_events')
			.values({
				learner_id: learnerId,
				event_id: id,
				module_id: FIXTURE_MODULE,
				lesson_id: 'l',
				// One answer per (run, step, item) counts, so each check here is its own run of the lesson.
				run_id: `r-${id}`,
				type: 'check.answered',
				step_id: 's',
				item_id: itemId,
				response: 'true',
				correct: correct ? 1 : 0,
				score: correct ? 1 : 0,
				mastered: null,
				created_at: now.toISOString(),
				batch_seq: 0
			})
			.execute();
	}

	it('computes mastery per objective from quiz items and lesson checks (lesson checks weigh half)', async () => {
		// mixed draws 4 alpha and 4 beta items; all alpha right, all beta wrong.
		const { ids } = await takeQuiz('mixed', (id) => q(id).objective === 'alpha');
		await lessonCheck('a-practice', false, at(2 * MIN), 'e1');
		const obs = await learnerObservations({ db, content, learnerId, now: at(3 * MIN) });
		expect(obs.filter((o) => o.kind === 'quiz')).toHaveLength(ids.length);
		const m = masteryByObjective(obs);
		// alpha: 4 quiz answers at 1 (weight 1 each) + one lesson check at 0 (weight 0.5): 4 / 4.5 = 0.889,
		// ≥ 0.8 over 5 answers of which 4 (≥ 3) from quizzes: mastered.
		expect(m.get('fixture/alpha')).toEqual({
			level: 'mastered',
			score: 0.889,
			answers: 5,
			quizAnswers: 4
		});
		// beta: 4 quiz answers at 0.
		expect(m.get('fixture/beta')).toMatchObject({ level: 'needs-review', score: 0, quizAnswers: 4 });
		const view = await studentProgress({ db, content, learnerId, now: at(3 * MIN) });
		const mod = view.modules.find((m) => m.id === FIXTURE_MODULE)!;
		expect(mod.objectives.map((o) => [o.id, o.label, o.percent])).toEqual([
			['alpha', 'Mastered', 89],
			['beta', 'Needs review', 0]
		]);
		expect(mod.attempts).toHaveLength(1);
		expect(mod.attempts[0]).toMatchObject({ quizId: 'mixed', percent: 50, passed: true });
	});

	it('creates one card per missed item, idempotently, and none before an after-due review opens', async () => {
		const due = at(DAY);
		await takeQuiz('later', () => false, T0, due);
		await lessonCheck('a-practice', false, at(2 * MIN), 'e1');
		await lessonCheck('a-practice', false, at(3 * MIN), 'e2');
		// The after-due review is closed: only the lesson miss becomes a card, and the quiz scores stay hidden.
		expect(await syncReviewCards({ db, content, learnerId, now: at(5 * MIN) })).toBe(1);
		const early = await studentProgress({ db, content, learnerId, now: at(5 * MIN) });
		expect(early.pendingReviews).toBe(1);
		expect(early.modules[0]!.objectives.find((o) => o.id === 'beta')!.answers).toBe(0);
		// After the due date both missed beta items get cards; a second sync adds nothing.
		expect(await syncReviewCards({ db, content, learnerId, now: at(DAY + MIN) })).toBe(2);
		expect(await syncReviewCards({ db, content, learnerId, now: at(DAY + MIN) })).toBe(0);
		const cards = await db.kysely.selectFrom('review_cards').selectAll().orderBy('question_id').execute();
		expect(cards.map((c) => [c.question_id, c.origin])).toEqual(
			expect.arrayContaining([['a-practice', 'lesson']])
		);
		expect(cards).toHaveLength(3);
		expect(await countDueReviews({ db, learnerId, now: at(DAY + MIN) })).toBe(3);
	});

	it('schedules by FSRS: a right review pushes the card out, a replay or tampered post changes nothing', async () => {
		await takeQuiz('alpha', () => false, T0, undefined, seedDrawing('alpha', 'a-single'));
		await db.kysely.deleteFrom('review_cards').execute();
		// Keep only the a-single miss so it is the one due card.
		await db.kysely
			.updateTable('quiz_answers')
			.set({ score: 1 })
			.where('question_id', '!=', 'a-single')
			.execute();
		await syncReviewCards({ db, content, learnerId, now: at(2 * MIN) });
		const now = at(3 * MIN);
		const next = await nextDueReview({ db, content, learnerId, now });
		expect(next).toMatchObject({ questionId: 'a-single', rep: 0, variant: true });
		// a-single's passage is cited by the practice item a-practice, so the review shows that.
		expect(practiceVariants(content, FIXTURE_MODULE, q('a-single')).map((v) => v.id)).toEqual(['a-practice']);
		expect(next!.question.id).toBe('a-practice');
		expect(JSON.stringify(next)).not.toContain('SECRET');

		const base = { db, content, learnerId, moduleId: FIXTURE_MODULE, questionId: 'a-single', now };
		const tampered = await recordReview({ ...base, rep: 0, shownId: 'a-single', response: 'a' });
		expect(tampered).toMatchObject({ ok: false, status: 422 });
		const ok = await recordReview({ ...base, rep: 0, shownId: 'a-practice', response: true });
		expect(ok).toMatchObject({ ok: true, verdict: { correct: true } });
		const replay = await recordReview({ ...base, rep: 0, shownId: 'a-practice', response: true });
		expect(replay).toMatchObject({ ok: false, status: 409 });
		const card = await db.kysely.selectFrom('review_cards').selectAll().executeTakeFirstOrThrow();
		expect(card.reps).toBe(1);
		expect(card.due_at > now.toISOString()).toBe(true);
		expect(await countDueReviews({ db, learnerId, now })).toBe(0);
		expect(await db.kysely.selectFrom('review_log').selectAll().execute()).toHaveLength(1);
		// Not due yet: refused.
		const early = await recordReview({ ...base, rep: 1, shownId: 'a-practice', response: true });
		expect(early).toMatchObject({ ok: false, status: 409 });
		// Due again later; a wrong answer brings it back sooner than a right one would.
		const later = new Date(card.due_at);
		const wrong = await recordReview({ ...base, now: later, rep: 1, shownId: 'a-practice', response: false });
		expect(wrong.ok).toBe(true);
		const after = await db.kysely.selectFrom('review_cards').selectAll().executeTakeFirstOrThrow();
		expect(after.reps).toBe(2);
		expect(Date.parse(after.due_at) - later.getTime()).toBeLessThan(DAY);
	});

	it('a review card of another learner is not found', async () => {
		await takeQuiz('alpha', () => false, T0, undefined, seedDrawing('alpha', 'a-single'));
		await syncReviewCards({ db, content, learnerId, now: at(2 * MIN) });
		const other = (await createLearner(db, T0)).learner.id;
		const r = await recordReview({
			db,
			content,
			learnerId: other,
			moduleId: FIXTURE_MODULE,
			questionId: 'a-single',
			rep: 0,
			shownId: 'a-practice',
			response: true,
			now: at(3 * MIN)
		});
		expect(r).toMatchObject({ ok: false, status: 404 });
	});

	it('exports the learner’s own data, hiding scores whose review is not open', async () => {
		await takeQuiz('later', () => true, T0, at(DAY));
		const data = await learnerExport({ db, content, learnerId, now: at(2 * MIN) });
		expect(data.learnerId).toBe(learnerId);
		expect(data.quizAttempts).toHaveLength(1);
		expect(data.quizAttempts[0]).toMatchObject({ status: 'graded', score: null, passed: null });
		expect(data.quizAttempts[0]!.answers.every((a) => a.score === null)).toBe(true);
		const open = await learnerExport({ db, content, learnerId, now: at(DAY + MIN) });
		expect(open.quizAttempts[0]).toMatchObject({ score: 2, passed: true });
	});
});
