/**
 * A learner's own data as JSON (issue 6, /progress/export.json): every row the app keeps about them, by
 * explicit picking. Scores and verdicts of attempts whose review has not opened yet (after-due) are left out,
 * as on the quiz pages; the progress view is included as the page shows it. An answer whose score an
 * instructor overrode says so, with their comment, their display name and when (issue 11, point 2).
 */
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { reviewOpen } from '$lib/server/quiz/timing';
import { studentProgress } from './student-progress';

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/**
 * The latest override of each of the learner's answers, by `attempt/question`, from the record of changes:
 * its by_name is the instructor's display name as it was then, kept even if their account is gone.
 */
async function overrideChanges(db: Db, learnerId: string) {
	const rows = await db.kysely
		.selectFrom('score_changes as sc')
		.innerJoin('quiz_attempts as a', 'a.id', 'sc.attempt_id')
		.select(['sc.attempt_id', 'sc.question_id', 'sc.by_name', 'sc.at'])
		.where('a.learner_id', '=', learnerId)
		.where('sc.kind', '=', 'override')
		.orderBy('sc.at')
		.orderBy('sc.id')
		.execute();
	// Oldest first, so the last one written per answer is the override in force.
	return new Map(rows.map((r) => [`${r.attempt_id}/${r.question_id}`, r]));
}

export async function learnerExport(input: { db: Db; content: ContentIndex; learnerId: string; now: Date }) {
	const { db, learnerId, now } = input;
	const [attempts, answers, overrides, lessons, events, cards, reviews, progress] = await Promise.all([
		db.kysely
			.selectFrom('quiz_attempts')
			.selectAll()
			.where('learner_id', '=', learnerId)
			.orderBy('started_at')
			.execute(),
		db.kysely
			.selectFrom('quiz_answers as qa')
			.innerJoin('quiz_attempts as a', 'a.id', 'qa.attempt_id')
			.select([
				'qa.attempt_id',
				'qa.question_id',
				'qa.response',
				'qa.saved_at',
				'qa.score',
				'qa.verdict',
				'qa.override_comment'
			])
			.where('a.learner_id', '=', learnerId)
			.execute(),
		overrideChanges(db, learnerId),
		db.kysely.selectFrom('lesson_progress').selectAll().where('learner_id', '=', learnerId).execute(),
		db.kysely
			.selectFrom('lesson_events')
			.select([
				'event_id',
				'module_id',
				'lesson_id',
				'type',
				'step_id',
				'item_id',
				'response',
				'correct',
				'score',
				'mastered',
				'created_at'
			])
			.where('learner_id', '=', learnerId)
			.orderBy('created_at')
			.orderBy('batch_seq')
			.execute(),
		db.kysely.selectFrom('review_cards').selectAll().where('learner_id', '=', learnerId).execute(),
		db.kysely
			.selectFrom('review_log')
			.selectAll()
			.where('learner_id', '=', learnerId)
			.orderBy('reviewed_at')
			.execute(),
		studentProgress(input)
	]);
	const open = new Map(attempts.map((a) => [a.id, reviewOpen(a, now)]));
	return {
		format: 'sourcebook-learner-export/1',
		exportedAt: now.toISOString(),
		learnerId,
		progress,
		quizAttempts: attempts.map((a) => ({
			id: a.id,
			moduleId: a.module_id,
			quizId: a.quiz_id,
			number: a.number,
			status: a.status,
			startedAt: a.started_at,
			submittedAt: a.submitted_at,
			submitReason: a.submit_reason,
			dueAt: a.due_at,
			score: open.get(a.id) ? a.score : null,
			maxScore: open.get(a.id) ? a.max_score : null,
			passed: open.get(a.id) && a.passed !== null ? a.passed === 1 : null,
			answers: answers
				.filter((r) => r.attempt_id === a.id)
				.map((r) => ({
					questionId: r.question_id,
					response: parse(r.response),
					savedAt: r.saved_at,
					score: open.get(a.id) ? r.score : null,
					correct:
						open.get(a.id) && r.verdict
							? ((parse(r.verdict) as { correct?: boolean }).correct ?? null)
							: null,
					override:
						open.get(a.id) && r.override_comment !== null
							? {
									comment: r.override_comment,
									byName: overrides.get(`${a.id}/${r.question_id}`)?.by_name ?? null,
									at: overrides.get(`${a.id}/${r.question_id}`)?.at ?? null
								}
							: null
				}))
		})),
		lessons: lessons.map((l) => ({
			moduleId: l.module_id,
			lessonId: l.lesson_id,
			step: l.step,
			steps: l.steps,
			done: l.done === 1,
			startedAt: l.started_at,
			updatedAt: l.updated_at,
			completedAt: l.completed_at
		})),
		lessonEvents: events.map((e) => ({
			id: e.event_id,
			moduleId: e.module_id,
			lessonId: e.lesson_id,
			type: e.type,
			stepId: e.step_id,
			itemId: e.item_id,
			response: parse(e.response),
			correct: e.correct === null ? null : e.correct === 1,
			score: e.score,
			mastered: e.mastered === null ? null : e.mastered === 1,
			at: e.created_at
		})),
		reviewCards: cards.map((c) => ({
			moduleId: c.module_id,
			questionId: c.question_id,
			origin: c.origin,
			missedAt: c.missed_at,
			dueAt: c.due_at,
			reps: c.reps,
			card: parse(c.card)
		})),
		reviews: reviews.map((r) => ({
			moduleId: r.module_id,
			questionId: r.question_id,
			shownQuestionId: r.shown_question_id,
			response: parse(r.response),
			score: r.score,
			reviewedAt: r.reviewed_at,
			nextDueAt: r.next_due_at
		}))
	};
}
