/**
 * Who may change a score, on SQLite and PostgreSQL (issue 11, point 2): the owner of a class the student is
 * in, for an attempt the class may see; another instructor, a student outside the class or one who left get
 * the same 404 and nothing changes. A class's regrade covers that class's attempts only and is listed for it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { testEngines } from '$lib/server/db/test-databases';
import type { AttemptRow } from '$lib/server/quiz/attempts';
import { FIXTURE_MODULE, fixtureContent, fixtureCopy } from '$lib/server/quiz/test-content';
import {
	addStudent,
	CLASS,
	gradedAttempt,
	scoreState,
	seedClass,
	T0,
	TEACHER
} from '$lib/server/quiz/test-graded';
import { overrideClassAnswer, undoClassOverride } from './answer-overrides';
import { classRegradeRuns, regradeClass } from './class-regrade';

const content = fixtureContent();
const OTHER = { id: '00000000-0000-4000-8000-0000000000f2', displayName: 'Mr Other' };
const now = new Date(T0.getTime() + 3_600_000);

/**
 * The database, except that the student leaves every class just before a transaction opens: after any
 * check made before the transaction, so only a check inside it can see that they left.
 */
function leavingAsTransactionOpens(db: Db, userId: string): Db {
	const kysely = new Proxy(db.kysely, {
		get(target, prop) {
			if (prop === 'transaction')
				return () => ({
					execute: async (fn: (tx: Transaction<Database>) => Promise<unknown>) => {
						await target.deleteFrom('class_members').where('user_id', '=', userId).execute();
						return target.transaction().execute(fn);
					}
				});
			const value: unknown = Reflect.get(target, prop);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		}
	});
	return { ...db, kysely };
}

/** The fixture content with b-true-false's key turned from true to false (Ana's right answer now wrong). */
function changedKey() {
	const dir = fixtureCopy();
	const bank = join(dir, FIXTURE_MODULE, 'banks', 'beta.yaml');
	const text = readFileSync(bank, 'utf8');
	const key = text.indexOf('answer: true', text.indexOf('- id: b-true-false'));
	writeFileSync(bank, `${text.slice(0, key)}answer: false${text.slice(key + 'answer: true'.length)}`);
	const loaded = loadContent(dir);
	if (!loaded.ok) throw new Error('fixture copy failed to load');
	return loaded.index;
}

describe.each(testEngines())('class score changes on %s', (engine) => {
	let db: Db;
	let ana: { userId: string; learnerId: string };
	let zed: { userId: string; learnerId: string };
	let attempt: AttemptRow;
	let zedAttempt: AttemptRow;
	beforeEach(async () => {
		db = await engine.open();
		await seedClass(db, content);
		ana = await addStudent(db, '00000000-0000-4000-8000-0000000000e1', 'Ana');
		zed = await addStudent(db, '00000000-0000-4000-8000-0000000000e9', 'Zed');
		attempt = await gradedAttempt(db, content, ana.learnerId);
		zedAttempt = await gradedAttempt(db, content, zed.learnerId);
		// Zed leaves the class; a second instructor has no class with Ana in it.
		await db.kysely.deleteFrom('class_members').where('user_id', '=', zed.userId).execute();
		await db.kysely
			.insertInto('users')
			.values({
				id: OTHER.id,
				username: 'other',
				display_name: OTHER.displayName,
				role: 'instructor',
				password_hash: 'x',
				must_change_password: 0,
				created_at: T0.toISOString(),
				password_changed_at: T0.toISOString()
			})
			.execute();
	});
	afterEach(() => db.close());

	const attemptScore = async (id: string) =>
		(
			await db.kysely
				.selectFrom('quiz_attempts')
				.select('score')
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).score;

	const change = (instructor: typeof TEACHER, userId: string, attemptId: string) =>
		overrideClassAnswer(db, {
			classId: CLASS,
			userId,
			attemptId,
			questionId: 'b-true-false',
			instructor,
			score: 0,
			comment: 'Checked by hand.',
			now
		});

	it('refuses another instructor, a former member and a mismatched student with a 404, changing nothing', async () => {
		const before = await scoreState(db);
		expect(await change(OTHER, ana.userId, attempt.id)).toMatchObject({ ok: false, status: 404 });
		expect(await change(TEACHER, zed.userId, zedAttempt.id)).toMatchObject({ ok: false, status: 404 });
		// Ana's user id with Zed's attempt: the attempt is not hers.
		expect(await change(TEACHER, ana.userId, zedAttempt.id)).toMatchObject({ ok: false, status: 404 });
		expect(
			await undoClassOverride(db, {
				classId: CLASS,
				userId: ana.userId,
				attemptId: attempt.id,
				questionId: 'b-true-false',
				instructor: OTHER,
				now
			})
		).toMatchObject({ ok: false, status: 404 });
		expect(await scoreState(db)).toEqual(before);
		expect(await change(TEACHER, ana.userId, attempt.id)).toMatchObject({ ok: true, attempt: { score: 7 } });
	});

	it('refuses a student who leaves the class as the change starts, with the same 404, writing nothing', async () => {
		const before = await scoreState(db);
		const result = await overrideClassAnswer(leavingAsTransactionOpens(db, ana.userId), {
			classId: CLASS,
			userId: ana.userId,
			attemptId: attempt.id,
			questionId: 'b-true-false',
			instructor: TEACHER,
			score: 0,
			comment: 'Checked by hand.',
			now
		});
		expect(result).toEqual({ ok: false, status: 404, message: 'No such attempt.' });
		expect(await scoreState(db)).toEqual(before);
	});

	it('leaves out of a class regrade a student who leaves as it starts', async () => {
		const run = await regradeClass(leavingAsTransactionOpens(db, ana.userId), {
			content: changedKey(),
			classId: CLASS,
			instructor: TEACHER,
			now
		});
		expect(run.attempts).toEqual([]);
		expect(await attemptScore(attempt.id)).toBe(8);
	});

	it("a class's regrade changes its members' attempts only, and the run is listed for the class", async () => {
		const run = await regradeClass(db, { content: changedKey(), classId: CLASS, instructor: TEACHER, now });
		expect(run.attempts).toEqual([
			expect.objectContaining({
				displayName: 'Ana',
				oldScore: 8,
				newScore: 7,
				href: expect.stringContaining(attempt.id)
			})
		]);
		expect(await attemptScore(zedAttempt.id)).toBe(8);
		expect(await classRegradeRuns(db, CLASS)).toEqual([
			expect.objectContaining({
				id: run.id,
				byName: TEACHER.displayName,
				questions: [`${FIXTURE_MODULE}/b-true-false`]
			})
		]);
	});
});
