/**
 * Lesson and whole-module assignments read the students' own lesson progress (saved by the lesson player)
 * and the quiz attempts under the assignment: a lesson finished before it was assigned counts; one finished
 * after the due date is late.
 */
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import {
	assignmentProgress,
	createAssignment,
	ownedAssignment,
	studentAssignments,
	type AssignmentInput
} from './assignments';
import { createClass, joinClass } from './classes';
import { seedLessonProgress } from '../../../../scripts/demo/demo-lessons';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content');
const content = loaded.index;
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const base = { now: T0, address: '10.0.0.1', anonymousLearnerId: null, params: TEST_PARAMS };

describe.each(testEngines())('lesson and module assignments on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
	});
	afterEach(() => db.close());

	it('follow lesson progress: not started, in progress, submitted, late; a module counts lessons and quizzes', async () => {
		const sign = async (username: string, role: 'student' | 'instructor') => {
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
		const teacher = (await sign('teacher', 'instructor')).user;
		const ana = await sign('ana', 'student');
		const ben = await sign('ben', 'student');
		const zoe = await sign('zoe', 'student');
		const klass = await createClass(db, { instructor: teacher, name: 'C', now: T0 });
		if (!klass.ok) throw new Error();
		for (const s of [ana, ben, zoe]) await joinClass(db, { user: s.user, code: klass.joinCode, now: T0 });
		// Zoe finished the lineage lesson on her own before it was ever assigned.
		const lesson = (learnerId: string, steps: number | null, now: Date, lessonId = 'lineage') =>
			seedLessonProgress(db, {
				content,
				learnerId,
				moduleId: 'treaty-2024',
				lessonId,
				steps,
				remediate: false,
				now,
				runId: `run-${learnerId.slice(0, 8)}-${lessonId}`
			});
		await lesson(zoe.learnerId, null, at(-HOUR));

		const input: AssignmentInput = {
			moduleId: 'treaty-2024',
			kind: 'lesson',
			targetId: 'lineage',
			opensAt: T0.toISOString(),
			dueAt: at(24 * HOUR).toISOString(),
			attemptsAllowed: null,
			timeLimitMinutes: null,
			feedbackPolicy: 'on-submit',
			latePolicy: 'accept'
		};
		const made = await createAssignment(db, { classId: klass.id, instructorId: teacher.id, input, now: T0 });
		const whole = await createAssignment(db, {
			classId: klass.id,
			instructorId: teacher.id,
			input: { ...input, kind: 'module', targetId: null },
			now: T0
		});
		if (!made.ok || !whole.ok) throw new Error();
		await lesson(ana.learnerId, 2, at(HOUR));
		await lesson(ben.learnerId, null, at(2 * HOUR));

		const now = at(30 * HOUR);
		const assignment = (await ownedAssignment(db, { assignmentId: made.id, instructorId: teacher.id }))!;
		const statuses = async () =>
			Object.fromEntries(
				(await assignmentProgress(db, { assignment, now, content })).map((p) => [
					p.username,
					[p.status, p.partsDone, p.parts]
				])
			);
		expect(await statuses()).toEqual({
			ana: ['overdue', 0, 1],
			ben: ['submitted', 1, 1],
			zoe: ['submitted', 1, 1]
		});
		await lesson(ana.learnerId, null, at(28 * HOUR));
		expect((await statuses()).ana).toEqual(['late', 1, 1]);

		const mine = await studentAssignments(db, { userId: ben.user.id, now, content });
		const lessonCount = content.module('treaty-2024')!.lessons.length;
		const quizCount = content.module('treaty-2024')!.quizzes.length;
		// Same due date: order by kind for the comparison.
		expect(mine.map((a) => [a.kind, a.status]).sort()).toEqual([
			['lesson', 'submitted'],
			['module', 'overdue']
		]);
		const moduleAssignment = (await ownedAssignment(db, {
			assignmentId: whole.id,
			instructorId: teacher.id
		}))!;
		const progress = await assignmentProgress(db, {
			assignment: moduleAssignment,
			now: at(2 * HOUR),
			content
		});
		expect(progress.find((p) => p.username === 'ben')).toMatchObject({
			status: 'in-progress',
			partsDone: 1,
			parts: lessonCount + quizCount
		});
	});
});
