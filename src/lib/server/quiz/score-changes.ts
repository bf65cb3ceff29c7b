/**
 * The one way a graded answer's score changes after grading (issue 11, point 2): the answer's row takes the
 * new score, score_changes takes a row saying from what to what, why, by whom and when, and the attempt's
 * total moves by the difference. Callers run this inside their transaction and then report the attempt
 * once to effects (onAttemptRescored), which moves its assignment and the learner's mastery.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import type { Database, QuizAnswerTable, ScoreChangeKind } from '$lib/server/db/schema';
import type { AttemptRow } from './attempts';

type Tx = Kysely<Database>;

/** Who changed a score: an instructor, or the regrade command (userId null). */
export interface Actor {
	userId: string | null;
	name: string;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000 + 0;

export async function changeAnswerScore(
	tx: Tx,
	input: {
		attemptId: string;
		questionId: string;
		kind: ScoreChangeKind;
		oldScore: number;
		newScore: number;
		comment: string | null;
		by: Actor;
		at: string;
		regradeId?: string;
		/** Other columns of the answer's row to set with the score (the override, a new verdict). */
		set: Omit<Updateable<QuizAnswerTable>, 'score' | 'attempt_id' | 'question_id'>;
	}
): Promise<void> {
	await tx
		.updateTable('quiz_answers')
		.set({ ...input.set, score: input.newScore })
		.where('attempt_id', '=', input.attemptId)
		.where('question_id', '=', input.questionId)
		.execute();
	await tx
		.insertInto('score_changes')
		.values({
			id: randomUUID(),
			attempt_id: input.attemptId,
			question_id: input.questionId,
			kind: input.kind,
			old_score: input.oldScore,
			new_score: input.newScore,
			comment: input.comment,
			by_user_id: input.by.userId,
			by_name: input.by.name,
			regrade_id: input.regradeId ?? null,
			at: input.at
		})
		.execute();
}

/** Moves a graded attempt's total by `delta` (the sum of its answers' changes) and re-decides pass or fail. */
export async function retotalAttempt(tx: Tx, attempt: AttemptRow, delta: number): Promise<AttemptRow> {
	const max = attempt.max_score ?? 0;
	const score = round(Math.min(max, Math.max(0, (attempt.score ?? 0) + delta)));
	const passed = max > 0 && (100 * score) / max >= attempt.pass_mark - 1e-9 ? 1 : 0;
	await tx.updateTable('quiz_attempts').set({ score, passed }).where('id', '=', attempt.id).execute();
	return { ...attempt, score, passed };
}
