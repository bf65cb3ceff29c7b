/**
 * Item analysis at class size (issue 11, point 7), on both engines: questions grouped under their objective in
 * the module's order, rows with fewer than 10 responses set apart for folding, and, when the class took the
 * quiz as a same-questions assignment, each question numbered as on that form and listed in its order.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyResponse } from '$lib/grading';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { startAssignedQuiz } from '$lib/server/classes/assigned-quizzes';
import { createAssignment } from '$lib/server/classes/assignments';
import { attemptQuestionIds, saveAnswers, submitAttempt } from '$lib/server/quiz/attempts';
import { assignmentForms } from '$lib/server/quiz/fixed-forms';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { classQuizAnalysis } from './class-quiz-analysis';
import { groupByObjective } from './item-groups';

const content = fixtureContent();
const T0 = new Date('2026-03-02T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIXED = content.quiz(FIXTURE_MODULE, 'mixed')!;

describe('grouping item rows by objective', () => {
	const row = (questionId: string, objective: string, n: number, facility: number | null) => ({
		questionId,
		objective,
		n,
		facility
	});
	const objectives = [
		{ id: 'one', title: 'One' },
		{ id: 'two', title: 'Two' }
	];
	it('keeps the module’s objective order, hardest first, and sets the sparse rows apart', () => {
		const groups = groupByObjective(
			[row('b', 'two', 12, 0.5), row('a', 'one', 12, 0.9), row('c', 'one', 3, 0.1), row('d', 'one', 20, 0.2)],
			objectives
		);
		expect(
			groups.map((g) => [g.objectiveId, g.shown.map((r) => r.questionId), g.sparse.map((r) => r.questionId)])
		).toEqual([
			['one', ['d', 'a'], ['c']],
			['two', ['b'], []]
		]);
	});
	it('follows the form’s numbers when there is a form, and puts a retired objective last', () => {
		const groups = groupByObjective(
			[
				row('x', 'gone', 12, 0.5),
				row('a', 'one', 12, 0.9),
				row('d', 'one', 20, 0.2),
				row('e', 'one', 15, 0.1)
			],
			objectives,
			new Map([
				['a', 1],
				['d', 2]
			])
		);
		expect(groups.map((g) => [g.title, g.shown.map((r) => r.questionId)])).toEqual([
			['One', ['a', 'd', 'e']],
			['gone', ['x']]
		]);
	});
});

describe.each(testEngines())('class item analysis on %s', (engine) => {
	let db: Db;
	const members = Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);

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
		await db.kysely
			.insertInto('users')
			.values([user('t', 'instructor'), ...members.map((id) => user(id, 'student'))])
			.execute();
		await db.kysely
			.insertInto('classes')
			.values({ id: 'c', name: 'C', instructor_id: 't', join_code: 'AAAA-BBBB', created_at: iso })
			.execute();
		await db.kysely
			.insertInto('class_members')
			.values(members.map((id) => ({ class_id: 'c', user_id: id, joined_at: iso })))
			.execute();
		// The twelfth never signed in: no learner row.
		await db.kysely
			.insertInto('learners')
			.values(
				members.slice(0, 11).map((id) => ({
					id: `l-${id}`,
					token_hash: `h-${id}`,
					user_id: id,
					created_at: iso,
					last_seen_at: iso
				}))
			)
			.execute();
	});
	afterEach(() => db.close());

	it('groups by objective, numbers the form, and folds the rows only one student answered', async () => {
		const made = await createAssignment(db, {
			classId: 'c',
			instructorId: 't',
			input: {
				moduleId: FIXTURE_MODULE,
				kind: 'quiz',
				targetId: 'mixed',
				opensAt: T0.toISOString(),
				dueAt: at(24 * HOUR).toISOString(),
				attemptsAllowed: 1,
				timeLimitMinutes: null,
				feedbackPolicy: 'on-submit',
				latePolicy: 'accept',
				sameQuestions: true
			},
			now: T0
		});
		if (!made.ok) throw new Error(made.message);
		// Ten students take the form; every other one answers everything right, the rest answer nothing.
		for (const [i, id] of members.slice(0, 10).entries()) {
			const learnerId = `l-${id}`;
			const started = await startAssignedQuiz({
				db,
				content,
				user: { id, username: id, displayName: id, role: 'student', mustChangePassword: false },
				learnerId,
				assignmentId: made.id,
				quizId: 'mixed',
				now: at(HOUR)
			});
			if (!started.ok) throw new Error(started.message);
			const responses = new Map(
				attemptQuestionIds(started.attempt).map(
					(q) => [q, i % 2 === 0 ? keyResponse(content.question(FIXTURE_MODULE, q)!) : null] as const
				)
			);
			await saveAnswers({ db, content, learnerId, attemptId: started.attempt.id, responses, now: at(HOUR) });
			const done = await submitAttempt({
				db,
				content,
				learnerId,
				attemptId: started.attempt.id,
				now: at(HOUR)
			});
			if (!done.ok) throw new Error(done.message);
		}
		const form = (await assignmentForms(db, { assignmentIds: [made.id], quizId: 'mixed' })).get(made.id)!;
		expect(form).toHaveLength(8);
		// The eleventh took the quiz on their own, on the two alpha questions the form left out.
		const offForm = content
			.module(FIXTURE_MODULE)!
			.questions.filter((q) => q.use === 'assessment' && q.objective === 'alpha' && !form.includes(q.id))
			.map((q) => q.id);
		expect(offForm).toHaveLength(2);
		await gradedAttempt('l-s11', offForm);

		const view = await classQuizAnalysis({
			db,
			content,
			classId: 'c',
			quiz: MIXED,
			base: '/classes/c/progress'
		});
		expect(view).toMatchObject({ attempts: 11, students: 11, members: 12, minResponses: 10 });
		expect(view.form).toEqual({ dueAt: at(24 * HOUR).toISOString(), questions: 8 });
		expect(view.groups.map((g) => g.objectiveId)).toEqual(['alpha', 'beta']);
		const [alpha, beta] = view.groups as [(typeof view.groups)[0], (typeof view.groups)[0]];
		// Every form question has ten responses and its number; a group lists them in form order.
		const numberOf = (id: string) => form.indexOf(id) + 1;
		const alphaOnForm = form.filter((id) => content.question(FIXTURE_MODULE, id)!.objective === 'alpha');
		expect(alpha.shown.map((r) => [r.questionId, r.number, r.n])).toEqual(
			[...alphaOnForm].sort((a, b) => numberOf(a) - numberOf(b)).map((id) => [id, numberOf(id), 10])
		);
		expect(alpha.sparse.map((r) => [r.number, r.n])).toEqual([
			[null, 1],
			[null, 1]
		]);
		expect(alpha.sparse.map((r) => r.questionId).sort()).toEqual([...offForm].sort());
		expect(beta.shown).toHaveLength(4);
		expect(beta.sparse).toEqual([]);
		expect(beta.shown.map((r) => r.number)).toEqual(
			[...beta.shown.map((r) => r.number)].sort((a, b) => a! - b!)
		);
	});

	it('lists hardest first and numbers nothing without a same-questions assignment', async () => {
		await gradedAttempt('l-s01', ['a-single', 'b-single'], 0);
		const view = await classQuizAnalysis({ db, content, classId: 'c', quiz: MIXED, base: '/b' });
		expect(view.form).toBeNull();
		expect(view.groups.flatMap((g) => [...g.shown, ...g.sparse]).map((r) => r.number)).toEqual([null, null]);
	});

	/** A graded self-study attempt of "mixed" on the given questions, each scored `score`. */
	async function gradedAttempt(learnerId: string, questionIds: string[], score = 1) {
		const id = randomUUID();
		const iso = at(2 * HOUR).toISOString();
		await db.kysely
			.insertInto('quiz_attempts')
			.values({
				id,
				learner_id: learnerId,
				module_id: FIXTURE_MODULE,
				quiz_id: 'mixed',
				number: 1,
				status: 'graded',
				seed: 1,
				question_ids: JSON.stringify(questionIds),
				orders: '{}',
				feedback: 'on-submit',
				pass_mark: 50,
				time_limit_minutes: null,
				started_at: iso,
				due_at: null,
				extension_minutes: 0,
				submitted_at: iso,
				submit_reason: 'learner',
				score: score * questionIds.length,
				max_score: questionIds.length,
				passed: 1,
				assignment_id: null,
				accept_late: 0,
				review_opens_at: null
			})
			.execute();
		await db.kysely
			.insertInto('quiz_answers')
			.values(
				questionIds.map((q) => ({
					attempt_id: id,
					question_id: q,
					response: null,
					revision: 1,
					saved_at: iso,
					checked_at: null,
					score,
					verdict: null
				}))
			)
			.execute();
	}
});
