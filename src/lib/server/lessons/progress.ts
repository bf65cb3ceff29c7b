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

/**
 * Mastery from the answers stored for one run (graded here, not by the browser): every check's first
 * answer right, or its first answer wrong and the first answer to its re-check item right.
 */
export function masteredFromAnswers(
	lesson: LessonDefinition,
	answers: { step_id: string | null; item_id: string | null; correct: number | null }[]
): boolean {
	return lesson.steps.every(({ id, card }) => {
		if (card.kind !== 'check' && card.kind !== 'scenario') return true;
		const first = (item: string) => answers.find((a) => a.step_id === id && a.item_id === item);
		const ask = first(card.item);
		if (!ask) return false;
		return ask.correct === 1 || first(card.retryItem)?.correct === 1;
	});
}

/**
 * Saves the snapshot and records the events, in one transaction. Events already recorded (a replayed save)
 * are skipped, so a retry has exactly one effect.
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

		const graded: ProgressResponse['graded'] = [];
		let mastered: boolean | undefined;
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
			let values;
			if (event.type === 'check.answered') {
				const verdict = grade(progress.questions.get(event.item)!, event.response);
				graded.push({ id: event.id, item: event.item, correct: verdict.correct });
				values = {
					...base,
					step_id: event.step,
					item_id: event.item,
					response: JSON.stringify(event.response ?? null),
					correct: verdict.correct ? 1 : 0,
					score: verdict.score
				};
			} else if (event.type === 'remediation.taken') {
				values = { ...base, step_id: event.step };
			} else {
				const answers = await trx
					.selectFrom('lesson_events')
					.select(['step_id', 'item_id', 'correct'])
					.where((eb) => eb.and(key))
					.where('run_id', '=', progress.run)
					.where('type', '=', 'check.answered')
					.orderBy('created_at')
					.orderBy('batch_seq')
					.execute();
				mastered = masteredFromAnswers(lesson, answers);
				values = { ...base, mastered: mastered ? 1 : 0 };
			}
			await trx
				.insertInto('lesson_events')
				.values(values)
				.onConflict((oc) => oc.columns(['learner_id', 'event_id']).doNothing())
				.execute();
		}
		// Checks count toward the learner's mastery per objective (class dashboard): refreshed in this transaction.
		if (progress.events.some((e) => e.type === 'check.answered'))
			await onLessonChecksAnswered(trx, learnerId);
		return { step: k, steps: n, done, graded, ...(mastered === undefined ? {} : { mastered }) };
	});
}
