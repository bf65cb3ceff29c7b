/**
 * The class dashboard's data on SQLite and PostgreSQL: the grid's statuses from the classes rules, sorting
 * and filtering by query parameters, who is stuck, class mastery scoped to the class, and the CSV exports.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { FIXTURE_MODULE, fixtureContent } from '$lib/server/quiz/test-content';
import { classDashboard, classStudent, parseGridQuery } from './class-analytics';
import { gridCsv, responsesCsv } from './class-exports';
import { syncMasteryIndex } from '$lib/server/effects/mastery-index';

const content = fixtureContent();
const NOW = new Date('2026-03-02T09:00:00.000Z');
const at = NOW.toISOString();
const ASSIGNMENT = '00000000-0000-4000-8000-00000000000a';

describe.each(testEngines())('class analytics on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
		const user = (id: string, username: string, role: 'student' | 'instructor') => ({
			id,
			username,
			display_name: username === 'ana' ? 'Ana López' : username === 'ben' ? 'Ben "B" Smith' : username,
			role,
			password_hash: 'x',
			must_change_password: 0,
			created_at: at,
			password_changed_at: at
		});
		await db.kysely
			.insertInto('users')
			.values([user('t', 'teacher', 'instructor'), user('a', 'ana', 'student'), user('b', 'ben', 'student')])
			.execute();
		await db.kysely
			.insertInto('classes')
			.values({ id: 'c', name: 'C', instructor_id: 't', join_code: 'AAAA-BBBB', created_at: at })
			.execute();
		await db.kysely
			.insertInto('class_members')
			.values([
				{ class_id: 'c', user_id: 'a', joined_at: at },
				{ class_id: 'c', user_id: 'b', joined_at: at }
			])
			.execute();
		await db.kysely
			.insertInto('learners')
			.values([
				{ id: 'la', token_hash: 'ha', user_id: 'a', created_at: at, last_seen_at: at },
				{ id: 'lb', token_hash: 'hb', user_id: 'b', created_at: at, last_seen_at: at }
			])
			.execute();
		await db.kysely
			.insertInto('assignments')
			.values({
				id: ASSIGNMENT,
				class_id: 'c',
				module_id: FIXTURE_MODULE,
				kind: 'quiz',
				target_id: 'alpha',
				opens_at: '2026-03-01T09:00:00.000Z',
				due_at: '2026-03-03T09:00:00.000Z',
				attempts_allowed: null,
				time_limit_minutes: null,
				feedback_policy: 'on-submit',
				late_policy: 'accept',
				created_at: at,
				updated_at: at
			})
			.execute();
		await db.kysely
			.insertInto('assignment_work')
			.values({
				assignment_id: ASSIGNMENT,
				user_id: 'a',
				started_at: at,
				submitted_at: at,
				late: 0,
				score: 0.8,
				updated_at: at
			})
			.execute();
		// Ana's graded attempt (one right, one wrong); Ben took three remediations in a lesson.
		const attemptId = randomUUID();
		await db.kysely
			.insertInto('quiz_attempts')
			.values({
				id: attemptId,
				learner_id: 'la',
				module_id: FIXTURE_MODULE,
				quiz_id: 'alpha',
				number: 1,
				status: 'graded',
				seed: 1,
				question_ids: '["a-single","a-true-false"]',
				orders: '{}',
				feedback: 'on-submit',
				pass_mark: 50,
				time_limit_minutes: null,
				started_at: at,
				due_at: null,
				extension_minutes: 0,
				submitted_at: at,
				submit_reason: 'learner',
				score: 1,
				max_score: 2,
				passed: 1,
				assignment_id: ASSIGNMENT,
				accept_late: 1,
				review_opens_at: null
			})
			.execute();
		await db.kysely
			.insertInto('quiz_answers')
			.values([
				{
					attempt_id: attemptId,
					question_id: 'a-single',
					response: '"a"',
					revision: 1,
					saved_at: at,
					checked_at: null,
					score: 1,
					verdict: null
				},
				{
					attempt_id: attemptId,
					question_id: 'a-true-false',
					response: 'true',
					revision: 1,
					saved_at: at,
					checked_at: null,
					score: 0,
					verdict: null
				}
			])
			.execute();
		for (let i = 0; i < 3; i++)
			await db.kysely
				.insertInto('lesson_events')
				.values({
					learner_id: 'lb',
					event_id: `r${i}`,
					module_id: FIXTURE_MODULE,
					lesson_id: 'l',
					run_id: 'r',
					type: 'remediation.taken',
					step_id: 's',
					item_id: null,
					response: null,
					correct: null,
					score: null,
					mastered: null,
					created_at: at,
					batch_seq: i
				})
				.execute();
		// As at start-up: the mastery table is built from whatever answers the database holds.
		await syncMasteryIndex(db, content);
	});
	afterEach(() => db.close());

	const dashboard = (params = '') =>
		classDashboard({
			db,
			content,
			classId: 'c',
			instructorId: 't',
			now: NOW,
			query: parseGridQuery(new URLSearchParams(params))
		});

	it('builds the grid with statuses, scores and who is stuck', async () => {
		const d = await dashboard();
		expect(d.assignments).toEqual([
			{
				id: ASSIGNMENT,
				title: 'Alpha check',
				dueAt: '2026-03-03T09:00:00.000Z',
				kind: 'quiz',
				moduleId: FIXTURE_MODULE,
				moduleTitle: 'Fixture module for quiz tests',
				targetId: 'alpha'
			}
		]);
		expect(d.students.map((s) => [s.username, s.cells[0]!.status, s.cells[0]!.percent])).toEqual([
			['ana', 'submitted', 80],
			['ben', 'not-started', null]
		]);
		// Due within 48 hours and not started, and three remediations.
		expect(d.stuck.map((s) => s.username)).toEqual(['ben']);
		expect(d.stuck[0]!.stuck).toEqual(['3 remediations in lessons', 'Alpha check: not started, due soon']);
		const alpha = d.objectives.find((o) => o.id === 'alpha')!;
		expect(alpha.counts).toEqual({ 'not-started': 1, 'needs-review': 0, practising: 1, mastered: 0 });
	});

	it('tells apart two assignments of the same quiz in the reasons a student is stuck', async () => {
		await db.kysely
			.insertInto('assignments')
			.values({
				id: '00000000-0000-4000-8000-00000000000b',
				class_id: 'c',
				module_id: FIXTURE_MODULE,
				kind: 'quiz',
				target_id: 'alpha',
				opens_at: '2026-03-01T09:00:00.000Z',
				due_at: '2026-03-01T12:00:00.000Z',
				attempts_allowed: null,
				time_limit_minutes: null,
				feedback_policy: 'on-submit',
				late_policy: 'accept',
				created_at: at,
				updated_at: at
			})
			.execute();
		const ben = (await dashboard()).stuck.find((s) => s.username === 'ben')!;
		expect(ben.stuck).toEqual([
			'3 remediations in lessons',
			'Alpha check (due 2026-03-01): overdue, not submitted',
			'Alpha check (due 2026-03-03): not started, due soon'
		]);
	});

	it('sorts and filters on the server from query parameters', async () => {
		expect((await dashboard(`sort=a:${ASSIGNMENT}&dir=desc`)).students.map((s) => s.username)).toEqual([
			'ana',
			'ben'
		]);
		expect((await dashboard(`sort=a:${ASSIGNMENT}&dir=asc`)).students.map((s) => s.username)).toEqual([
			'ben',
			'ana'
		]);
		expect((await dashboard(`status=not-started&in=${ASSIGNMENT}`)).students.map((s) => s.username)).toEqual([
			'ben'
		]);
		expect((await dashboard('stuck=1')).students.map((s) => s.username)).toEqual(['ben']);
		expect((await dashboard('q=ana')).students.map((s) => s.username)).toEqual(['ana']);
		// Nonsense parameters fall back to the defaults.
		expect(parseGridQuery(new URLSearchParams('sort=drop&dir=up&status=evil'))).toMatchObject({
			sort: 'name',
			dir: 'asc',
			status: null
		});
	});

	it('refuses another instructor and finds a member with their learner', async () => {
		await expect(
			classDashboard({
				db,
				content,
				classId: 'c',
				instructorId: 'a',
				now: NOW,
				query: parseGridQuery(new URLSearchParams())
			})
		).rejects.toThrow();
		expect(await classStudent(db, { classId: 'c', userId: 'b' })).toMatchObject({
			username: 'ben',
			learnerId: 'lb'
		});
		expect(await classStudent(db, { classId: 'c', userId: 't' })).toBeNull();
	});

	it('exports the grid and the responses as RFC 4180 CSV with a BOM', async () => {
		const grid = gridCsv(await dashboard());
		expect(grid.startsWith('\uFEFFusername,display_name,fixture / Alpha check: status,')).toBe(true);
		expect(grid).toContain(
			'\r\nben,"Ben ""B"" Smith",not-started,,no,2026-03-03T09:00:00.000Z,,3 remediations in lessons; Alpha check: not started, due soon\r\n'.replace(
				'3 remediations in lessons; Alpha check: not started, due soon',
				'"3 remediations in lessons; Alpha check: not started, due soon"'
			)
		);
		const responses = await responsesCsv({ db, content, classId: 'c' });
		const lines = responses.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'username,display_name,module,quiz,attempt,attempt_id,submitted_at,question,objective,response,score,original_score,overridden,override_comment'
		);
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(
			/^ana,Ana López,fixture,alpha,1,[0-9a-f-]{36},2026-03-02T09:00:00\.000Z,a-single,alpha,"""a""",1,1,no,$/
		);
	});
});
