/**
 * An instructor's override of one graded answer's score, and its undo (issue 11, point 2). The grader's own
 * score stays in the answer's verdict, every change gets a score_changes row, and the attempt's total, its
 * assignment and the learner's mastery follow in the same transaction. Who may do it is decided by the
 * caller ($lib/server/progress/answer-overrides.ts) through `allowed`, which runs inside that transaction so
 * that nothing can change the answer between the check and the write; this checks the attempt and the input.
 */
import type { Kysely } from 'kysely';
import type { Verdict } from '$lib/grading';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { onAttemptRescored } from '$lib/server/effects';
import { attemptQuestionIds, NOT_FOUND, type AttemptRow, type Refusal } from './attempts';
import { changeAnswerScore, retotalAttempt, type Actor } from './score-changes';

type Tx = Kysely<Database>;

export const MAX_COMMENT = 1000;
export const NOT_GRADED = 'This attempt is not graded yet: scores can be changed once it is submitted.';
export const NO_OVERRIDE = 'This answer has no override to undo.';
export const BAD_SCORE = 'The score must be a number of points from 0 to 1.';
export const NEED_COMMENT = `Say why the score changes: a comment of 1 to ${MAX_COMMENT} characters.`;

export type OverrideResult = { ok: true; attempt: AttemptRow } | Refusal;

/** The caller's permission check, run first inside the write transaction; false refuses with a 404. */
export type Allowed = (tx: Tx) => Promise<boolean>;

const refuse = (status: Refusal['status'], message: string): Refusal => ({ ok: false, status, message });

/** The attempt and the answer's row, locked for the transaction on PostgreSQL; a refusal when unusable. */
async function gradedAnswer(tx: Tx, db: Db, attemptId: string, questionId: string) {
	const query = tx.selectFrom('quiz_attempts').selectAll().where('id', '=', attemptId);
	const attempt = await (db.engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
	if (!attempt) return refuse(404, NOT_FOUND);
	if (!attemptQuestionIds(attempt).includes(questionId))
		return refuse(404, 'No such question in this attempt.');
	if (attempt.status !== 'graded') return refuse(409, NOT_GRADED);
	const row = await tx
		.selectFrom('quiz_answers')
		.selectAll()
		.where('attempt_id', '=', attemptId)
		.where('question_id', '=', questionId)
		.executeTakeFirst();
	if (!row || row.score === null) return refuse(409, NOT_GRADED);
	return { attempt, row, score: row.score };
}

/** The score the grader gave (kept in the verdict), which an undo restores. */
const gradersScore = (verdict: string | null, fallback: number) =>
	verdict ? (JSON.parse(verdict) as Verdict).score : fallback;

export async function overrideAnswer(input: {
	db: Db;
	attemptId: string;
	questionId: string;
	score: number;
	comment: string;
	by: Actor;
	now: Date;
	allowed?: Allowed;
}): Promise<OverrideResult> {
	const comment = input.comment.trim();
	if (!Number.isFinite(input.score) || input.score < 0 || input.score > 1) return refuse(422, BAD_SCORE);
	if (comment.length === 0 || comment.length > MAX_COMMENT) return refuse(422, NEED_COMMENT);
	const newScore = Math.round(input.score * 10_000) / 10_000 + 0;
	return input.db.kysely.transaction().execute(async (tx) => {
		if (input.allowed && !(await input.allowed(tx))) return refuse(404, NOT_FOUND);
		const found = await gradedAnswer(tx, input.db, input.attemptId, input.questionId);
		if ('ok' in found) return found;
		const at = input.now.toISOString();
		await changeAnswerScore(tx, {
			attemptId: input.attemptId,
			questionId: input.questionId,
			kind: 'override',
			oldScore: found.score,
			newScore,
			comment,
			by: input.by,
			at,
			set: { override_comment: comment, overridden_by: input.by.userId, overridden_at: at }
		});
		const attempt = await retotalAttempt(tx, found.attempt, newScore - found.score);
		await onAttemptRescored(tx, attempt);
		return { ok: true as const, attempt };
	});
}

export async function undoOverride(input: {
	db: Db;
	attemptId: string;
	questionId: string;
	by: Actor;
	now: Date;
	allowed?: Allowed;
}): Promise<OverrideResult> {
	return input.db.kysely.transaction().execute(async (tx) => {
		if (input.allowed && !(await input.allowed(tx))) return refuse(404, NOT_FOUND);
		const found = await gradedAnswer(tx, input.db, input.attemptId, input.questionId);
		if ('ok' in found) return found;
		if (found.row.override_comment === null) return refuse(409, NO_OVERRIDE);
		const newScore = gradersScore(found.row.verdict, found.score);
		await changeAnswerScore(tx, {
			attemptId: input.attemptId,
			questionId: input.questionId,
			kind: 'undo',
			oldScore: found.score,
			newScore,
			comment: null,
			by: input.by,
			at: input.now.toISOString(),
			set: { override_comment: null, overridden_by: null, overridden_at: null }
		});
		const attempt = await retotalAttempt(tx, found.attempt, newScore - found.score);
		await onAttemptRescored(tx, attempt);
		return { ok: true as const, attempt };
	});
}
