/**
 * A class's instructor overrides (or undoes an override of) one answer's score in a student's attempt
 * (issue 11, point 2). Allowed exactly where the instructor may open the attempt (the rule in
 * student-work.ts and docs/classes.md): the student is a member of a class they own now, and the attempt
 * is of something that class was assigned. Anything else is the same 404 the attempt page gives. The check
 * runs inside the transaction that writes the change, with the membership row share-locked on PostgreSQL,
 * so a student who leaves the class at that moment is either still a member for the whole write or refused.
 */
import type { ScoreChange } from '$lib/quiz/types';
import type { Db } from '$lib/server/db';
import { overrideAnswer, undoOverride, type Allowed, type OverrideResult } from '$lib/server/quiz/overrides';
import type { Actor } from '$lib/server/quiz/score-changes';
import { ownedClassStudent, visibleAttempt } from './student-work';

export interface AnswerRef {
	classId: string;
	userId: string;
	attemptId: string;
	questionId: string;
}

/** The docs/classes.md rule, checked with the write transaction's connection. */
const mayChange =
	(db: Db, instructorId: string, ref: AnswerRef): Allowed =>
	async (tx) => {
		const inTx: Db = { ...db, kysely: tx };
		const student = await ownedClassStudent(inTx, {
			classId: ref.classId,
			instructorId,
			userId: ref.userId,
			lock: true
		});
		if (!student) return false;
		const attempt = await visibleAttempt(inTx, { classId: ref.classId, student, attemptId: ref.attemptId });
		return attempt !== null;
	};

const actor = (user: { id: string; displayName: string }): Actor => ({
	userId: user.id,
	name: user.displayName
});

export async function overrideClassAnswer(
	db: Db,
	input: AnswerRef & {
		instructor: { id: string; displayName: string };
		score: number;
		comment: string;
		now: Date;
	}
): Promise<OverrideResult> {
	return overrideAnswer({
		db,
		attemptId: input.attemptId,
		questionId: input.questionId,
		score: input.score,
		comment: input.comment,
		by: actor(input.instructor),
		now: input.now,
		allowed: mayChange(db, input.instructor.id, input)
	});
}

export async function undoClassOverride(
	db: Db,
	input: AnswerRef & { instructor: { id: string; displayName: string }; now: Date }
): Promise<OverrideResult> {
	return undoOverride({
		db,
		attemptId: input.attemptId,
		questionId: input.questionId,
		by: actor(input.instructor),
		now: input.now,
		allowed: mayChange(db, input.instructor.id, input)
	});
}

/** Every change to the attempt's scores, oldest first (the caller has checked the instructor may see it). */
export async function attemptScoreChanges(db: Db, attemptId: string): Promise<ScoreChange[]> {
	const rows = await db.kysely
		.selectFrom('score_changes')
		.select(['question_id', 'kind', 'old_score', 'new_score', 'comment', 'by_name', 'at'])
		.where('attempt_id', '=', attemptId)
		.orderBy('at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		questionId: r.question_id,
		kind: r.kind,
		oldScore: r.old_score,
		newScore: r.new_score,
		comment: r.comment,
		byName: r.by_name,
		at: r.at
	}));
}
