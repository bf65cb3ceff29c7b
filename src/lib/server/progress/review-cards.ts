/**
 * Spaced review of mistakes (issue 6). A missed item becomes an FSRS card (review-schedule.ts), one per
 * learner and question:
 *
 * - quiz items scoring below full credit, once their attempt is graded and its review is open (so a card
 *   never shows the key of an item whose review is still closed);
 * - lesson checks answered wrong.
 *
 * Cards are created lazily: `syncReviewCards` runs when the learner opens /review or the catalog, and inserts
 * the missing cards in one transaction with ON CONFLICT DO NOTHING, so it is idempotent and the quiz and
 * lesson code paths stay untouched (an after-due review that opens later needs no event to create its cards).
 * A later miss of an item that already has a card does not add a second one.
 *
 * A review shows a practice variant that cites the same passage (same source and paragraph) when one exists,
 * rotating through them by the card's rep count, else the missed item itself. The answer is graded on the
 * server with grade(); the card update is conditional on the rep count the form was built for, so a replayed
 * post has no effect.
 */
import { toPublicQuestion, type PublicQuestion } from '$lib/content/public';
import type { Question } from '$lib/content/types';
import { grade, type Verdict } from '$lib/grading';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { ReviewCardTable } from '$lib/server/db/schema';
import { reviewOpen } from '$lib/server/quiz/timing';
import { newReviewCard, review, type StoredCard } from './review-schedule';

/** A short daily session: at most this many reviews per UTC day. */
export const DAILY_REVIEWS = 10;

export type ReviewCardRow = ReviewCardTable;

export async function syncReviewCards(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	now: Date;
}): Promise<number> {
	const { db, content, learnerId, now } = input;
	// Read first, outside a transaction: a page with no card to add (most visits, and every visitor with
	// nothing stored) writes nothing, and still answers while another process holds the SQLite database.
	// Two syncs at once may find the same cards missing; ON CONFLICT keeps one.
	const [quizMisses, lessonMisses, existing] = await Promise.all([
		db.kysely
			.selectFrom('quiz_answers as qa')
			.innerJoin('quiz_attempts as a', 'a.id', 'qa.attempt_id')
			.select([
				'a.module_id',
				'qa.question_id',
				'a.submitted_at',
				'a.status',
				'a.feedback',
				'a.due_at',
				'a.extension_minutes',
				'a.review_opens_at'
			])
			.where('a.learner_id', '=', learnerId)
			.where('a.status', '=', 'graded')
			.where('qa.score', '<', 1)
			.execute(),
		db.kysely
			.selectFrom('lesson_events')
			.select(['module_id', 'item_id', 'created_at'])
			.where('learner_id', '=', learnerId)
			.where('type', '=', 'check.answered')
			.where('correct', '=', 0)
			.execute(),
		db.kysely
			.selectFrom('review_cards')
			.select(['module_id', 'question_id'])
			.where('learner_id', '=', learnerId)
			.execute()
	]);
	const have = new Set(existing.map((c) => `${c.module_id}/${c.question_id}`));
	const wanted = new Map<
		string,
		{ module_id: string; question_id: string; origin: 'quiz' | 'lesson'; at: string }
	>();
	const want = (moduleId: string, questionId: string, origin: 'quiz' | 'lesson', at: string) => {
		const key = `${moduleId}/${questionId}`;
		if (have.has(key) || !content.question(moduleId, questionId)) return;
		const prior = wanted.get(key);
		if (!prior || at < prior.at)
			wanted.set(key, { module_id: moduleId, question_id: questionId, origin, at });
	};
	for (const m of quizMisses)
		if (reviewOpen(m, now)) want(m.module_id, m.question_id, 'quiz', m.submitted_at ?? '');
	for (const m of lessonMisses) if (m.item_id) want(m.module_id, m.item_id, 'lesson', m.created_at);
	const at = now.toISOString();
	const rows = [...wanted.values()].map((w) => {
		const card = newReviewCard(now);
		return {
			learner_id: learnerId,
			module_id: w.module_id,
			question_id: w.question_id,
			origin: w.origin,
			missed_at: w.at,
			card: JSON.stringify(card),
			due_at: card.due,
			reps: 0,
			created_at: at,
			updated_at: at
		};
	});
	if (rows.length === 0) return 0;
	await db.kysely.transaction().execute(async (trx) => {
		for (let i = 0; i < rows.length; i += 100) {
			await trx
				.insertInto('review_cards')
				.values(rows.slice(i, i + 100))
				.onConflict((oc) => oc.columns(['learner_id', 'module_id', 'question_id']).doNothing())
				.execute();
		}
	});
	return rows.length;
}

const startOfDay = (now: Date) => `${now.toISOString().slice(0, 10)}T00:00:00.000Z`;

