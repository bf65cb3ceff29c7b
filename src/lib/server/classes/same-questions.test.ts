/**
 * "Same questions for the whole class" (issue 11, point 7), on both engines: with 30 students drawing 3 of 6
 * items each, the item analysis had a handful of responses per question and no shared "question 5". With
 * the option, the first start fixes the assignment's form and every student gets those questions, each in
 * their own order; retakes draw the form again; starts at the same moment agree on one form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import type { SessionUser } from '$lib/server/auth/sessions';
import { attemptQuestionIds, submitAttempt, type AttemptRow } from '$lib/server/quiz/attempts';
import { assignmentForms } from '$lib/server/quiz/fixed-forms';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { startAssignedQuiz } from './assigned-quizzes';
import { createAssignment } from './assignments';

const content = fixtureContent();
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const CLASS_SIZE = 30;

interface Student {
	user: SessionUser;
	learnerId: string;
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe.each(testEngines())('same questions for the whole class on %s', (engine) => {
	let db: Db;
	let students: Student[];

	beforeEach(async () => {
		db = await engine.open();
		const iso = T0.toISOString();
		const user = (id: string, role: 'student' | 'instructor') => ({
			id,
			username: id,
			display_name: id,
			role,
			password_hash: 'x',
			must_change_password: 0,
			created_at: iso,
			password_changed_at: iso
		});
		const ids = Array.from({ length: CLASS_SIZE }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
		await db.kysely
			.insertInto('users')
			.values([user('t', 'instructor'), ...ids.map((id) => user(id, 'student'))])
			.execute();
		await db.kysely
			.insertInto('classes')
			.values({ id: 'c', name: 'C', instructor_id: 't', join_code: 'AAAA-BBBB', created_at: iso })
			.execute();
		await db.kysely
			.insertInto('class_members')
			.values(ids.map((id) => ({ class_id: 'c', user_id: id, joined_at: iso })))
			.execute();
		await db.kysely
			.insertInto('learners')
			.values(
				ids.map((id) => ({
					id: `l-${id}`,
					token_hash: `h-${id}`,
					user_id: id,
					created_at: iso,
					last_seen_at: iso
				}))
			)
			.execute();
		students = ids.map((id) => ({
			user: { id, username: id, displayName: id, role: 'student', mustChangePassword: false },
			learnerId: `l-${id}`
		}));
	});
	afterEach(() => db.close());

	/** A quiz assignment on "alpha" (3 of the 6 alpha items), open now, two attempts each. */
	async function assign(sameQuestions: boolean): Promise<string> {
		const made = await createAssignment(db, {
			classId: 'c',
			instructorId: 't',
			input: {
				moduleId: FIXTURE_MODULE,
				kind: 'quiz',
				targetId: 'alpha',
				opensAt: T0.toISOString(),
				dueAt: at(24 * HOUR).toISOString(),
				attemptsAllowed: 2,
				timeLimitMinutes: null,
				feedbackPolicy: 'on-submit',
				latePolicy: 'accept',
				sameQuestions
			},
			now: T0
		});
		if (!made.ok) throw new Error(made.message);
		return made.id;
	}
	async function start(s: Student, assignmentId: string, now = at(HOUR)): Promise<AttemptRow> {
		const r = await startAssignedQuiz({
			db,
			content,
			user: s.user,
			learnerId: s.learnerId,
			assignmentId,
			quizId: 'alpha',
			now
		});
		if (!r.ok) throw new Error(r.message);
		return r.attempt;
	}

	it('gives 30 students the same questions, each in their own order, and retakes the same form', async () => {
		const id = await assign(true);
		const attempts: AttemptRow[] = [];
		for (const s of students) attempts.push(await start(s, id));
		const forms = await assignmentForms(db, { assignmentIds: [id], quizId: 'alpha' });
		const form = forms.get(id)!;
		expect(form).toHaveLength(3);
		for (const a of attempts) expect(sorted(attemptQuestionIds(a))).toEqual(sorted(form));
		// Own orders: of 6 possible question orders, 30 students do not all share one (odds ~6^-29).
		expect(new Set(attempts.map((a) => a.question_ids)).size).toBeGreaterThan(1);
		expect(new Set(attempts.map((a) => a.orders)).size).toBeGreaterThan(1);

		// A retake under the assignment draws the same form again, not the unseen items.
		const first = attempts[0]!;
		const submitted = await submitAttempt({
			db,
			content,
			learnerId: students[0]!.learnerId,
			attemptId: first.id,
			now: at(2 * HOUR)
		});
		expect(submitted.ok).toBe(true);
		const retake = await start(students[0]!, id, at(3 * HOUR));
		expect(retake.id).not.toBe(first.id);
		expect(sorted(attemptQuestionIds(retake))).toEqual(sorted(form));
	});

	it('draws freely without the option (so the test above means something)', async () => {
		const id = await assign(false);
		const sets = new Set<string>();
		for (const s of students) sets.add(sorted(attemptQuestionIds(await start(s, id))).join(','));
		expect(sets.size).toBeGreaterThan(1);
		expect(await assignmentForms(db, { assignmentIds: [id], quizId: 'alpha' })).toEqual(new Map());
	});

	it('agrees on one form when the whole class starts at the same moment', async () => {
		const id = await assign(true);
		const attempts = await Promise.all(students.map((s) => start(s, id)));
		const form = (await assignmentForms(db, { assignmentIds: [id], quizId: 'alpha' })).get(id)!;
		for (const a of attempts) expect(sorted(attemptQuestionIds(a))).toEqual(sorted(form));
		const rows = await db.kysely
			.selectFrom('assignment_forms')
			.selectAll()
			.where('assignment_id', '=', id)
			.execute();
		expect(rows).toHaveLength(1);
	});

	it('forgets the form with its assignment', async () => {
		const id = await assign(true);
		await start(students[0]!, id);
		await db.kysely.deleteFrom('assignments').where('id', '=', id).execute();
		expect(await db.kysely.selectFrom('assignment_forms').selectAll().execute()).toEqual([]);
	});
});
