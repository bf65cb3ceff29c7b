import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { signIn, signUp } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import type { SessionUser } from '$lib/server/auth/sessions';
import {
	answersReleaseAt,
	assignmentProgress,
	assignmentsOfClass,
	clearExtension,
	createAssignment,
	deleteAssignment,
	ownedAssignment,
	parseAssignmentForm,
	setExtension,
	studentAssignments,
	updateAssignment,
	visibleScore,
	type AssignmentInput
} from './assignments';
import {
	classByJoinCode,
	classesOfInstructor,
	classesOfStudent,
	createClass,
	joinClass,
	memberClass,
	ownedClass,
	regenerateJoinCode,
	removeStudent,
	resetStudentPassword,
	roster
} from './classes';
import { importStudents } from './import-students';
import { resetsOfClassStudents, resetsOfUser } from './password-resets';
import { normaliseJoinCode } from './join-code';
import type { AssignableTarget } from './targets';
import { recordStarted, recordSubmitted } from '$lib/server/effects/assignment-work';

const T0 = new Date('2026-03-02T09:00:00Z');
const common = { now: T0, address: '10.0.0.1', anonymousLearnerId: null, params: TEST_PARAMS };

const targets: AssignableTarget[] = [
	{
		key: 'module:m1',
		kind: 'module',
		moduleId: 'm1',
		targetId: null,
		title: 'Module one',
		moduleTitle: 'Module one'
	},
	{
		key: 'lesson:m1:intro',
		kind: 'lesson',
		moduleId: 'm1',
		targetId: 'intro',
		title: 'Intro',
		moduleTitle: 'Module one'
	},
	{
		key: 'quiz:m1:final',
		kind: 'quiz',
		moduleId: 'm1',
		targetId: 'final',
		title: 'Final',
		moduleTitle: 'Module one'
	}
];

const quiz: AssignmentInput = {
	moduleId: 'm1',
	kind: 'quiz',
	targetId: 'final',
	opensAt: '2026-03-02T08:00:00.000Z',
	dueAt: '2026-03-09T17:00:00.000Z',
	attemptsAllowed: 2,
	timeLimitMinutes: 30,
	feedbackPolicy: 'after-due',
	latePolicy: 'accept',
	sameQuestions: false
};

