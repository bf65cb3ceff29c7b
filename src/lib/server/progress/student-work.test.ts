/**
 * Which attempts a class's instructor may open (issue 11), on both engines: attempts under the class's
 * assignments and self-study attempts at quizzes the class was assigned, made before or after joining; not
 * another class's, not unassigned quizzes, not after the student leaves; and the instructor's view shows
 * the stored answers with the key whatever the student's review policy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyResponse } from '$lib/grading';
import { signUp } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import type { SessionUser } from '$lib/server/auth/sessions';
import { startAssignedQuiz } from '$lib/server/classes/assigned-quizzes';
import { createAssignment, type AssignmentInput } from '$lib/server/classes/assignments';
import { createClass, joinClass, removeStudent } from '$lib/server/classes/classes';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import {
	answersOf,
	attemptQuestionIds,
	saveAnswers,
	startAttempt,
	submitAttempt,
	type AttemptRow
} from '$lib/server/quiz/attempts';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { instructorReview } from '$lib/server/quiz/views';
import { answersByName, ownedClassStudent, visibleAttempt, visibleAttempts, workLinks } from './student-work';

const content = fixtureContent();
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const base = { now: T0, address: '10.0.0.1', anonymousLearnerId: null, params: TEST_PARAMS };

describe.each(testEngines())('instructor access to student work on %s', (engine) => {
	let db: Db;
	let teacher: SessionUser;
	let other: SessionUser;
	let ana: SessionUser;
	let anaLearner: string;
	let classId: string;
	let otherClassId: string;

	const account = async (username: string, role: 'student' | 'instructor') => {
		const r = await signUp(db, {
			...base,
			username,
			displayName: `${username} name`,
			password: 'long enough pw',
			role,
			instructorCode: 'c',
			configuredInstructorCode: 'c'
		});
		if (!r.ok) throw new Error(r.message);
		return r;
	};
	const assign = async (cls: string, instructor: SessionUser, over: Partial<AssignmentInput>) => {
		const made = await createAssignment(db, {
			classId: cls,
			instructorId: instructor.id,
			input: {
				moduleId: FIXTURE_MODULE,
				kind: 'quiz',
				targetId: 'alpha',
				opensAt: T0.toISOString(),
				dueAt: at(48 * HOUR).toISOString(),
				attemptsAllowed: 3,
				timeLimitMinutes: null,
				feedbackPolicy: 'after-due',
				latePolicy: 'accept',
				...over
			},
			now: T0
		});
		if (!made.ok) throw new Error(made.message);
		return made.id;
	};
	/** Answers every question (the first one wrong: cleared) and submits. */
	const takeAndSubmit = async (attempt: AttemptRow, now: Date) => {
		const ids = attemptQuestionIds(attempt);
		const responses = new Map(
			ids.map((id, i) => [id, i === 0 ? null : keyResponse(content.question(FIXTURE_MODULE, id)!)] as const)
		);
		const saved = await saveAnswers({
			db,
			content,
			learnerId: anaLearner,
			attemptId: attempt.id,
			responses,
			now
		});
		if (!saved.ok) throw new Error(saved.message);
		const done = await submitAttempt({ db, content, learnerId: anaLearner, attemptId: attempt.id, now });
		if (!done.ok) throw new Error(done.message);
		return done.attempt;
	};
	const selfStudy = async (quizId: string, now: Date) => {
		const r = await startAttempt({
			db,
			content,
			learnerId: anaLearner,
			quiz: content.quiz(FIXTURE_MODULE, quizId)!,
			now
		});
		if (!r.ok) throw new Error(r.message);
		return r.attempt;
	};

	beforeEach(async () => {
		db = await engine.open();
		teacher = (await account('teacher', 'instructor')).user;
		other = (await account('other', 'instructor')).user;
		const a = await account('ana', 'student');
		[ana, anaLearner] = [a.user, a.learnerId];
		const c = await createClass(db, { instructor: teacher, name: 'C', now: T0 });
		const d = await createClass(db, { instructor: other, name: 'D', now: T0 });
		if (!c.ok || !d.ok) throw new Error('class');
		[classId, otherClassId] = [c.id, d.id];
		await joinClass(db, { user: ana, code: d.joinCode, now: T0 });
		// Ana studies on her own before joining class C.
		await takeAndSubmit(await selfStudy('alpha', T0), T0);
		await takeAndSubmit(await selfStudy('later', T0), T0);
		await joinClass(db, { user: ana, code: c.joinCode, now: at(HOUR) });
	});
	afterEach(() => db.close());

	const student = async (cls = classId, instructor = teacher) =>
		ownedClassStudent(db, { classId: cls, instructorId: instructor.id, userId: ana.id });

	it('opens attempts at assigned quizzes (self-study ones before joining too) and nothing else', async () => {
		const me = (await student())!;
		expect(me.displayName).toBe('ana name');
		// Nothing assigned yet: nothing to open.
		expect(await visibleAttempts(db, { classId, student: me })).toEqual([]);
		const assignmentId = await assign(classId, teacher, {});
		const started = await startAssignedQuiz({
			db,
			content,
			user: ana,
			learnerId: anaLearner,
			assignmentId,
			quizId: 'alpha',
			now: at(2 * HOUR)
		});
		if (!started.ok) throw new Error(started.message);
		const seen = await visibleAttempts(db, { classId, student: me });
		// The pre-joining self-study attempt at alpha and the assignment attempt; not the unassigned "later".
		expect(seen.map((a) => [a.quiz_id, a.assignment_id])).toEqual([
			['alpha', null],
			['alpha', assignmentId]
		]);
		const later = (
			await db.kysely
				.selectFrom('quiz_attempts')
				.select('id')
				.where('quiz_id', '=', 'later')
				.executeTakeFirstOrThrow()
		).id;
		expect(await visibleAttempt(db, { classId, student: me, attemptId: later })).toBeNull();
		// A whole-module assignment covers every quiz of the module.
		await assign(classId, teacher, { kind: 'module', targetId: null });
		expect(await visibleAttempt(db, { classId, student: me, attemptId: later })).not.toBeNull();
		// The assignment cell links to the latest attempt under it.
		const href = await workLinks(db, {
			classId,
			assignments: [{ id: assignmentId, kind: 'quiz', moduleId: FIXTURE_MODULE, targetId: 'alpha' }]
		});
		expect(href(assignmentId, ana.id)).toBe(
			`/classes/${classId}/progress/students/${ana.id}/attempts/${started.attempt.id}`
		);
	});

	it('refuses another instructor, another class, and a student who left', async () => {
		await assign(classId, teacher, {});
		expect(await student(classId, other)).toBeNull();
		const inD = (await student(otherClassId, other))!;
		// Class D was assigned nothing: its instructor opens none of Ana's attempts.
		expect(await visibleAttempts(db, { classId: otherClassId, student: inD })).toEqual([]);
		expect(
			await answersByName(db, {
				classId,
				instructorId: other.id,
				moduleId: FIXTURE_MODULE,
				questionId: attemptQuestionIds(
					(await visibleAttempts(db, { classId, student: (await student())! }))[0]!
				)[0]!
			})
		).toEqual([]);
		expect(await removeStudent(db, { classId, instructorId: teacher.id, studentId: ana.id })).toEqual({
			ok: true
		});
		expect(await student()).toBeNull();
	});

	it('shows the stored answers and the key even while the student’s own review waits for the due date', async () => {
		await assign(classId, teacher, {});
		const me = (await student())!;
		const [attempt] = await visibleAttempts(db, { classId, student: me });
		const answers = await answersOf({ db, attemptId: attempt!.id });
		const view = instructorReview({
			content,
			quiz: content.quiz(FIXTURE_MODULE, 'alpha')!,
			attempt: attempt!,
			answers
		});
		const ids = attemptQuestionIds(attempt!);
		expect(view.questions.map((q) => q.id)).toEqual(ids);
		// Question 1 was left empty, the others answered with the key: the view says exactly that.
		expect(view.questions[0]).toMatchObject({ answered: false, correct: false, yours: [] });
		for (const q of view.questions.slice(1)) {
			expect(q.correct).toBe(true);
			expect(q.key.length).toBeGreaterThan(0);
		}
		expect(view.attempt.score).toBe(ids.length - 1);
		expect(view.attempt.lastSavedAt).toBe(T0.toISOString());
		// Who answered what, by name, for the question Ana left empty and one she got right.
		const named = await answersByName(db, {
			classId,
			instructorId: teacher.id,
			moduleId: FIXTURE_MODULE,
			questionId: ids[1]!
		});
		expect(named.map((n) => [n.displayName, n.score])).toEqual([['ana name', 1]]);
	});
});