export async function countDueReviews(input: { db: Db; learnerId: string; now: Date }): Promise<number> {
	const row = await input.db.kysely
		.selectFrom('review_cards')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('learner_id', '=', input.learnerId)
		.where('due_at', '<=', input.now.toISOString())
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export async function reviewsDoneToday(input: { db: Db; learnerId: string; now: Date }): Promise<number> {
	const row = await input.db.kysely
		.selectFrom('review_log')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('learner_id', '=', input.learnerId)
		.where('reviewed_at', '>=', startOfDay(input.now))
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Practice questions citing the same passage (source + paragraph) as `q`, in bank order. */
export function practiceVariants(content: ContentIndex, moduleId: string, q: Question): Question[] {
	const passages = new Set(q.citations.map((c) => `${c.source}#${c.paragraph}`));
	return (content.module(moduleId)?.questions ?? []).filter(
		(other) =>
			other.id !== q.id &&
			other.use === 'practice' &&
			other.citations.some((c) => passages.has(`${c.source}#${c.paragraph}`))
	);
}

/** What a card shows at its current rep: the next practice variant, else the missed item. */
export function shownQuestion(
	content: ContentIndex,
	card: Pick<ReviewCardRow, 'module_id' | 'question_id' | 'reps'>
): Question | null {
	const missed = content.question(card.module_id, card.question_id);
	if (!missed) return null;
	const variants = practiceVariants(content, card.module_id, missed);
	return variants.length ? variants[card.reps % variants.length]! : missed;
}

export interface DueReview {
	moduleId: string;
	/** Cards of every module share one queue, so each says where it comes from. */
	moduleTitle: string;
	objectiveTitle: string;
	questionId: string;
	rep: number;
	origin: 'quiz' | 'lesson';
	missedAt: string;
	variant: boolean;
	question: PublicQuestion;
	missedPrompt: string;
}

/** The first due card (oldest due date first) as the page shows it, or null. */
export async function nextDueReview(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	now: Date;
}): Promise<DueReview | null> {
	const cards = await input.db.kysely
		.selectFrom('review_cards')
		.selectAll()
		.where('learner_id', '=', input.learnerId)
		.where('due_at', '<=', input.now.toISOString())
		.orderBy('due_at')
		.orderBy('module_id')
		.orderBy('question_id')
		.limit(20)
		.execute();
	for (const card of cards) {
		const shown = shownQuestion(input.content, card);
		const missed = input.content.question(card.module_id, card.question_id);
		const mod = input.content.module(card.module_id);
		if (!shown || !missed || !mod) continue;
		return {
			moduleId: card.module_id,
			moduleTitle: mod.title,
			objectiveTitle: mod.objectives.find((o) => o.id === shown.objective)?.title ?? shown.objective,
			questionId: card.question_id,
			rep: card.reps,
			origin: card.origin,
			missedAt: card.missed_at,
			variant: shown.id !== missed.id,
			question: toPublicQuestion(shown),
			missedPrompt: missed.prompt
		};
	}
	return null;
}

export type RecordResult =
	| { ok: true; question: Question; verdict: Verdict; nextDue: string }
	| { ok: false; status: 404 | 409 | 422; message: string };

/**
 * Grades one review and moves the card's schedule, in one transaction. Refused without change when the card
 * is not the learner's (404), not due or already reviewed at this rep (409), or `shownId` is not what the card
 * shows now (422).
 */
export async function recordReview(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	moduleId: string;
	questionId: string;
	rep: number;
	shownId: string;
	response: unknown;
	now: Date;
}): Promise<RecordResult> {
	const { db, content, learnerId, moduleId, questionId, rep, now } = input;
	return db.kysely.transaction().execute(async (tx): Promise<RecordResult> => {
		const card = await tx
			.selectFrom('review_cards')
			.selectAll()
			.where('learner_id', '=', learnerId)
			.where('module_id', '=', moduleId)
			.where('question_id', '=', questionId)
			.executeTakeFirst();
		if (!card) return { ok: false, status: 404, message: 'No such review card.' };
		if (card.reps !== rep)
			return { ok: false, status: 409, message: 'This review has already been recorded.' };
		if (card.due_at > now.toISOString())
			return { ok: false, status: 409, message: 'This card is not due yet.' };
		const shown = shownQuestion(content, card);
		if (!shown || shown.id !== input.shownId)
			return { ok: false, status: 422, message: 'That question is not the one this review shows.' };
		const verdict = grade(shown, input.response);
		const next = review(JSON.parse(card.card) as StoredCard, verdict.score, now);
		const at = now.toISOString();
		const updated = await tx
			.updateTable('review_cards')
			.set({ card: JSON.stringify(next), due_at: next.due, reps: rep + 1, updated_at: at })
			.where('learner_id', '=', learnerId)
			.where('module_id', '=', moduleId)
			.where('question_id', '=', questionId)
			.where('reps', '=', rep)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1)
			return { ok: false, status: 409, message: 'This review has already been recorded.' };
		await tx
			.insertInto('review_log')
			.values({
				learner_id: learnerId,
				module_id: moduleId,
				question_id: questionId,
				rep,
				shown_question_id: shown.id,
				response: input.response === undefined ? null : JSON.stringify(input.response),
				score: verdict.score,
				reviewed_at: at,
				next_due_at: next.due
			})
			.execute();
		return { ok: true, question: shown, verdict, nextDue: next.due };
	});
}
