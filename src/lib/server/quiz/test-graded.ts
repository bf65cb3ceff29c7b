/**
 * Test support for score changes (overrides, regrades): a teacher, a class with a quiz assignment of the
 * fixture's "mixed" quiz, and students whose attempts are graded with chosen answers. Nothing in the app
 * imports this.
 */
import type { Question } from '$lib/content/types';
import { keyResponse } from '$lib/grading';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { syncMasteryIndex } from '$lib/server/effects/mastery-index';
import { createLearner } from '$lib/server/learner';
import { attemptQuestionIds, saveAnswer, startAttempt, submitAttempt, type AttemptRow } from './attempts';
import { FIXTURE_MODULE } from './test-content';

export const T0 = new Date('2026-03-01T09:00:00.000Z');
export const ASSIGNMENT = '00000000-0000-4000-8000-0000000000a1';
export const CLASS = '00000000-0000-4000-8000-0000000000c1';
export const TEACHER = { id: '00000000-0000-4000-8000-0000000000f1', displayName: 'Ms Teach' };
const at = T0.toISOString();

export async function seedClass(db: Db, content: ContentIndex): Promise<void> {
	await db.kysely
		.insertInto('users')
		.values({
			id: TEACHER.id,
			username: 'teach',
			display_name: TEACHER.displayName,
			role: 'instructor',
			password_hash: 'x',
			must_change_password: 0,
			created_at: at,
			password_changed_at: at
		})
		.execute();
	await db.kysely
		.insertInto('classes')
		.values({ id: CLASS, name: 'C', instructor_id: TEACHER.id, join_code: 'AAAA-BBBB', created_at: at })
		.execute();
	await db.kysely
		.insertInto('assignments')
		.values({
			id: ASSIGNMENT,
			class_id: CLASS,
			module_id: FIXTURE_MODULE,
			kind: 'quiz',
			target_id: 'mixed',
			opens_at: at,
			due_at: '2026-03-03T09:00:00.000Z',
			attempts_allowed: 2,
			time_limit_minutes: null,
			feedback_policy: 'on-submit',
			late_policy: 'accept',
			created_at: at,
			updated_at: at
		})
		.execute();
	await syncMasteryIndex(db, content, T0);
}

/** A member of the class with an account and a learner; returns their user and learner ids. */
export async function addStudent(db: Db, userId: string, name: string) {
	await db.kysely
		.insertInto('users')
		.values({
			id: userId,
			username: name.toLowerCase(),
			display_name: name,
			role: 'student',
			password_hash: 'x',
			must_change_password: 0,
			created_at: at,
			password_changed_at: at
		})
		.execute();
	await db.kysely
		.insertInto('class_members')
		.values({ class_id: CLASS, user_id: userId, joined_at: at })
		.execute();
	const learnerId = (await createLearner(db, T0)).learner.id;
	await db.kysely.updateTable('learners').set({ user_id: userId }).where('id', '=', learnerId).execute();
	return { userId, learnerId };
}

/**
 * A graded assignment attempt at "mixed": every question answered with its key, except those in `wrong`,
 * answered with `wrong[id]`.
 */
export async function gradedAttempt(
	db: Db,
	content: ContentIndex,
	learnerId: string,
	wrong: Record<string, unknown> = {},
	minutes = 0
): Promise<AttemptRow> {
	const now = new Date(T0.getTime() + minutes * 60_000);
	const started = await startAttempt({
		db,
		content,
		learnerId,
		quiz: content.quiz(FIXTURE_MODULE, 'mixed')!,
		now,
		seed: 7,
		assignment: {
			id: ASSIGNMENT,
			attemptsAllowed: 2,
			timeLimitMinutes: null,
			feedback: 'on-submit',
			dueAt: '2026-03-03T09:00:00.000Z',
			acceptLate: true,
			reviewOpensAt: null
		}
	});
	if (!started.ok) throw new Error(started.message);
	for (const id of attemptQuestionIds(started.attempt)) {
		const question = content.question(FIXTURE_MODULE, id) as Question;
		const response = Object.hasOwn(wrong, id) ? wrong[id] : keyResponse(question);
		const saved = await saveAnswer({
			db,
			content,
			learnerId,
			attemptId: started.attempt.id,
			questionId: id,
			response,
			revision: 1,
			now
		});
		if (!saved.ok) throw new Error(saved.message);
	}
	const submitted = await submitAttempt({ db, content, learnerId, attemptId: started.attempt.id, now });
	if (!submitted.ok) throw new Error(submitted.message);
	return submitted.attempt;
}

/** Everything a score change may touch, as sorted JSON rows, to compare before and after. */
export async function scoreState(db: Db) {
	const tables = [
		'quiz_attempts',
		'quiz_answers',
		'score_changes',
		'regrade_runs',
		'assignment_work',
		'learner_mastery'
	] as const;
	const state: Record<string, string[]> = {};
	for (const table of tables) {
		const rows: unknown[] = await db.kysely.selectFrom(table).selectAll().execute();
		state[table] = rows.map((r) => JSON.stringify(r)).sort();
	}
	return state;
}
