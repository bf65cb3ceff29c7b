/**
 * Keys stay secret across contexts (issue 11, point 3). With eleven fresh cookies, self-study reviews of the
 * final quiz revealed the keys of all 20 questions of a classmate's still-open after-due assignment attempt.
 *
 * The rule (docs/progress.md, "Keys held for assignments"): while a question sits in an assignment attempt
 * that is not released yet, in any class, no page a learner sees shows its key, its option whys, its
 * explanation or its targeted feedback: not a self-study review, not immediate feedback, not the spaced
 * review. They still see whether they were right and the cited passage (not for evidence questions, whose
 * highlight is the answer). An attempt is released when its own student may see its review: at once for
 * immediate feedback (per checked question) and on-submit (once graded), at the class's release time for
 * after-due. Attempts of the viewer's own assignment do not hold its keys: one assignment's students are
 * released together, under the rules its teacher chose. Instructors' views are not held.
 */
import type { Db } from '$lib/server/db';
import type { KeyHold, QuestionReview } from '$lib/quiz/types';
import { attemptQuestionIds } from './attempts';
import { closing, reviewOpen, reviewOpensAt } from './timing';

/** Held questions of one module, by question id. */
export type HeldKeys = ReadonlyMap<string, KeyHold>;

export const NOTHING_HELD: HeldKeys = new Map();

/**
 * The questions of `moduleId` whose keys are held at `now`, with when they open (the latest release among
 * the attempts holding them; null while one of them is in progress with no deadline). `viewer` is the
 * attempt the page is about, if any: it and its assignment's attempts do not hold.
 */
export async function heldKeys(input: {
	db: Db;
	moduleId: string;
	now: Date;
	viewer?: { attemptId: string; assignmentId: string | null };
}): Promise<HeldKeys> {
	const { db, moduleId, now, viewer } = input;
	const nowIso = now.toISOString();
	const rows = await db.kysely
		.selectFrom('quiz_attempts')
		.select([
			'id',
			'assignment_id',
			'question_ids',
			'status',
			'feedback',
			'started_at',
			'time_limit_minutes',
			'due_at',
			'extension_minutes',
			'accept_late',
			'review_opens_at'
		])
		.where('module_id', '=', moduleId)
		.where('assignment_id', 'is not', null)
		// Graded attempts are held only under after-due, before their release (the JS below decides exactly).
		.where((eb) =>
			eb.or([
				eb('status', '=', 'open'),
				eb.and([
					eb('status', '=', 'graded'),
					eb('feedback', '=', 'after-due'),
					eb.or([
						eb('review_opens_at', '>', nowIso),
						eb.and([eb('review_opens_at', 'is', null), eb('due_at', 'is not', null)])
					])
				])
			])
		)
		.execute();
	const held = new Map<string, KeyHold>();
	for (const a of rows) {
		if (viewer && (a.id === viewer.attemptId || a.assignment_id === viewer.assignmentId)) continue;
		if (a.status === 'graded' && reviewOpen(a, now)) continue;
		const opens =
			a.feedback === 'after-due' ? reviewOpensAt(a) : a.status === 'open' ? (closing(a)?.at ?? null) : null;
		for (const id of attemptQuestionIds(a)) {
			const before = held.get(id);
			const until =
				before?.until === null || opens === null
					? null
					: [before?.until ?? '', opens.toISOString()].sort().at(-1)!;
			held.set(id, { until });
		}
	}
	return held;
}

/** What holds the keys a learner sees on the pages of their own attempt (its review, immediate feedback). */
export const heldForAttempt = (
	db: Db,
	attempt: { id: string; module_id: string; assignment_id: string | null },
	now: Date
) =>
	heldKeys({
		db,
		moduleId: attempt.module_id,
		now,
		viewer: { attemptId: attempt.id, assignmentId: attempt.assignment_id }
	});

/** The review as a learner may see it while `hold` holds the question: right or wrong, never why. */
export function withheld(review: QuestionReview, hold: KeyHold | undefined): QuestionReview {
	if (!hold) return review;
	return {
		...review,
		key: [],
		accepted: [],
		options: review.options.map((o) => ({ ...o, why: '', correct: false })),
		sentences: review.sentences.map((s) => ({ ...s, supports: false })),
		feedback: null,
		explanation: '',
		citations: review.type === 'evidence' ? [] : review.citations,
		held: hold
	};
}
