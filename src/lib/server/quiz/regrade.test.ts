/**
 * Regrade under changed content on SQLite and PostgreSQL (issue 11, point 2): after a key changes in the
 * files, a regrade re-scores exactly the answers whose grade changed, moves their attempts, assignment and
 * mastery, records the run, leaves overridden answers as the instructor set them (reported), writes nothing
 * on a dry run, and changes nothing more on a second run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Verdict } from '$lib/grading';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import type { AttemptRow } from './attempts';
import { overrideAnswer } from './overrides';
import { regrade } from './regrade';
import { FIXTURE_MODULE, fixtureContent, fixtureCopy } from './test-content';
import { addStudent, ASSIGNMENT, gradedAttempt, scoreState, seedClass, T0, TEACHER } from './test-graded';

const content = fixtureContent();
const COMMAND = { userId: null, name: 'command' };
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The fixture with one key changed: b-true-false's answer flips from true to false. */
function changedContent() {
	const dir = fixtureCopy();
	const bank = join(dir, FIXTURE_MODULE, 'banks', 'beta.yaml');
	const text = readFileSync(bank, 'utf8');
	const at = text.indexOf('- id: b-true-false');
	const key = text.indexOf('answer: true', at);
	writeFileSync(bank, text.slice(0, key) + 'answer: false' + text.slice(key + 'answer: true'.length));
	const loaded = loadContent(dir);
	if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
	return loaded.index;
}
const changed = changedContent();

