/**
 * The mastery table behind the class dashboard stays equal to the per-student rule (observations.ts +
 * mastery.ts) through everything that writes answers: a graded attempt, a lesson save, a learner merge, and
 * a content change at start-up. Real content, real services, both engines.
 */
import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '$lib/content/types';
import { keyResponse } from '$lib/grading';
import type { ContentIndex } from '$lib/server/content/content-index';
import { loadContent } from '$lib/server/content/load-content';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { mergeLearners } from '$lib/server/learner-tables';
import { recordLessonProgress } from '$lib/server/lessons/progress';
import { validateProgress } from '$lib/server/lessons/progress-request';
import { attemptQuestionIds, saveAnswers, startAttempt, submitAttempt } from '$lib/server/quiz/attempts';
import { rebuildLearnerMastery, syncMasteryIndex } from './mastery-index';
import { learnerObservations, masteryByObjective } from '$lib/server/progress/observations';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content must load for these tests');
const content = loaded.index;
const MODULE = 'treaty-2024';
const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const lineage = content.lesson(MODULE, 'lineage')!;

/** The same content with one question moved to another objective. */
function withMovedQuestion(questionId: string, objective: string): Pick<ContentIndex, 'modules'> {
	return {
		modules: content.modules.map((m) => ({
			...m,
			questions: m.questions.map((q) => (q.id === questionId ? { ...q, objective } : q))
		}))
	};
}

