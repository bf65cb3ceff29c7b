/**
 * A learner's scored answers, as mastery observations: lesson checks (lesson_events check.answered, graded on
 * the server when recorded) and quiz items of graded attempts whose review is open (an after-due attempt's
 * scores stay hidden until its review opens, here as on the quiz pages). Each answer is tied to its
 * question's objective through the content index.
 */
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { reviewOpen } from '$lib/server/quiz/timing';
import { mastery, type Mastery, type Observation } from '$lib/progress/mastery';

export interface ObjectiveObservation extends Observation {
	moduleId: string;
	objective: string;
	questionId: string;
}

export async function learnerObservations(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	now: Date;
}): Promise<ObjectiveObservation[]> {
	const { db, content, learnerId, now } = input;
	const [checks, answers] = await Promise.all([
		db.kysely
			.selectFrom('lesson_events')
			.select(['module_id', 'item_id', 'score', 'correct', 'created_at'])
			.where('learner_id', '=', learnerId)
			.where('type', '=', 'check.answered')
			.execute(),
		db.kysely
			.selectFrom('quiz_answers as qa')
			.innerJoin('quiz_attempts as a', 'a.id', 'qa.attempt_id')
			.select([
				'a.module_id',
				'qa.question_id',
				'qa.score',
				'a.submitted_at',
				'a.status',
				'a.feedback',
				'a.due_at',
				'a.extension_minutes',
				'a.review_opens_at'
			])
			.where('a.learner_id', '=', learnerId)
			.where('a.status', '=', 'graded')
			.execute()
	]);
	const out: ObjectiveObservation[] = [];
	for (const c of checks) {
		const q = c.item_id ? content.question(c.module_id, c.item_id) : undefined;
		if (!q) continue;
		out.push({
			moduleId: c.module_id,
			objective: q.objective,
			questionId: q.id,
			score: c.score ?? (c.correct ? 1 : 0),
			at: c.created_at,
			kind: 'lesson'
		});
	}
	for (const a of answers) {
		if (!reviewOpen(a, now)) continue;
		const q = content.question(a.module_id, a.question_id);
		if (!q || a.score === null) continue;
		out.push({
			moduleId: a.module_id,
			objective: q.objective,
			questionId: q.id,
			score: a.score,
			at: a.submitted_at ?? '',
			kind: 'quiz'
		});
	}
	return out;
}

/** Mastery per `module/objective` key. */
export function masteryByObjective(observations: readonly ObjectiveObservation[]): Map<string, Mastery> {
	const groups = new Map<string, ObjectiveObservation[]>();
	for (const o of observations) {
		const key = `${o.moduleId}/${o.objective}`;
		const list = groups.get(key);
		if (list) list.push(o);
		else groups.set(key, [o]);
	}
	return new Map([...groups].map(([key, list]) => [key, mastery(list)]));
}
