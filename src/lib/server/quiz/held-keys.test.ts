/**
 * Issue 11, point 3: with fresh cookies, self-study reviews of the final quiz revealed the keys of a
 * classmate's still-open after-due assignment attempt. Here 20 fresh learners each take the final quiz
 * (answering every question with its key, so every review is as rich as it gets) while a student's
 * after-due attempt is open, then after it is submitted but before its release, then after its release.
 * Reviews are built as the review page builds them (heldForAttempt, then attemptReview).
 */
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grade, keyResponse } from '$lib/grading';
import type { Question } from '$lib/content/types';
import { signUp } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import { startAssignedQuiz } from '$lib/server/classes/assigned-quizzes';
import { createAssignment } from '$lib/server/classes/assignments';
import { createClass, joinClass } from '$lib/server/classes/classes';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import {
	answersOf,
	attemptQuestionIds,
	saveAnswers,
	startAttempt,
	submitAttempt,
	type AttemptRow
} from './attempts';
import { heldForAttempt, heldKeys } from './held-keys';
import { answerFeedback, attemptReview } from './views';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content must load for these tests');
const content = loaded.index;
const MODULE = 'treaty-2024';
const quiz = content.quiz(MODULE, 'final')!;
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const base = { now: T0, address: '10.0.0.1', anonymousLearnerId: null, params: TEST_PARAMS };

/** The texts that give a question's answer away: its explanation and every option's why. */
const secrets = (q: Question): string[] => [
	q.explanation,
	...(q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.why) : [])
];

describe.each(testEngines())('keys held for assignments on %s', (engine) => {
	let db: Db;
	let assigned: AttemptRow;
	let studentLearner: string;

	beforeEach(async () => {
		db = await engine.open();
		const account = async (username: string, role: 'student' | 'instructor') => {
			const r = await signUp(db, {
				...base,
				username,
				displayName: username,
				password: 'long enough pw',
				role,
				instructorCode: 'c',
				configuredInstructorCode: 'c'
			});
			if (!r.ok) throw new Error(r.message);
			return r;
		};
		const teacher = (await account('teacher', 'instructor')).user;
		const student = await account('ana', 'student');
		studentLearner = student.learnerId;
		const c = await createClass(db, { instructor: teacher, name: 'C', now: T0 });
		if (!c.ok) throw new Error(c.message);
		await joinClass(db, { user: student.user, code: c.joinCode, now: T0 });
		const made = await createAssignment(db, {
			classId: c.id,
			instructorId: teacher.id,
			input: {
				moduleId: MODULE,
				kind: 'quiz',
				targetId: 'final',
				opensAt: T0.toISOString(),
				dueAt: at(48 * HOUR).toISOString(),
				attemptsAllowed: 1,
				timeLimitMinutes: null,
				feedbackPolicy: 'after-due',
				latePolicy: 'refuse'
			},
			now: T0
		});
		if (!made.ok) throw new Error(made.message);
		const started = await startAssignedQuiz({
			db,
			content,
			user: student.user,
			learnerId: studentLearner,
			assignmentId: made.id,
			quizId: 'final',
			now: at(HOUR),
			seed: 1
		});
		if (!started.ok) throw new Error(started.message);
		assigned = started.attempt;
	});
	afterEach(() => db.close());

	/** A fresh learner (a new cookie) takes the final quiz with every answer right and reads its review. */
	async function harvest(seed: number, now: Date) {
		const learnerId = (await createLearner(db, now)).learner.id;
		const started = await startAttempt({ db, content, learnerId, quiz, now, seed });
		if (!started.ok) throw new Error(started.message);
		const ids = attemptQuestionIds(started.attempt);
		const responses = new Map(ids.map((id) => [id, keyResponse(content.question(MODULE, id)!)] as const));
		const saved = await saveAnswers({
			db,
			content,
			learnerId,
			attemptId: started.attempt.id,
			responses,
			now
		});
		if (!saved.ok) throw new Error(saved.message);
		const graded = await submitAttempt({ db, content, learnerId, attemptId: started.attempt.id, now });
		if (!graded.ok) throw new Error(graded.message);
		const attempt = graded.attempt;
		const [answers, held] = await Promise.all([
			answersOf({ db, attemptId: attempt.id }),
			heldForAttempt(db, attempt, now)
		]);
		return attemptReview({ content, quiz, attempt, answers, now, held });
	}

	/** Over 20 fresh learners: the assignment attempt's questions drawn, and those whose key came through. */
	async function twentyLearners(now: Date) {
		const secret = new Set(attemptQuestionIds(assigned));
		const drawn = new Set<string>();
		const revealed = new Set<string>();
		const otherRevealed = new Set<string>();
		for (let i = 0; i < 20; i++) {
			const review = await harvest(100 + i, now);
			const page = JSON.stringify(review);
			for (const r of review.questions) {
				const q = content.question(MODULE, r.id)!;
				const shows =
					r.key.length > 0 ||
					r.options.some((o) => o.correct) ||
					r.sentences.some((s) => s.supports) ||
					secrets(q).some((text) => page.includes(text));
				if (secret.has(r.id)) {
					drawn.add(r.id);
					if (shows) revealed.add(r.id);
					expect(r.correct).toBe(true);
				} else if (shows) otherRevealed.add(r.id);
			}
		}
		return { drawn: drawn.size, revealed: revealed.size, otherRevealed: otherRevealed.size };
	}

	it('20 fresh learners see none of an open after-due attempt’s keys, before or after it is submitted', async () => {
		const whileOpen = await twentyLearners(at(2 * HOUR));
		// Nearly all of the 20 held questions come up; none with its key. Questions not held show theirs.
		expect(whileOpen.drawn).toBeGreaterThanOrEqual(15);
		expect(whileOpen.revealed).toBe(0);
		expect(whileOpen.otherRevealed).toBeGreaterThan(20);

		const submitted = await submitAttempt({
			db,
			content,
			learnerId: studentLearner,
			attemptId: assigned.id,
			now: at(3 * HOUR)
		});
		if (!submitted.ok) throw new Error(submitted.message);
		const beforeRelease = await twentyLearners(at(4 * HOUR));
		expect(beforeRelease.revealed).toBe(0);
		const held = await heldKeys({ db, moduleId: MODULE, now: at(4 * HOUR) });
		expect([...held.keys()].sort()).toEqual(attemptQuestionIds(assigned).sort());
		expect(held.get(attemptQuestionIds(assigned)[0]!)).toEqual({ until: at(48 * HOUR).toISOString() });

		// Released at the due date: the same questions now come with their keys.
		const afterRelease = await twentyLearners(at(49 * HOUR));
		expect(afterRelease.revealed).toBe(afterRelease.drawn);
	});

	it('holds the key in the spaced review’s feedback too, and not in the assignment student’s own review', async () => {
		const id = attemptQuestionIds(assigned)[0]!;
		const question = content.question(MODULE, id)!;
		const feedback = answerFeedback({
			content,
			moduleId: MODULE,
			question,
			response: keyResponse(question),
			verdict: grade(question, keyResponse(question)),
			at: at(2 * HOUR),
			held: await heldKeys({ db, moduleId: MODULE, now: at(2 * HOUR) })
		});
		expect(feedback.held).toEqual({ until: at(48 * HOUR).toISOString() });
		expect([feedback.key, feedback.explanation, feedback.feedback]).toEqual([[], '', null]);
		expect(JSON.stringify(feedback)).not.toContain(question.explanation);
		// The attempt's own pages and its assignment do not hold it.
		expect((await heldForAttempt(db, assigned, at(2 * HOUR))).size).toBe(0);
	});
});