describe.each(testEngines())('classes on %s', (engine) => {
	let db: Db;
	let teacherA: SessionUser;
	let teacherB: SessionUser;
	let ana: SessionUser;
	let ben: SessionUser;

	const account = async (username: string, role: 'student' | 'instructor') => {
		const r = await signUp(db, {
			...common,
			username,
			displayName: username.toUpperCase(),
			password: 'long enough pw',
			role,
			instructorCode: 'code',
			configuredInstructorCode: 'code'
		});
		if (!r.ok) throw new Error(r.message);
		return r.user;
	};

	beforeEach(async () => {
		db = await engine.open();
		teacherA = await account('teacher.a', 'instructor');
		teacherB = await account('teacher.b', 'instructor');
		ana = await account('ana', 'student');
		ben = await account('ben', 'student');
	});
	afterEach(() => db.close());

	describe('classes and join codes', () => {
		it('an instructor creates a class with a join code; students join with it, idempotently', async () => {
			const c = await createClass(db, { instructor: teacherA, name: '  History  10B ', now: T0 });
			if (!c.ok) throw new Error(c.message);
			expect(c.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
			const typed = c.joinCode.toLowerCase().replace('-', ' ');
			expect(await joinClass(db, { user: ana, code: typed, now: T0 })).toEqual({
				ok: true,
				classId: c.id,
				alreadyMember: false
			});
			expect(await joinClass(db, { user: ana, code: c.joinCode, now: T0 })).toEqual({
				ok: true,
				classId: c.id,
				alreadyMember: true
			});
			expect(await classesOfInstructor(db, { instructorId: teacherA.id })).toEqual([
				{ id: c.id, name: 'History 10B', joinCode: c.joinCode, students: 1, assignments: 0 }
			]);
			expect(await classesOfStudent(db, { userId: ana.id })).toMatchObject([
				{ id: c.id, name: 'History 10B', instructor: 'TEACHER.A' }
			]);
			expect(await classByJoinCode(db, { code: c.joinCode })).toMatchObject({ name: 'History 10B' });
		});

		it('refuses students creating classes, instructors joining, malformed and unknown codes', async () => {
			expect(await createClass(db, { instructor: ana, name: 'Mine', now: T0 })).toMatchObject({
				ok: false,
				status: 403
			});
			expect(await createClass(db, { instructor: teacherA, name: ' ', now: T0 })).toMatchObject({
				ok: false,
				status: 400
			});
			const c = await createClass(db, { instructor: teacherA, name: 'A', now: T0 });
			if (!c.ok) throw new Error();
			expect(await joinClass(db, { user: teacherB, code: c.joinCode, now: T0 })).toMatchObject({
				status: 403
			});
			expect(await joinClass(db, { user: ana, code: 'nope', now: T0 })).toMatchObject({ status: 400 });
			expect(await joinClass(db, { user: ana, code: 'AAAA-AAAA', now: T0 })).toMatchObject({ status: 404 });
			expect(normaliseJoinCode('abcd-efg0')).toBeNull();
		});

		// Issue 12, finding 9: 300 wrong codes from one client were all answered.
		it('throttles wrong join codes per account and per address, even a parallel burst; a right code is not counted', async () => {
			const c = await createClass(db, { instructor: teacherA, name: 'A', now: T0 });
			if (!c.ok) throw new Error();
			const policy = { windowMs: 15 * 60_000, perUsername: 10, perAddress: 15 };
			const guesses = await Promise.all(
				Array.from({ length: 30 }, (_, i) =>
					joinClass(db, {
						user: ana,
						code: `AAAA-AA${'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[i]}A`,
						now: T0,
						policy
					})
				)
			);
			expect(guesses.filter((g) => !g.ok && g.status === 404)).toHaveLength(10);
			expect(guesses.filter((g) => !g.ok && g.status === 429)).toHaveLength(20);
			// Blocked, even with the right code, until the window passes.
			expect(await joinClass(db, { user: ana, code: c.joinCode, now: T0, policy })).toMatchObject({
				status: 429,
				retryAfterS: 15 * 60
			});
			expect(
				await joinClass(db, {
					user: ana,
					code: c.joinCode,
					now: new Date(T0.getTime() + 15 * 60_000 + 1),
					policy
				})
			).toMatchObject({ ok: true });
			// The address limit holds across accounts: ben, from the same address, has 5 guesses left.
			for (let i = 0; i < 5; i++)
				expect(await joinClass(db, { user: ben, code: 'BBBB-BBBB', now: T0, policy })).toMatchObject({
					status: 404
				});
			expect(await joinClass(db, { user: ben, code: c.joinCode, now: T0, policy })).toMatchObject({
				status: 429
			});
			expect(
				await joinClass(db, { user: ben, code: c.joinCode, now: T0, address: '10.1.1.1', policy })
			).toMatchObject({ ok: true });
		});

		it('only the owner sees the roster, removes students and regenerates the code', async () => {
			const c = await createClass(db, { instructor: teacherA, name: 'A', now: T0 });
			if (!c.ok) throw new Error();
			await joinClass(db, { user: ana, code: c.joinCode, now: T0 });
			await joinClass(db, { user: ben, code: c.joinCode, now: T0 });
			expect(await ownedClass(db, { classId: c.id, instructorId: teacherB.id })).toBeNull();
			expect(await roster(db, { classId: c.id, instructorId: teacherB.id })).toEqual([]);
			expect((await roster(db, { classId: c.id, instructorId: teacherA.id })).map((r) => r.username)).toEqual(
				['ana', 'ben']
			);
			expect(
				await removeStudent(db, { classId: c.id, instructorId: teacherB.id, studentId: ana.id })
			).toMatchObject({ status: 404 });
			expect(await regenerateJoinCode(db, { classId: c.id, instructorId: teacherB.id })).toMatchObject({
				status: 404
			});
			expect(
				await removeStudent(db, { classId: c.id, instructorId: teacherA.id, studentId: ana.id })
			).toEqual({ ok: true });
			expect(
				await removeStudent(db, { classId: c.id, instructorId: teacherA.id, studentId: ana.id })
			).toMatchObject({ status: 404 });
			expect(await memberClass(db, { classId: c.id, userId: ana.id })).toBeNull();
			expect(await memberClass(db, { classId: c.id, userId: ben.id })).toMatchObject({ name: 'A' });
			const regenerated = await regenerateJoinCode(db, { classId: c.id, instructorId: teacherA.id });
			if (!regenerated.ok) throw new Error();
			expect(regenerated.joinCode).not.toBe(c.joinCode);
			expect(await joinClass(db, { user: ana, code: c.joinCode, now: T0 })).toMatchObject({ status: 404 });
			expect(await joinClass(db, { user: ana, code: regenerated.joinCode, now: T0 })).toMatchObject({
				ok: true
			});
		});
	});

	it('the owner gives a student a new one-time password; the old one and the student’s sessions end', async () => {
		const c = await createClass(db, { instructor: teacherA, name: 'A', now: T0 });
		if (!c.ok) throw new Error();
		await joinClass(db, { user: ana, code: c.joinCode, now: T0 });
		const reset = (instructorId: string, studentId: string) =>
			resetStudentPassword(db, { classId: c.id, instructorId, studentId, now: T0, params: TEST_PARAMS });
		expect(await reset(teacherB.id, ana.id)).toMatchObject({ ok: false, status: 404 });
		expect(await reset(teacherA.id, ben.id)).toMatchObject({ ok: false, status: 404 });
		const done = await reset(teacherA.id, ana.id);
		if (!done.ok) throw new Error();
		expect(done.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
		expect(
			await db.kysely.selectFrom('sessions').select('id').where('user_id', '=', ana.id).execute()
		).toEqual([]);
		expect(await signIn(db, { ...common, username: 'ana', password: 'long enough pw' })).toMatchObject({
			ok: false
		});
		expect(await signIn(db, { ...common, username: 'ana', password: done.password })).toMatchObject({
			ok: true,
			user: { mustChangePassword: true }
		});
	});

	// Issue 12, finding 11: a reset in one class opens the student's account in every class they are in.
	it('logs every reset (who, whom, from which class, when) for the student and for the instructors of their other classes', async () => {
		const a = await createClass(db, { instructor: teacherA, name: 'History A', now: T0 });
		const b = await createClass(db, { instructor: teacherB, name: 'Civics B', now: T0 });
		if (!a.ok || !b.ok) throw new Error();
		await joinClass(db, { user: ana, code: a.joinCode, now: T0 });
		await joinClass(db, { user: ana, code: b.joinCode, now: T0 });
		await joinClass(db, { user: ben, code: a.joinCode, now: T0 });
		const later = new Date(T0.getTime() + 60_000);
		await resetStudentPassword(db, {
			classId: a.id,
			instructorId: teacherA.id,
			studentId: ana.id,
			now: later,
			params: TEST_PARAMS
		});
		// A refused reset (not the instructor's class) logs nothing.
		await resetStudentPassword(db, {
			classId: a.id,
			instructorId: teacherB.id,
			studentId: ana.id,
			now: later,
			params: TEST_PARAMS
		});
		expect(await resetsOfUser(db, { userId: ana.id })).toEqual([
			{ byName: 'TEACHER.A', className: 'History A', at: later.toISOString() }
		]);
		expect(await resetsOfUser(db, { userId: ben.id })).toEqual([]);
		expect(await resetsOfClassStudents(db, { classId: b.id })).toEqual([
			{
				userId: ana.id,
				displayName: 'ANA',
				byName: 'TEACHER.A',
				className: 'History A',
				here: false,
				at: later.toISOString()
			}
		]);
		expect(await resetsOfClassStudents(db, { classId: a.id })).toMatchObject([
			{ userId: ana.id, here: true }
		]);
	});

	describe('bulk import', () => {
		it('imports nothing while any row is bad, then creates every account on a clean file', async () => {
			const c = await createClass(db, { instructor: teacherA, name: 'A', now: T0 });
			if (!c.ok) throw new Error();
			const bad = await importStudents(db, {
				classId: c.id,
				instructorId: teacherA.id,
				csv: 'username,display name\nzoe,Zoe Park\nbad name,X\nana,Ana Again\n',
				now: T0,
				params: TEST_PARAMS
			});
			expect(bad).toMatchObject({ ok: false, status: 400, problems: [{ line: 3 }] });
			const taken = await importStudents(db, {
				classId: c.id,
				instructorId: teacherA.id,
				csv: 'zoe,Zoe Park\nana,Ana Again\n',
				now: T0,
				params: TEST_PARAMS
			});
			expect(taken).toMatchObject({ ok: false, status: 409, problems: [{ line: 2, message: /taken/ }] });
			expect(
				await db.kysely.selectFrom('users').select('id').where('username', '=', 'zoe').execute()
			).toEqual([]);
			expect(
				await importStudents(db, {
					classId: c.id,
					instructorId: teacherB.id,
					csv: 'zoe,Zoe\n',
					now: T0,
					params: TEST_PARAMS
				})
			).toMatchObject({ status: 404 });

			const ok = await importStudents(db, {
				classId: c.id,
				instructorId: teacherA.id,
				csv: 'zoe,Zoe Park\nyuki,"Tanaka, Yuki"\n',
				now: T0,
				params: TEST_PARAMS
			});
			if (!ok.ok) throw new Error(JSON.stringify(ok));
			expect(ok.created.map((s) => [s.username, s.displayName])).toEqual([
				['zoe', 'Zoe Park'],
				['yuki', 'Tanaka, Yuki']
			]);
			const list = await roster(db, { classId: c.id, instructorId: teacherA.id });
			expect(list.map((r) => [r.username, r.mustChangePassword])).toEqual([
				['yuki', true],
				['zoe', true]
			]);
			const stored = await db.kysely
				.selectFrom('users')
				.select('password_hash')
				.where('username', '=', 'zoe')
				.executeTakeFirstOrThrow();
			expect(stored.password_hash).not.toContain(ok.created[0]!.password);
			const signedIn = await signIn(db, { ...common, username: 'zoe', password: ok.created[0]!.password });
			expect(signedIn).toMatchObject({ ok: true, user: { mustChangePassword: true } });
		});
	});

	describe('assignments', () => {
		let classA: string;
		let classB: string;
		beforeEach(async () => {
			const a = await createClass(db, { instructor: teacherA, name: 'A', now: T0 });
			const b = await createClass(db, { instructor: teacherB, name: 'B', now: T0 });
			if (!a.ok || !b.ok) throw new Error();
			classA = a.id;
			classB = b.id;
			await joinClass(db, { user: ana, code: a.joinCode, now: T0 });
			await joinClass(db, { user: ben, code: b.joinCode, now: T0 });
		});

		it('parses the form in the instructor’s zone and checks every field', () => {
			const form = (over: Record<string, string>) => (name: string) =>
				({
					target: 'quiz:m1:final',
					tz: 'Europe/Paris',
					opensAt: '2026-03-02T09:00',
					dueAt: '2026-03-09T18:00',
					attemptsAllowed: '2',
					timeLimitMinutes: '30',
					feedbackPolicy: 'after-due',
					latePolicy: 'accept',
					...over
				})[name] ?? '';
			expect(parseAssignmentForm(form({}), targets)).toEqual({ ok: true, input: quiz });
			expect(parseAssignmentForm(form({ target: 'lesson:m1:intro' }), targets)).toMatchObject({
				ok: true,
				input: { kind: 'lesson', attemptsAllowed: null, timeLimitMinutes: null }
			});
			expect(parseAssignmentForm(form({ attemptsAllowed: '', timeLimitMinutes: '' }), targets)).toMatchObject(
				{
					input: { attemptsAllowed: null, timeLimitMinutes: null }
				}
			);
			// The same-questions box: ticked for a quiz; ignored for a lesson (nothing to draw); a forged value refused.
			expect(parseAssignmentForm(form({ sameQuestions: 'on' }), targets)).toMatchObject({
				input: { sameQuestions: true }
			});
			expect(
				parseAssignmentForm(form({ target: 'lesson:m1:intro', sameQuestions: 'on' }), targets)
			).toMatchObject({ input: { sameQuestions: false } });
			expect(parseAssignmentForm(form({ sameQuestions: 'yes' }), targets)).toMatchObject({
				ok: false,
				errors: { sameQuestions: 'Tick the box, or leave it empty.' }
			});
			const bad = parseAssignmentForm(
				form({
					target: 'quiz:m1:nope',
					dueAt: '2026-03-01T09:00',
					attemptsAllowed: '0',
					timeLimitMinutes: '1.5',
					feedbackPolicy: 'always',
					latePolicy: ''
				}),
				targets
			);
			expect(bad.ok).toBe(false);
			if (!bad.ok)
				expect(Object.keys(bad.errors).sort()).toEqual(
					['attemptsAllowed', 'dueAt', 'feedbackPolicy', 'latePolicy', 'target', 'timeLimitMinutes'].sort()
				);
		});

		it('are created, changed and deleted by the class owner only', async () => {
			expect(
				await createAssignment(db, { classId: classA, instructorId: teacherB.id, input: quiz, now: T0 })
			).toMatchObject({
				status: 404
			});
			const made = await createAssignment(db, {
				classId: classA,
				instructorId: teacherA.id,
				input: quiz,
				now: T0
			});
			if (!made.ok) throw new Error();
			expect(await ownedAssignment(db, { assignmentId: made.id, instructorId: teacherB.id })).toBeNull();
			expect(
				await updateAssignment(db, {
					assignmentId: made.id,
					instructorId: teacherB.id,
					input: { ...quiz, attemptsAllowed: 9 },
					now: T0
				})
			).toMatchObject({ status: 404 });
			expect(
				await updateAssignment(db, {
					assignmentId: made.id,
					instructorId: teacherA.id,
					input: { ...quiz, attemptsAllowed: 3 },
					now: T0
				})
			).toEqual({ ok: true });
			expect(await assignmentsOfClass(db, { classId: classA, instructorId: teacherA.id })).toMatchObject([
				{ attemptsAllowed: 3 }
			]);
			expect(await assignmentsOfClass(db, { classId: classA, instructorId: teacherB.id })).toEqual([]);
			expect(await deleteAssignment(db, { assignmentId: made.id, instructorId: teacherB.id })).toMatchObject({
				status: 404
			});
			expect(await deleteAssignment(db, { assignmentId: made.id, instructorId: teacherA.id })).toEqual({
				ok: true,
				classId: classA
			});
		});

		it('show up for members only, with status from the work records and extensions', async () => {
			const made = await createAssignment(db, {
				classId: classA,
				instructorId: teacherA.id,
				input: quiz,
				now: T0
			});
			if (!made.ok) throw new Error();
			const mine = (userId: string, now: string) => studentAssignments(db, { userId, now: new Date(now) });
			expect(await mine(ben.id, '2026-03-03T00:00:00Z')).toEqual([]);
			expect(await mine(ana.id, '2026-03-03T00:00:00Z')).toMatchObject([
				{ className: 'A', status: 'not-started' }
			]);
			expect(await mine(ana.id, '2026-03-10T00:00:00Z')).toMatchObject([{ status: 'overdue' }]);

			expect(
				await setExtension(db, {
					assignmentId: made.id,
					instructorId: teacherA.id,
					studentId: ben.id,
					dueAt: new Date('2026-03-12T00:00:00Z'),
					now: T0
				})
			).toMatchObject({ status: 400, message: /not in this class/ });
			expect(
				await setExtension(db, {
					assignmentId: made.id,
					instructorId: teacherA.id,
					studentId: ana.id,
					dueAt: new Date('2026-03-08T00:00:00Z'),
					now: T0
				})
			).toMatchObject({ status: 400, message: /after/ });
			expect(
				await setExtension(db, {
					assignmentId: made.id,
					instructorId: teacherB.id,
					studentId: ana.id,
					dueAt: new Date('2026-03-12T00:00:00Z'),
					now: T0
				})
			).toMatchObject({ status: 404 });
			expect(
				await setExtension(db, {
					assignmentId: made.id,
					instructorId: teacherA.id,
					studentId: ana.id,
					dueAt: new Date('2026-03-12T00:00:00Z'),
					now: T0
				})
			).toEqual({ ok: true });
			expect(await mine(ana.id, '2026-03-10T00:00:00Z')).toMatchObject([
				{
					status: 'not-started',
					effectiveDueAt: '2026-03-12T00:00:00.000Z',
					extensionDueAt: '2026-03-12T00:00:00.000Z'
				}
			]);
			expect(await answersReleaseAt(db, { id: made.id, dueAt: quiz.dueAt })).toBe('2026-03-12T00:00:00.000Z');

			await recordStarted(db.kysely, {
				assignmentId: made.id,
				userId: ana.id,
				at: '2026-03-10T01:00:00.000Z'
			});
			expect(await mine(ana.id, '2026-03-10T02:00:00Z')).toMatchObject([{ status: 'in-progress' }]);
			await recordSubmitted(db.kysely, {
				assignmentId: made.id,
				userId: ana.id,
				at: '2026-03-10T01:20:00.000Z',
				late: false,
				score: 0.6
			});
			await recordSubmitted(db.kysely, {
				assignmentId: made.id,
				userId: ana.id,
				at: '2026-03-10T01:20:00.000Z',
				late: false,
				score: 0.6
			});
			await recordSubmitted(db.kysely, {
				assignmentId: made.id,
				userId: ana.id,
				at: '2026-03-13T01:20:00.000Z',
				late: true,
				score: 0.9
			});
			expect(await mine(ana.id, '2026-03-20T00:00:00Z')).toMatchObject([
				{ status: 'submitted', submittedAt: '2026-03-10T01:20:00.000Z', score: 0.9 }
			]);

			// After-due feedback: the score waits for the last due date in the class (ana's extension, 03-12).
			const early = await mine(ana.id, '2026-03-11T00:00:00Z');
			expect(early[0]!.releaseAt).toBe('2026-03-12T00:00:00.000Z');
			expect(visibleScore(early[0]!, new Date('2026-03-11T00:00:00Z'))).toBeNull();
			expect(visibleScore(early[0]!, new Date('2026-03-12T00:00:00Z'))).toBe(0.9);

			const assignment = await ownedAssignment(db, { assignmentId: made.id, instructorId: teacherA.id });
			const progress = await assignmentProgress(db, {
				assignment: assignment!,
				now: new Date('2026-03-20T00:00:00Z')
			});
			expect(progress).toEqual([
				expect.objectContaining({
					username: 'ana',
					status: 'submitted',
					score: 0.9,
					dueAt: '2026-03-12T00:00:00.000Z'
				})
			]);

			expect(
				await clearExtension(db, { assignmentId: made.id, instructorId: teacherB.id, studentId: ana.id })
			).toMatchObject({ status: 404 });
			expect(
				await clearExtension(db, { assignmentId: made.id, instructorId: teacherA.id, studentId: ana.id })
			).toEqual({ ok: true });
			expect(
				await clearExtension(db, { assignmentId: made.id, instructorId: teacherA.id, studentId: ana.id })
			).toMatchObject({ status: 404 });
		});

		it('a removed student loses the assignment and their extension; rejoining restores their work', async () => {
			const made = await createAssignment(db, {
				classId: classA,
				instructorId: teacherA.id,
				input: quiz,
				now: T0
			});
			if (!made.ok) throw new Error();
			await setExtension(db, {
				assignmentId: made.id,
				instructorId: teacherA.id,
				studentId: ana.id,
				dueAt: new Date('2026-03-12T00:00:00Z'),
				now: T0
			});
			await recordSubmitted(db.kysely, {
				assignmentId: made.id,
				userId: ana.id,
				at: '2026-03-03T00:00:00.000Z',
				late: false,
				score: 1
			});
			await removeStudent(db, { classId: classA, instructorId: teacherA.id, studentId: ana.id });
			expect(await studentAssignments(db, { userId: ana.id, now: T0 })).toEqual([]);
			expect(await db.kysely.selectFrom('assignment_extensions').select('user_id').execute()).toEqual([]);
			const code = (await ownedClass(db, { classId: classA, instructorId: teacherA.id }))!.joinCode;
			await joinClass(db, { user: ana, code, now: T0 });
			expect(await studentAssignments(db, { userId: ana.id, now: T0 })).toMatchObject([
				{ status: 'submitted', score: 1 }
			]);
			expect(classB).toBeTruthy();
		});
	});
});