describe.each(testEngines())('the mastery table on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
		await syncMasteryIndex(db, content, T0);
	});
	afterEach(() => db.close());

	const table = async (learnerId?: string) =>
		(
			await db.kysely
				.selectFrom('learner_mastery')
				.selectAll()
				.$if(learnerId !== undefined, (q) => q.where('learner_id', '=', learnerId!))
				.orderBy('learner_id')
				.orderBy('objective')
				.execute()
		).map((r) => ({ ...r, score: Math.round(r.score * 1000) / 1000 }));

	/** What the student's own page computes, in the table's shape. */
	async function perStudentRule(learnerId: string) {
		const m = masteryByObjective(await learnerObservations({ db, content, learnerId, now: at(10_000) }));
		return [...m]
			.map(([key, v]) => ({
				learner_id: learnerId,
				module_id: key.split('/')[0],
				objective: key.split('/')[1],
				score: Math.round(v.score! * 1000) / 1000,
				answers: v.answers,
				quiz_answers: v.quizAnswers
			}))
			.sort((a, b) => a.objective!.localeCompare(b.objective!));
	}

	/** Takes the lineage quiz: the first `right` drawn questions answered with the key, the rest left blank. */
	async function takeLineageQuiz(learnerId: string, minute: number, right: number) {
		const started = await startAttempt({
			db,
			content,
			learnerId,
			quiz: content.quiz(MODULE, 'lineage')!,
			now: at(minute)
		});
		if (!started.ok) throw new Error(started.message);
		const ids = attemptQuestionIds(started.attempt).slice(0, right);
		const saved = await saveAnswers({
			db,
			content,
			learnerId,
			attemptId: started.attempt.id,
			responses: new Map(ids.map((id) => [id, keyResponse(content.question(MODULE, id) as Question)])),
			now: at(minute + 1)
		});
		if (!saved.ok) throw new Error(saved.message);
		const submitted = await submitAttempt({
			db,
			content,
			learnerId,
			attemptId: started.attempt.id,
			now: at(minute + 2)
		});
		if (!submitted.ok) throw new Error(submitted.message);
	}

	async function saveLineageLesson(learnerId: string, minute: number) {
		const { lesson, machine } = lineage;
		// Part way through: two answers do not complete the lesson (a completion needs every check answered).
		const snapshot = createActor(machine).start().getPersistedSnapshot();
		const progress = validateProgress(
			{
				version: lesson.version,
				run: 'run-00000001',
				snapshot,
				events: [
					{
						id: 'answer-01',
						type: 'check.answered',
						step: 'defence-clauses',
						item: 'l-lin-1961-defence',
						response: false
					},
					{
						id: 'answer-02',
						type: 'check.answered',
						step: 'order',
						item: 'l-lin-order-treaties',
						response: ['soviet', 'friendship', 'partnership']
					}
				]
			},
			lineage,
			(id) => content.question(MODULE, id)
		);
		if (!progress.ok) throw new Error(progress.message);
		await recordLessonProgress({
			db,
			learnerId,
			moduleId: MODULE,
			lesson,
			progress: progress.value,
			now: at(minute)
		});
	}

	it('builds the question → objective map once, and again only when the content moves a question', async () => {
		const learnerId = (await createLearner(db, T0)).learner.id;
		await takeLineageQuiz(learnerId, 0, 6);
		expect(
			await db.kysely
				.selectFrom('question_objectives')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirst()
		).toEqual({
			n: engine.name === 'postgres' ? '154' : 154
		});
		expect(await syncMasteryIndex(db, content, T0)).toBe(false);

		// A deploy moves one of the answered questions to "timeline": start-up rebuilds, and the answer counts there.
		const [moved] = (await db.kysely.selectFrom('quiz_answers').select('question_id').execute()).map(
			(r) => r.question_id
		);
		const changed = withMovedQuestion(moved!, 'timeline');
		expect(await syncMasteryIndex(db, changed, T0)).toBe(true);
		expect((await table(learnerId)).map((r) => [r.objective, r.answers])).toEqual([
			['lineage', 5],
			['timeline', 1]
		]);
		expect(await syncMasteryIndex(db, changed, T0)).toBe(false);
	});

	it('rebuilds once when several instances start together after a content change', async () => {
		const learnerId = (await createLearner(db, T0)).learner.id;
		await takeLineageQuiz(learnerId, 0, 6);
		const changed = withMovedQuestion(
			(await db.kysely.selectFrom('quiz_answers').select('question_id').executeTakeFirstOrThrow())
				.question_id,
			'timeline'
		);
		const rebuilt = await Promise.all([1, 2, 3].map(() => syncMasteryIndex(db, changed, T0)));
		expect(rebuilt.filter(Boolean)).toHaveLength(1);
		expect((await table(learnerId)).map((r) => [r.objective, r.answers])).toEqual([
			['lineage', 5],
			['timeline', 1]
		]);
	});

	it('takes a graded attempt in within its grading transaction: the last 10 answers count', async () => {
		const learnerId = (await createLearner(db, T0)).learner.id;
		await takeLineageQuiz(learnerId, 0, 6);
		expect(await table(learnerId)).toEqual([
			{
				learner_id: learnerId,
				module_id: MODULE,
				objective: 'lineage',
				score: 1,
				answers: 6,
				quiz_answers: 6
			}
		]);
		// A second attempt with 2 of 6 right: the newest 6 answers (2 right) and 4 of the first attempt's (all
		// right) → (2 + 4) / 10 = 0.6.
		await takeLineageQuiz(learnerId, 10, 2);
		expect(await table(learnerId)).toEqual([
			{
				learner_id: learnerId,
				module_id: MODULE,
				objective: 'lineage',
				score: 0.6,
				answers: 10,
				quiz_answers: 10
			}
		]);
		expect(await table(learnerId)).toEqual(await perStudentRule(learnerId));
	});

	it('takes lesson checks in when the lesson saves, at half weight', async () => {
		const learnerId = (await createLearner(db, T0)).learner.id;
		await saveLineageLesson(learnerId, 0);
		const rows = await table(learnerId);
		expect(rows).toEqual(await perStudentRule(learnerId));
		// One wrong and one right check, each weighing ½: 0.5 / 1 = 0.5 over 2 answers, none from quizzes.
		expect(rows.find((r) => r.objective === 'lineage')).toMatchObject({
			score: 0.5,
			answers: 2,
			quiz_answers: 0
		});
	});

	it('follows an anonymous learner into their account: lessons and quizzes move, mastery is recomputed', async () => {
		const anonymous = (await createLearner(db, T0)).learner.id;
		const account = (await createLearner(db, T0)).learner.id;
		await saveLineageLesson(anonymous, 0);
		await takeLineageQuiz(account, 5, 3);
		await db.kysely.transaction().execute((trx) => mergeLearners(trx, { from: anonymous, to: account }));

		expect(await table(anonymous)).toEqual([]);
		const merged = await table(account);
		expect(merged).toEqual(await perStudentRule(account));
		expect(merged.find((r) => r.objective === 'lineage')).toMatchObject({ answers: 8, quiz_answers: 6 });
		const lessons = await db.kysely
			.selectFrom('lesson_progress')
			.select(['learner_id', 'lesson_id'])
			.execute();
		expect(lessons).toEqual([{ learner_id: account, lesson_id: 'lineage' }]);
		// And a rebuild from scratch agrees with what the transactions kept.
		const kept = await table();
		await db.kysely.transaction().execute((trx) => rebuildLearnerMastery(trx));
		expect(await table()).toEqual(kept);
	});

	it('keeps the better lesson progress when both learners had the lesson: completed over in progress', async () => {
		const anonymous = (await createLearner(db, T0)).learner.id;
		const account = (await createLearner(db, T0)).learner.id;
		const row = (learner_id: string, done: number, updated: number) => ({
			learner_id,
			module_id: MODULE,
			lesson_id: 'lineage',
			run_id: `run-${learner_id.slice(0, 8)}`,
			version: 1,
			snapshot: '{}',
			step: done ? 7 : 2,
			steps: 7,
			done,
			started_at: at(0).toISOString(),
			updated_at: at(updated).toISOString(),
			completed_at: done ? at(updated).toISOString() : null
		});
		// The account's newer row is still in progress; the anonymous, older one is complete.
		await db.kysely
			.insertInto('lesson_progress')
			.values([row(anonymous, 1, 1), row(account, 0, 2), { ...row(anonymous, 0, 3), lesson_id: 'timeline' }])
			.execute();
		await db.kysely.transaction().execute((trx) => mergeLearners(trx, { from: anonymous, to: account }));
		const rows = await db.kysely
			.selectFrom('lesson_progress')
			.select(['learner_id', 'lesson_id', 'done'])
			.orderBy('lesson_id')
			.execute();
		expect(rows).toEqual([
			{ learner_id: account, lesson_id: 'lineage', done: 1 },
			{ learner_id: account, lesson_id: 'timeline', done: 0 }
		]);
	});
});
