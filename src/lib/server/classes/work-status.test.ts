/**
 * The assignment status read model: the instructor's per-assignment view, the student's own list and the
 * class page's counts say the same thing for every student, and the class page reads it in a fixed number
 * of queries however many assignments the class has (it used to ask once per assignment).
 */
import { resolve } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from '$lib/server/auth/accounts';
import { TEST_PARAMS } from '$lib/server/auth/password';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { recordStarted, recordSubmitted } from '$lib/server/effects/assignment-work';
import {
	assignmentProgress,
	assignmentsOfClass,
	createAssignment,
	setExtension,
	studentAssignments,
	type AssignmentInput
} from './assignments';
import { createClass, joinClass } from './classes';
import { seedLessonProgress } from '../../../../scripts/demo/demo-lessons';
import { assignmentSummaries } from './work-status';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content');
const content = loaded.index;
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const base = { now: T0, address: '10.0.0.1', anonymousLearnerId: null, params: TEST_PARAMS };

/** The same database, counting every query it is sent. */
function counting(db: Db): { db: Db; count: () => number } {
	let n = 0;
	const plugin: KyselyPlugin = {
		transformQuery: (args) => {
			n++;
			return args.node;
		},
		transformResult: async (args) => args.result
	};
	return { db: { ...db, kysely: db.kysely.withPlugin(plugin) }, count: () => n };
}

describe.each(testEngines())('assignment status read model on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
	});
	afterEach(() => db.close());

	async function classWithWork() {
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
		const students = [
			await sign('ana', 'student'),
			await sign('ben', 'student'),
			await sign('cy', 'student')
		];
		const klass = await createClass(db, { instructor: teacher, name: 'C', now: T0 });
		if (!klass.ok) throw new Error();
		for (const s of students) await joinClass(db, { user: s.user, code: klass.joinCode, now: T0 });
		const quizId = content.module('treaty-2024')!.quizzes[0]!.id;
		const input: AssignmentInput = {
			moduleId: 'treaty-2024',
			kind: 'quiz',
			targetId: quizId,
			opensAt: T0.toISOString(),
			dueAt: at(24 * HOUR).toISOString(),
			attemptsAllowed: null,
			timeLimitMinutes: null,
			feedbackPolicy: 'on-submit',
			latePolicy: 'accept'
		};
		const make = async (over: Partial<AssignmentInput>) => {
			const r = await createAssignment(db, {
				classId: klass.id,
				instructorId: teacher.id,
				input: { ...input, ...over },
				now: T0
			});
			if (!r.ok) throw new Error();
			return r.id;
		};
		const quiz = await make({});
		await make({ kind: 'lesson', targetId: 'lineage' });
		await make({ kind: 'module', targetId: null, dueAt: at(96 * HOUR).toISOString() });
		const [ana, ben, cy] = students as [(typeof students)[0], (typeof students)[0], (typeof students)[0]];
		// Ana submits the quiz on time; Ben late; Cy has an extension and has only started.
		await recordSubmitted(db.kysely, {
			assignmentId: quiz,
			userId: ana.user.id,
			at: at(HOUR).toISOString(),
			late: false,
			score: 0.5
		});
		await recordSubmitted(db.kysely, {
			assignmentId: quiz,
			userId: ben.user.id,
			at: at(30 * HOUR).toISOString(),
			late: true,
			score: 1
		});
		await setExtension(db, {
			assignmentId: quiz,
			instructorId: teacher.id,
			studentId: cy.user.id,
			dueAt: at(72 * HOUR),
			now: T0
		});
		await recordStarted(db.kysely, {
			assignmentId: quiz,
			userId: cy.user.id,
			at: at(2 * HOUR).toISOString()
		});
		// Ana finishes the lesson; Ben half of it.
		const lesson = (learnerId: string, steps: number | null) =>
			seedLessonProgress(db, {
				content,
				learnerId,
				moduleId: 'treaty-2024',
				lessonId: 'lineage',
				steps,
				remediate: false,
				now: at(3 * HOUR),
				runId: `run-${learnerId.slice(0, 8)}`
			});
		await lesson(ana.learnerId, null);
		await lesson(ben.learnerId, 1);
		const assignments = await assignmentsOfClass(db, { classId: klass.id, instructorId: teacher.id });
		return { teacher, students, assignments };
	}

	it('gives every student the same status on the instructor, student and class pages', async () => {
		const { students, assignments } = await classWithWork();
		const now = at(48 * HOUR);
		const byInstructor = new Map<string, string>();
		for (const a of assignments)
			for (const p of await assignmentProgress(db, { assignment: a, now, content }))
				byInstructor.set(`${a.kind} ${p.username}`, p.status);
		const byStudent = new Map<string, string>();
		for (const s of students)
			for (const a of await studentAssignments(db, { userId: s.user.id, now, content }))
				byStudent.set(`${a.kind} ${s.user.username}`, a.status);
		expect(Object.fromEntries(byStudent)).toEqual(Object.fromEntries(byInstructor));
		expect(Object.fromEntries(byInstructor)).toEqual({
			'quiz ana': 'submitted',
			'quiz ben': 'late',
			'quiz cy': 'in-progress',
			'lesson ana': 'submitted',
			'lesson ben': 'overdue',
			'lesson cy': 'overdue',
			'module ana': 'in-progress',
			'module ben': 'in-progress',
			'module cy': 'not-started'
		});
		const summaries = await assignmentSummaries(db, {
			assignments,
			userIds: students.map((s) => s.user.id),
			now,
			content
		});
		const kindOf = new Map(assignments.map((a) => [a.id, a.kind]));
		expect(
			Object.fromEntries(summaries.map((s) => [kindOf.get(s.assignmentId), [s.submitted, s.late, s.overdue]]))
		).toEqual({ quiz: [2, 1, 0], lesson: [1, 0, 2], module: [0, 0, 0] });
	});

	it('reads the class page counts in the same number of queries for one assignment as for three', async () => {
		const { students, assignments } = await classWithWork();
		const userIds = students.map((s) => s.user.id);
		const queries = async (few: typeof assignments) => {
			const spy = counting(db);
			await assignmentSummaries(spy.db, { assignments: few, userIds, now: at(48 * HOUR), content });
			return spy.count();
		};
		const one = await queries(assignments.filter((a) => a.kind === 'module'));
		expect(one).toBeGreaterThan(0);
		expect(await queries(assignments)).toBe(one);
	});
});
