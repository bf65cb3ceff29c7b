/**
 * Lesson progress in the database: the saved place per learner and lesson, and the event log. Every
 * function takes one object and acts for the learner it is given (routes pass locals.learner.id).
 */
import { grade } from '$lib/grading';
import type { LessonDefinition } from '$lib/lessons/cards';
import type { ProgressResponse } from '$lib/lessons/progress-events';
import { positionOf, type SavedLesson } from '$lib/lessons/snapshot';
import type { LessonStatus } from '$lib/lessons/lesson-status';
import type { Db } from '$lib/server/db';
import { onLessonChecksAnswered } from '$lib/server/effects';
import { passedFromAnswers, unfinishedChecks } from './run-answers';
import { lockLessonLog, overEventCaps } from './event-caps';
import type { ValidProgress } from './progress-request';

interface LessonKey {
	db: Db;
	learnerId: string;
	moduleId: string;
	lessonId: string;
}

export async function selectSavedLesson({
	db,
	learnerId,
	moduleId,
	lessonId
}: LessonKey): Promise<SavedLesson | null> {
	const row = await db.kysely
		.selectFrom('lesson_progress')
		.select(['version', 'run_id', 'snapshot'])
		.where((eb) => eb.and({ learner_id: learnerId, module_id: moduleId, lesson_id: lessonId }))
		.executeTakeFirst();
	if (!row) return null;
	let snapshot: unknown = null;
	try {
		snapshot = JSON.parse(row.snapshot);
	} catch {
		// An unreadable row restarts the lesson with a message rather than failing the page.
	}
	return { version: row.version, run: row.run_id, snapshot };
}

export type { LessonStatus };

/** Each lesson's status for one learner in one module, by lesson id (absent = not started). */
export async function selectLessonStatuses({
	db,
	learnerId,
	moduleId
}: Omit<LessonKey, 'lessonId'>): Promise<Map<string, LessonStatus>> {
	const rows = await db.kysely
		.selectFrom('lesson_progress')
		.select(['lesson_id', 'step', 'steps', 'done', 'completed_at'])
		.where('learner_id', '=', learnerId)
		.where('module_id', '=', moduleId)
		.execute();
	return new Map(
		rows.map((r): [string, LessonStatus] => [
			r.lesson_id,
			r.done
				? { state: 'completed' }
				: { state: 'in-progress', step: r.step, steps: r.steps, completedBefore: r.completed_at !== null }
		])
	);
}

/** A save refused before anything was written (the transaction rolls back): the route answers `status`. */
export class LessonProgressRefused extends Error {
	constructor(
		readonly status: 400 | 409 | 422 | 429,
		message: string
	) {
		super(message);
	}
}

/**
 * Saves the snapshot and records the events, in one transaction. Events already recorded (a replayed save)
 * are skipped, so a retry has exactly one effect. Throws LessonProgressRefused, having stored nothing, when
 * the save would take the learner past a cap of event-caps.ts (per run, per lesson and day), or marks the run
 * completed without a stored answer to every check.
 */
