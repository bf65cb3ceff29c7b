import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { signIn } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import { assignmentProgress, assignmentsOfClass } from '$lib/server/classes/assignments';
import { classesOfInstructor } from '$lib/server/classes/classes';
import { resolve } from 'node:path';
import { loadContent } from '$lib/server/content/load-content';
import { DEMO_INSTRUCTOR, DEMO_STUDENT_PASSWORD, seedDemo } from './demo-seed';

const now = new Date('2026-03-11T10:00:00Z');
// Both trees, the treaty first in the catalog: the default module must still be the treaty.
const loaded = loadContent([resolve('questions'), resolve('tests/fixture-content')]);
if (!loaded.ok) throw new Error('content');
const content = loaded.index;

describe.each(testEngines())('demo data on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
	});
	afterEach(() => db.close());

	const snapshot = async () => {
		const teacher = await db.kysely
			.selectFrom('users')
			.select('id')
			.where('username', '=', DEMO_INSTRUCTOR.username)
			.executeTakeFirstOrThrow();
		const [klass] = await classesOfInstructor(db, { instructorId: teacher.id });
		const assignments = await assignmentsOfClass(db, { classId: klass!.id, instructorId: teacher.id });
		const progress = await Promise.all(
			assignments.map((a) => assignmentProgress(db, { assignment: a, now, content }))
		);
		return {
			klass: { name: klass!.name, students: klass!.students },
			assignments: assignments.map((a) => [a.opensAt, a.dueAt, a.latePolicy]),
			progress: progress.map((rows) =>
				rows.map((r) => [r.username, r.displayName, r.status, r.score, r.submittedAt, r.dueAt])
			)
		};
	};

	it('seeds an instructor and 30 students with a realistic mix of real attempts, the same on every run', async () => {
		await seedDemo(db, { content, now, params: TEST_PARAMS });
		const first = await snapshot();
		expect(first.klass).toEqual({ name: 'World History 10B (demo)', students: 30 });
		// In due-date order: last week's quiz, this week's lesson, this week's quiz, the module.
		const [past, lesson, current, whole] = first.progress;
		const count = (rows: typeof past, status: string) => rows!.filter((r) => r[2] === status).length;
		expect(count(past, 'submitted')).toBeGreaterThan(10);
		expect(count(past, 'late')).toBeGreaterThan(0);
		expect(count(past, 'overdue')).toBeGreaterThan(0);
		expect(past!.some((r) => typeof r[3] === 'number' && r[3] < 0.5)).toBe(true);
		expect(count(current, 'in-progress')).toBeGreaterThan(0);
		expect(count(current, 'not-started')).toBeGreaterThan(0);
		expect(count(current, 'submitted')).toBeGreaterThan(0);
		expect(count(lesson, 'submitted')).toBeGreaterThan(5);
		expect(count(lesson, 'in-progress')).toBeGreaterThan(0);
		expect(count(whole, 'in-progress')).toBeGreaterThan(0);
		expect(await db.kysely.selectFrom('lesson_progress').select('lesson_id').execute()).not.toHaveLength(0);
		// Real attempts behind the statuses: graded by the quiz code, late ones after the due date.
		const attempts = await db.kysely.selectFrom('quiz_attempts').selectAll().execute();
		expect(attempts.filter((a) => a.status === 'graded').length).toBeGreaterThan(30);
		expect(attempts.filter((a) => a.status === 'open').length).toBeGreaterThan(0);
		expect(attempts.every((a) => a.assignment_id !== null)).toBe(true);

		await seedDemo(db, { content, now, params: TEST_PARAMS });
		expect(await snapshot()).toEqual(first);
		expect(await db.kysely.selectFrom('users').select('id').execute()).toHaveLength(31);

		const signedIn = await signIn(db, {
			username: 'demo-student-07',
			password: DEMO_STUDENT_PASSWORD,
			now,
			address: '127.0.0.1',
			anonymousLearnerId: null,
			params: TEST_PARAMS
		});
		expect(signedIn).toMatchObject({ ok: true, user: { displayName: 'Gabriel Silva' } });
		// The default module is the first in the catalog: every assignment is on the treaty module.
		const modules = await db.kysely.selectFrom('assignments').select('module_id').distinct().execute();
		expect(modules).toEqual([{ module_id: 'treaty-2024' }]);
	}, 120_000);

	it('seeds a module with a single quiz, and its class works only on that module', async () => {
		const moduleId = 'fixture-harbour-light';
		const mod = content.module(moduleId)!;
		expect(mod.quizzes).toHaveLength(1);
		await seedDemo(db, { content, moduleId, now, params: TEST_PARAMS });
		const { klass, progress } = await snapshot();
		expect(klass).toEqual({ name: 'World History 10B (demo)', students: 30 });
		expect(progress).toHaveLength(4);

		const quizIds = mod.quizzes.map((q) => q.id);
		const lessonIds = mod.lessons;
		const assignments = await db.kysely.selectFrom('assignments').selectAll().execute();
		expect(assignments.map((a) => [a.kind, a.module_id])).toEqual(
			expect.arrayContaining([
				['quiz', moduleId],
				['lesson', moduleId],
				['module', moduleId]
			])
		);
		for (const a of assignments) {
			expect(a.module_id).toBe(moduleId);
			if (a.kind === 'quiz') expect(quizIds).toContain(a.target_id);
			if (a.kind === 'lesson') expect(lessonIds).toContain(a.target_id);
		}
		const attempts = await db.kysely.selectFrom('quiz_attempts').select(['module_id', 'quiz_id']).execute();
		expect(attempts.length).toBeGreaterThan(30);
		for (const a of attempts) expect([a.module_id, quizIds.includes(a.quiz_id)]).toEqual([moduleId, true]);
		const lessons = await db.kysely
			.selectFrom('lesson_progress')
			.select(['module_id', 'lesson_id'])
			.execute();
		expect(lessons.length).toBeGreaterThan(0);
		for (const l of lessons) expect([l.module_id, lessonIds.includes(l.lesson_id)]).toEqual([moduleId, true]);
	}, 120_000);

	it('refuses an unknown module with a message naming the modules, and leaves the previous demo alone', async () => {
		await seedDemo(db, { content, moduleId: 'fixture-harbour-light', now, params: TEST_PARAMS });
		const before = await snapshot();
		await expect(
			seedDemo(db, { content, moduleId: 'no-such-module', now, params: TEST_PARAMS })
		).rejects.toThrow(
			'There is no module “no-such-module”. Modules you can pick: treaty-2024, fixture-harbour-light.'
		);
		expect(await snapshot()).toEqual(before);
	}, 120_000);
});