describe.each(testEngines())('regrade on %s', (engine) => {
	let db: Db;
	let ana: { userId: string; learnerId: string };
	let ben: { userId: string; learnerId: string };
	let anaRight: AttemptRow;
	let anaWrong: AttemptRow;
	let benOverridden: AttemptRow;
	beforeEach(async () => {
		db = await engine.open();
		await seedClass(db, content);
		ana = await addStudent(db, '00000000-0000-4000-8000-0000000000e1', 'Ana');
		ben = await addStudent(db, '00000000-0000-4000-8000-0000000000e2', 'Ben');
		// Ana: one attempt answering b-true-false "true" (right under the old key), one answering "false".
		anaRight = await gradedAttempt(db, content, ana.learnerId, {}, 0);
		anaWrong = await gradedAttempt(db, content, ana.learnerId, { 'b-true-false': false }, 10);
		// Ben answered "true" too, and his teacher has already overridden that answer.
		benOverridden = await gradedAttempt(db, content, ben.learnerId, {}, 20);
		const o = await overrideAnswer({
			db,
			attemptId: benOverridden.id,
			questionId: 'b-true-false',
			score: 0.5,
			comment: 'Half marks: the statement was ambiguous.',
			by: { userId: TEACHER.id, name: TEACHER.displayName },
			now: later(30)
		});
		if (!o.ok) throw new Error(o.message);
	});
	afterEach(() => db.close());

	const answer = (attemptId: string) =>
		db.kysely
			.selectFrom('quiz_answers')
			.selectAll()
			.where('attempt_id', '=', attemptId)
			.where('question_id', '=', 'b-true-false')
			.executeTakeFirstOrThrow();
	const scoreOf = async (attemptId: string) =>
		(
			await db.kysely
				.selectFrom('quiz_attempts')
				.select('score')
				.where('id', '=', attemptId)
				.executeTakeFirstOrThrow()
		).score;
	const expectedReport = () => ({
		questions: [`${FIXTURE_MODULE}/b-true-false`],
		attempts: [
			expect.objectContaining({
				attemptId: anaRight.id,
				oldScore: 8,
				newScore: 7,
				answers: [{ questionId: 'b-true-false', oldScore: 1, newScore: 0 }]
			}),
			expect.objectContaining({
				attemptId: anaWrong.id,
				oldScore: 7,
				newScore: 8,
				answers: [{ questionId: 'b-true-false', oldScore: 0, newScore: 1 }]
			})
		],
		kept: [
			expect.objectContaining({
				attemptId: benOverridden.id,
				questionId: 'b-true-false',
				score: 0.5,
				regraded: 0
			})
		]
	});

	it('a dry run lists the attempts that would change and writes nothing', async () => {
		const before = await scoreState(db);
		const report = await regrade({
			db,
			content: changed,
			attemptIds: 'all',
			classId: null,
			by: COMMAND,
			now: later(60),
			dryRun: true
		});
		expect(report).toMatchObject({ runId: null, ...expectedReport() });
		expect(await scoreState(db)).toEqual(before);
	});

	it('re-scores exactly the answers the new key grades differently, records the run, and the totals follow', async () => {
		expect(anaRight.score).toBe(8);
		expect(anaWrong.score).toBe(7);
		const before = await scoreState(db);
		const report = await regrade({
			db,
			content: changed,
			attemptIds: 'all',
			classId: null,
			by: COMMAND,
			now: later(60)
		});
		expect(report).toMatchObject(expectedReport());
		expect(report.attempts).toHaveLength(2);

		expect(await answer(anaRight.id)).toMatchObject({ score: 0, override_comment: null });
		expect((JSON.parse((await answer(anaRight.id)).verdict!) as Verdict).score).toBe(0);
		expect(await answer(anaWrong.id)).toMatchObject({ score: 1 });
		expect(await scoreOf(anaRight.id)).toBe(7);
		expect(await scoreOf(anaWrong.id)).toBe(8);
		// Ben's override stands, and so does everything of his.
		expect(await answer(benOverridden.id)).toMatchObject({
			score: 0.5,
			override_comment: 'Half marks: the statement was ambiguous.'
		});
		expect(await scoreOf(benOverridden.id)).toBe(7.5);

		// Only those two answer rows and those two attempts changed.
		const after = await scoreState(db);
		const gone = (k: string) => before[k]!.filter((r) => !after[k]!.includes(r));
		expect(gone('quiz_answers')).toHaveLength(2);
		expect(gone('quiz_attempts')).toHaveLength(2);
		expect(gone('quiz_answers').every((r) => r.includes('"question_id":"b-true-false"'))).toBe(true);

		// The log and the run record.
		const changes = await db.kysely
			.selectFrom('score_changes')
			.selectAll()
			.where('kind', '=', 'regrade')
			.execute();
		expect(
			changes.map((c) => [c.attempt_id, c.old_score, c.new_score, c.regrade_id, c.by_name]).sort()
		).toEqual(
			[
				[anaRight.id, 1, 0, report.runId, 'command'],
				[anaWrong.id, 0, 1, report.runId, 'command']
			].sort()
		);
		const run = await db.kysely.selectFrom('regrade_runs').selectAll().executeTakeFirstOrThrow();
		expect(run).toMatchObject({
			id: report.runId,
			by_user_id: null,
			by_name: 'command',
			class_id: null,
			at: later(60).toISOString()
		});
		expect(JSON.parse(run.attempts)).toHaveLength(2);
		expect(JSON.parse(run.questions)).toEqual([`${FIXTURE_MODULE}/b-true-false`]);

		// The assignment keeps Ana's best attempt (now the second, 8 of 8); her beta mastery counts the new grades.
		const work = await db.kysely
			.selectFrom('assignment_work')
			.select('score')
			.where('assignment_id', '=', ASSIGNMENT)
			.where('user_id', '=', ana.userId)
			.executeTakeFirstOrThrow();
		expect(work.score).toBe(1);
		const mastery = await db.kysely
			.selectFrom('learner_mastery')
			.select('score')
			.where('learner_id', '=', ana.learnerId)
			.where('objective', '=', 'beta')
			.executeTakeFirstOrThrow();
		// Eight beta answers in two attempts, one wrong: the first attempt's b-true-false.
		expect(mastery.score).toBeCloseTo(7 / 8, 10);
	});

	it("a student's mastery and assignment score follow when their only attempt is regraded", async () => {
		const cleo = await addStudent(db, '00000000-0000-4000-8000-0000000000e3', 'Cleo');
		await gradedAttempt(db, content, cleo.learnerId, {}, 40);
		const masteryOf = async () =>
			(
				await db.kysely
					.selectFrom('learner_mastery')
					.select('score')
					.where('learner_id', '=', cleo.learnerId)
					.where('objective', '=', 'beta')
					.executeTakeFirstOrThrow()
			).score;
		const workOf = async () =>
			(
				await db.kysely
					.selectFrom('assignment_work')
					.select('score')
					.where('assignment_id', '=', ASSIGNMENT)
					.where('user_id', '=', cleo.userId)
					.executeTakeFirstOrThrow()
			).score;
		expect(await masteryOf()).toBe(1);
		expect(await workOf()).toBe(1);
		await regrade({ db, content: changed, attemptIds: 'all', classId: null, by: COMMAND, now: later(60) });
		// Four beta answers, b-true-false now wrong; 7 of 8 on the attempt.
		expect(await masteryOf()).toBeCloseTo(3 / 4, 10);
		expect(await workOf()).toBeCloseTo(7 / 8, 10);
	});

	it('a second run changes nothing more and still reports the kept override', async () => {
		await regrade({ db, content: changed, attemptIds: 'all', classId: null, by: COMMAND, now: later(60) });
		const before = await scoreState(db);
		const again = await regrade({
			db,
			content: changed,
			attemptIds: 'all',
			classId: null,
			by: COMMAND,
			now: later(70)
		});
		expect(again.attempts).toEqual([]);
		expect(again.kept).toHaveLength(1);
		const after = await scoreState(db);
		expect({ ...after, regrade_runs: [] }).toEqual({ ...before, regrade_runs: [] });
		expect(after.regrade_runs).toHaveLength(2);
	});

	it('under unchanged content nothing changes; a scoped run looks only at the attempts it is given', async () => {
		const same = await regrade({
			db,
			content,
			attemptIds: 'all',
			classId: null,
			by: COMMAND,
			now: later(60)
		});
		expect(same).toMatchObject({ questions: [], attempts: [], kept: [] });
		const scoped = await regrade({
			db,
			content: changed,
			attemptIds: [anaWrong.id],
			classId: null,
			by: COMMAND,
			now: later(61)
		});
		expect(scoped.attempts.map((a) => a.attemptId)).toEqual([anaWrong.id]);
		expect(await scoreOf(anaRight.id)).toBe(8);
	});
});