export async function recordLessonProgress({
	db,
	learnerId,
	moduleId,
	lesson,
	progress,
	now
}: Omit<LessonKey, 'lessonId'> & {
	lesson: LessonDefinition;
	progress: ValidProgress;
	now: Date;
}): Promise<ProgressResponse> {
	const at = now.toISOString();
	const { k, n } = positionOf(lesson, progress.snapshot.value);
	const done = progress.snapshot.status === 'done';
	return db.kysely.transaction().execute(async (trx) => {
		const key = { learner_id: learnerId, module_id: moduleId, lesson_id: lesson.id };
		await lockLessonLog(trx, db.engine, key);
		const ids = progress.events.map((e) => e.id);
		const replayed = new Set(
			ids.length
				? (
						await trx
							.selectFrom('lesson_events')
							.select('event_id')
							.where('learner_id', '=', learnerId)
							.where('event_id', 'in', ids)
							.execute()
					).map((r) => r.event_id)
				: []
		);
		const fresh = progress.events.filter((e) => !replayed.has(e.id)).length;
		const over = fresh > 0 ? await overEventCaps(trx, { key, run: progress.run, now, adding: fresh }) : null;
		if (over) throw new LessonProgressRefused(over.status, over.message);

		const graded: ProgressResponse['graded'] = [];
		let passed: boolean | undefined;
		let answered = false;
		const runAnswers = () =>
			trx
				.selectFrom('lesson_events')
				.select(['step_id', 'item_id', 'correct'])
				.where((eb) => eb.and(key))
				.where('run_id', '=', progress.run)
				.where('type', '=', 'check.answered')
				.execute();
		for (const [i, event] of progress.events.entries()) {
			const base = {
				...key,
				event_id: event.id,
				run_id: progress.run,
				type: event.type,
				created_at: at,
				batch_seq: i,
				step_id: null,
				item_id: null,
				response: null,
				correct: null,
				score: null,
				mastered: null
			};
			if (event.type === 'check.answered') {
				const verdict = grade(progress.questions.get(event.item)!, event.response);
				graded.push({ id: event.id, item: event.item, correct: verdict.correct });
				if (replayed.has(event.id)) continue;
				const values = {
					...base,
					step_id: event.step,
					item_id: event.item,
					response: JSON.stringify(event.response ?? null),
					correct: verdict.correct ? 1 : 0,
					score: verdict.score
				};
				// The first answer per (run, step, item) counts; a later one (Back, then the same check again, or a
				// replay under a new id) is kept as check.repeated, which nothing scores.
				const first = await trx
					.insertInto('lesson_events')
					.values(values)
					.onConflict((oc) => oc.doNothing())
					.executeTakeFirst();
				if (Number(first.numInsertedOrUpdatedRows ?? 0) > 0) answered = true;
				else
					await trx
						.insertInto('lesson_events')
						.values({ ...values, type: 'check.repeated' })
						.onConflict((oc) => oc.doNothing())
						.execute();
				continue;
			}
			if (replayed.has(event.id)) continue;
			let values;
			if (event.type === 'remediation.taken') {
				values = { ...base, step_id: event.step };
			} else {
				passed = passedFromAnswers(lesson, await runAnswers());
				values = { ...base, mastered: passed ? 1 : 0 };
			}
			await trx
				.insertInto('lesson_events')
				.values(values)
				.onConflict((oc) => oc.columns(['learner_id', 'event_id']).doNothing())
				.execute();
		}

		// Completed only on the server's record: every check of this run answered here, not as the snapshot claims.
		if (done) {
			const unfinished = unfinishedChecks(lesson, await runAnswers());
			if (unfinished.length)
				throw new LessonProgressRefused(
					422,
					`This run has no answer to ${unfinished.map((s) => `"${s}"`).join(', ')}: a lesson is completed by answering its checks. Nothing was saved.`
				);
		}
		const existing = await trx
			.selectFrom('lesson_progress')
			.select(['run_id', 'started_at', 'completed_at'])
			.where((eb) => eb.and(key))
			.executeTakeFirst();
		const row = {
			run_id: progress.run,
			version: progress.version,
			snapshot: JSON.stringify(progress.snapshot),
			step: k,
			steps: n,
			done: done ? 1 : 0,
			updated_at: at,
			started_at: existing && existing.run_id === progress.run ? existing.started_at : at,
			completed_at: existing?.completed_at ?? (done ? at : null)
		};
		if (existing) {
			await trx
				.updateTable('lesson_progress')
				.set(row)
				.where((eb) => eb.and(key))
				.execute();
		} else {
			await trx
				.insertInto('lesson_progress')
				.values({ ...key, ...row })
				.execute();
		}
		// Checks count toward the learner's mastery per objective (class dashboard): refreshed in this transaction.
		if (answered) await onLessonChecksAnswered(trx, learnerId);
		return { step: k, steps: n, done, graded, ...(passed === undefined ? {} : { passed }) };
	});
}
