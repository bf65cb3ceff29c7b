/**
 * A class's instructor overrides (or undoes an override of) one answer's score in a student's attempt
 * (issue 11, point 2). Allowed exactly where the instructor may open the attempt (the rule in
 * student-work.ts and docs/classes.md): the student is a member of a class they own now, and the attempt
 * is of something that class was assigned. Anything else is the same 404 the attempt page gives.
 */
import type { ScoreChange } from '$lib/quiz/types';
import type { Db } from '$lib/server/db';
import type { Refusal } from '$lib/server/quiz/attempts';
import { overrideAnswer, undoOverride, type OverrideResult } from '$lib/server/quiz/overrides';
import type { Actor } from '$lib/server/quiz/score-changes';
import { ownedClassStudent, visibleAttempt } from './student-work';

export interface AnswerRef {
	classId: string;
	userId: string;
	attemptId: string;
	questionId: string;
}

const NOT_FOUND: Refusal = { ok: false, status: 404, message: 'No such attempt.' };

async function mayChange(db: Db, instructorId: string, ref: AnswerRef): Promise<boolean> {
	const student = await ownedClassStudent(db, { classId: ref.classId, instructorId, userId: ref.userId });
	if (!student) return false;
	return (await visibleAttempt(db, { classId: ref.classId, student, attemptId: ref.attemptId })) !== null;
}

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
	if (!(await mayChange(db, input.instructor.id, input))) return NOT_FOUND;
	return overrideAnswer({
		db,
		attemptId: input.attemptId,
		questionId: input.questionId,
		score: input.score,
		comment: input.comment,
		by: actor(input.instructor),
		now: input.now
	});
}

export async function undoClassOverride(
	db: Db,
	input: AnswerRef & { instructor: { id: string; displayName: string }; now: Date }
): Promise<OverrideResult> {
	if (!(await mayChange(db, input.instructor.id, input))) return NOT_FOUND;
	return undoOverride({
		db,
		attemptId: input.attemptId,
		questionId: input.questionId,
		by: actor(input.instructor),
		now: input.now
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
