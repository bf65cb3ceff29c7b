/**
 * Quizzes taken as assignments, on both engines and a test clock: the assignment's rules reach the
 * attempt, the server enforces them, attempts still open at their deadline are graded by the sweep (once,
 * whoever gets there first), and the assignment's status and score follow.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyResponse } from '$lib/grading';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { signIn, signUp } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import type { SessionUser } from '$lib/server/auth/sessions';
import { createLearner } from '$lib/server/learner';
import {
	attemptQuestionIds,
	saveAnswers,
	startAttempt,
	submitAttempt,
	type AttemptRow
} from '$lib/server/quiz/attempts';
import { settleExpiredAttempts } from '$lib/server/quiz/deadlines';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { reviewOpen } from '$lib/server/quiz/timing';
import { attemptSummary } from '$lib/server/quiz/views';
import { assignedQuizzes, startAssignedQuiz } from './assigned-quizzes';
import { createAssignment, setExtension, studentAssignments, type AssignmentInput } from './assignments';
import { createClass, joinClass } from './classes';

const content = fixtureContent();
const T0 = new Date('2026-03-02T09:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (ms: number) => new Date(T0.getTime() + ms);
const base = { now: T0, address: '10.0.0.1', anonymousLearnerId: null, params: TEST_PARAMS };

const quizAssignment = (over: Partial<AssignmentInput> = {}): AssignmentInput => ({
	moduleId: FIXTURE_MODULE,
	kind: 'quiz',
	targetId: 'alpha',
	opensAt: at(HOUR).toISOString(),
	dueAt: at(24 * HOUR).toISOString(),
	attemptsAllowed: 1,
	timeLimitMinutes: null,
	feedbackPolicy: 'on-submit',
	latePolicy: 'refuse',
	...over
});

describe.each(testEngines())('assigned quizzes on %s', (engine) => {
	let db: Db;
	let teacher: SessionUser;
	let ana: SessionUser;
	let anaLearner: string;
	let ben: SessionUser;
	let benLearner: string;
	let classId: string;

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

	beforeEach(async () => {
		db = await engine.open();
		teacher = (await account('teacher', 'instructor')).user;
		const a = await account('ana', 'student');
		const b = await account('ben', 'student');
		[ana, anaLearner, ben, benLearner] = [a.user, a.learnerId, b.user, b.learnerId];
		const c = await createClass(db, { instructor: teacher, name: 'C', now: T0 });
		if (!c.ok) throw new Error(c.message);
		classId = c.id;
		await joinClass(db, { user: ana, code: c.joinCode, now: T0 });
		await joinClass(db, { user: ben, code: c.joinCode, now: T0 });
	});
	afterEach(() => db.close());

	const assign = async (over: Partial<AssignmentInput> = {}) => {
		const made = await createAssignment(db, {
			classId,
			instructorId: teacher.id,
			input: quizAssignment(over),
			now: T0
		});
		if (!made.ok) throw new Error(made.message);
		return made.id;
	};
	const start = (user: SessionUser, learnerId: string, assignmentId: string, now: Date, quizId = 'alpha') =>
		startAssignedQuiz({ db, content, user, learnerId, assignmentId, quizId, now });
	const started = async (...args: Parameters<typeof start>) => {
		const r = await start(...args);
		if (!r.ok) throw new Error(r.message);
		return r.attempt;
	};
	const answerAll = async (attempt: AttemptRow, learnerId: string, now: Date, correct = true) => {
		const ids = attemptQuestionIds(attempt);
		const responses = new Map(
			ids.map((id) => [id, correct ? keyResponse(content.question(FIXTURE_MODULE, id)!) : null] as const)
		);
		const saved = await saveAnswers({ db, content, learnerId, attemptId: attempt.id, responses, now });
		if (!saved.ok) throw new Error(saved.message);
	};
	const work = async (assignmentId: string, userId: string) =>
		(await studentAssignments(db, { userId, now: at(30 * 24 * HOUR), assignmentId, content }))[0]!;

	it('starts under the assignment’s rules, refuses what the rules refuse, and records the score', async () => {
		const id = await assign({ timeLimitMinutes: 5, feedbackPolicy: 'on-submit' });
		expect(await start(ana, anaLearner, id, T0)).toMatchObject({
			ok: false,
			status: 409,
			message: /not open yet/
		});
		expect(await start(ana, anaLearner, id, at(2 * HOUR), 'mixed')).toMatchObject({ status: 404 });
		const outsider = await account('zed', 'student');
		expect(await start(outsider.user, outsider.learnerId, id, at(2 * HOUR))).toMatchObject({ status: 404 });

		const attempt = await started(ana, anaLearner, id, at(2 * HOUR));
		expect(attempt).toMatchObject({
			assignment_id: id,
			time_limit_minutes: 5,
			feedback: 'on-submit',
			due_at: at(24 * HOUR).toISOString(),
			accept_late: 0
		});
		expect((await work(id, ana.id)).startedAt).toBe(at(2 * HOUR).toISOString());
		// Starting again resumes the same attempt.
		expect((await started(ana, anaLearner, id, at(2 * HOUR + MIN))).id).toBe(attempt.id);
		await answerAll(attempt, anaLearner, at(2 * HOUR + 2 * MIN));
		const submitted = await submitAttempt({
			db,
			content,
			learnerId: anaLearner,
			attemptId: attempt.id,
			now: at(2 * HOUR + 3 * MIN)
		});
		expect(submitted).toMatchObject({ ok: true, gradedNow: true });
		expect(await work(id, ana.id)).toMatchObject({
			status: 'submitted',
			score: 1,
			submittedAt: at(2 * HOUR + 3 * MIN).toISOString()
		});
		// One attempt allowed.
		expect(await start(ana, anaLearner, id, at(3 * HOUR))).toMatchObject({
			status: 409,
			message: /used all 1 attempt/
		});
		// Self-study attempts at the same quiz are separate and do not count.
		const self = await startAttempt({
			db,
			content,
			learnerId: anaLearner,
			quiz: content.quiz(FIXTURE_MODULE, 'alpha')!,
			now: at(3 * HOUR)
		});
		expect(self).toMatchObject({ ok: true, attempt: { assignment_id: null, number: 2 } });
	});

	it('grades an attempt still open at the due date from its saved answers, without the student; exactly once', async () => {
		const id = await assign({ attemptsAllowed: 2 });
		const attempt = await started(ana, anaLearner, id, at(23 * HOUR));
		await answerAll(attempt, anaLearner, at(23 * HOUR + 10 * MIN));
		expect(await settleExpiredAttempts({ db, content, now: at(24 * HOUR) })).toBe(0);
		// Past the due date plus the quiz's grace period, the sweep grades it.
		expect(await settleExpiredAttempts({ db, content, now: at(24 * HOUR + 10_000) })).toBe(1);
		expect(await settleExpiredAttempts({ db, content, now: at(24 * HOUR + 20_000) })).toBe(0);
		const row = await db.kysely
			.selectFrom('quiz_attempts')
			.selectAll()
			.where('id', '=', attempt.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			status: 'graded',
			submit_reason: 'due-date',
			submitted_at: at(24 * HOUR).toISOString()
		});
		expect(await work(id, ana.id)).toMatchObject({ status: 'submitted', score: 1 });
		// The student's own submit arriving afterwards changes nothing.
		const replay = await submitAttempt({
			db,
			content,
			learnerId: anaLearner,
			attemptId: attempt.id,
			now: at(24 * HOUR + 30_000)
		});
		expect(replay).toMatchObject({ ok: true, gradedNow: false });
		// And the due date has passed: refuse-late refuses a new start.
		expect(await start(ana, anaLearner, id, at(25 * HOUR))).toMatchObject({
			status: 409,
			message: /late work is not accepted/
		});
	});

	it('ends a timed attempt at its time limit even when the due date is far', async () => {
		const id = await assign({ timeLimitMinutes: 10, latePolicy: 'accept' });
		const attempt = await started(ana, anaLearner, id, at(2 * HOUR));
		await answerAll(attempt, anaLearner, at(2 * HOUR + MIN), false);
		expect(await settleExpiredAttempts({ db, content, now: at(2 * HOUR + 11 * MIN) })).toBe(1);
		expect(await work(id, ana.id)).toMatchObject({ status: 'submitted', score: 0 });
	});

	it('accept-late: starting after the due date is allowed, the attempt stays open, and the work is marked late', async () => {
		const id = await assign({ latePolicy: 'accept', attemptsAllowed: null });
		const attempt = await started(ana, anaLearner, id, at(30 * HOUR));
		expect(attempt.accept_late).toBe(1);
		expect(await settleExpiredAttempts({ db, content, now: at(40 * HOUR) })).toBe(0);
		await answerAll(attempt, anaLearner, at(40 * HOUR));
		await submitAttempt({ db, content, learnerId: anaLearner, attemptId: attempt.id, now: at(41 * HOUR) });
		expect(await work(id, ana.id)).toMatchObject({ status: 'late', score: 1 });
		// An empty attempts setting means the quiz's own limit (alpha allows 3).
		for (const hour of [42, 43]) {
			const next = await started(ana, anaLearner, id, at(hour * HOUR));
			await submitAttempt({ db, content, learnerId: anaLearner, attemptId: next.id, now: at(hour * HOUR) });
		}
		expect(await start(ana, anaLearner, id, at(44 * HOUR))).toMatchObject({ status: 409, message: /all 3/ });
	});

	it('an extension lets one student start and finish after the class due date, with their own deadline', async () => {
		const id = await assign();
		await setExtension(db, {
			assignmentId: id,
			instructorId: teacher.id,
			studentId: ana.id,
			dueAt: at(48 * HOUR),
			now: T0
		});
		expect(await start(ben, benLearner, id, at(30 * HOUR))).toMatchObject({ status: 409 });
		const attempt = await started(ana, anaLearner, id, at(30 * HOUR));
		expect(attempt.due_at).toBe(at(48 * HOUR).toISOString());
		expect(await settleExpiredAttempts({ db, content, now: at(47 * HOUR) })).toBe(0);
		expect(await settleExpiredAttempts({ db, content, now: at(48 * HOUR + 10_000) })).toBe(1);
		expect(await work(id, ana.id)).toMatchObject({ status: 'submitted' });
		expect(await work(id, ben.id)).toMatchObject({ status: 'overdue' });
	});

	it('after-due feedback keeps score and answers back until the last due date in the class', async () => {
		const id = await assign({ feedbackPolicy: 'after-due' });
		await setExtension(db, {
			assignmentId: id,
			instructorId: teacher.id,
			studentId: ben.id,
			dueAt: at(48 * HOUR),
			now: T0
		});
		const attempt = await started(ana, anaLearner, id, at(2 * HOUR));
		await answerAll(attempt, anaLearner, at(2 * HOUR));
		const done = await submitAttempt({
			db,
			content,
			learnerId: anaLearner,
			attemptId: attempt.id,
			now: at(3 * HOUR)
		});
		if (!done.ok) throw new Error();
		expect(reviewOpen(done.attempt, at(25 * HOUR))).toBe(false);
		expect(attemptSummary(done.attempt, at(25 * HOUR))).toMatchObject({
			score: null,
			reviewOpensAt: at(48 * HOUR).toISOString()
		});
		expect(reviewOpen(done.attempt, at(48 * HOUR))).toBe(true);
	});

	it('a whole-module assignment is submitted once every quiz of the module is', async () => {
		const id = await assign({ kind: 'module', targetId: null, attemptsAllowed: null, latePolicy: 'accept' });
		const quizzes = assignedQuizzes(content, {
			kind: 'module',
			moduleId: FIXTURE_MODULE,
			targetId: null
		}).map((q) => q.id);
		expect(quizzes.sort()).toEqual(['alpha', 'later', 'mixed']);
		for (const [i, quizId] of quizzes.entries()) {
			const attempt = await started(ana, anaLearner, id, at(2 * HOUR + i * HOUR), quizId);
			await answerAll(attempt, anaLearner, at(2 * HOUR + i * HOUR), i !== 0);
			await submitAttempt({
				db,
				content,
				learnerId: anaLearner,
				attemptId: attempt.id,
				now: at(2 * HOUR + i * HOUR + MIN)
			});
			const w = await work(id, ana.id);
			if (i < quizzes.length - 1) expect(w.status).toBe('overdue');
			else expect(w).toMatchObject({ status: 'submitted', submittedAt: at(4 * HOUR + MIN).toISOString() });
		}
		expect((await work(id, ana.id)).score).toBeCloseTo(2 / 3, 3);
	});

	it('anonymous attempts follow the learner into the account, numbered after the account’s own', async () => {
		const mixed = content.quiz(FIXTURE_MODULE, 'mixed')!;
		await startAttempt({ db, content, learnerId: anaLearner, quiz: mixed, now: T0 });
		const anon = (await createLearner(db, T0)).learner.id;
		const anonAttempt = await startAttempt({ db, content, learnerId: anon, quiz: mixed, now: T0 });
		if (!anonAttempt.ok) throw new Error();
		const r = await signIn(db, {
			...base,
			username: 'ana',
			password: 'long enough pw',
			anonymousLearnerId: anon
		});
		expect(r).toMatchObject({ ok: true, learnerId: anaLearner });
		const rows = await db.kysely
			.selectFrom('quiz_attempts')
			.select(['id', 'learner_id', 'number'])
			.orderBy('number')
			.execute();
		expect(rows).toEqual([
			expect.objectContaining({ learner_id: anaLearner, number: 1 }),
			{ id: anonAttempt.attempt.id, learner_id: anaLearner, number: 2 }
		]);
	});
});
