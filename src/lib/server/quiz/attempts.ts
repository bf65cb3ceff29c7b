/**
 * Quiz attempts in the database: start (within the attempt limit), save answers (autosave and form),
 * check one answer (immediate feedback), submit (idempotent) and settle attempts whose time ran out.
 * Every function takes one object, checks that the attempt belongs to the learner, and re-checks on the
 * server what the page enforces. A refusal is returned (never thrown) with its HTTP status, and changes
 * nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Quiz } from '$lib/content/types';
import { grade } from '$lib/grading';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { Database, QuizAnswerTable, QuizAttemptTable } from '$lib/server/db/schema';
import { isUniqueViolation } from '$lib/server/db/errors';
import { drawAttempt, drawFromForm, newSeed, type DrawnAttempt, type QuestionOrder } from './draw';
import { ensureAssignmentForm } from './fixed-forms';
import { checkResponse } from './responses';
import { onAttemptGraded, onAttemptStarted } from '$lib/server/effects';
import { acceptsWork, closing, GRACE_MS } from './timing';

export type AttemptRow = Selectable<QuizAttemptTable>;
export type AnswerRow = Selectable<QuizAnswerTable>;
export type Refusal = { ok: false; status: 400 | 404 | 409 | 422; message: string };

type Tx = Kysely<Database>;

const refuse = (status: Refusal['status'], message: string): Refusal => ({ ok: false, status, message });

export const NOT_FOUND = 'No such attempt.';
export const SUBMITTED = 'This attempt has been submitted: its answers can no longer change.';
export const TIME_UP =
	'Time is up for this attempt: answers can no longer change. Your saved answers were graded.';

export const attemptQuestionIds = (a: Pick<AttemptRow, 'question_ids'>): string[] =>
	JSON.parse(a.question_ids);
export const attemptOrders = (a: Pick<AttemptRow, 'orders'>): Record<string, QuestionOrder> =>
	JSON.parse(a.orders);
/** A stored response, or undefined when there is none (never saved, or cleared). */
export const storedResponse = (row: Pick<AnswerRow, 'response'> | undefined): unknown =>
	row?.response == null ? undefined : JSON.parse(row.response);

/** The learner's attempt, locked for the rest of the transaction on PostgreSQL (SQLite serialises writers). */
async function lockAttempt(
	tx: Tx,
	db: Db,
	learnerId: string,
	attemptId: string
): Promise<AttemptRow | undefined> {
	const query = tx
		.selectFrom('quiz_attempts')
		.selectAll()
		.where('id', '=', attemptId)
		.where('learner_id', '=', learnerId);
	return (db.engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

export async function findAttempt(input: {
	db: Db;
	learnerId: string;
	attemptId: string;
}): Promise<AttemptRow | null> {
	const row = await input.db.kysely
		.selectFrom('quiz_attempts')
		.selectAll()
		.where('id', '=', input.attemptId)
		.where('learner_id', '=', input.learnerId)
		.executeTakeFirst();
	return row ?? null;
}

export async function listAttempts(input: {
	db: Db;
	learnerId: string;
	moduleId?: string;
	quizId?: string;
}): Promise<AttemptRow[]> {
	let query = input.db.kysely
		.selectFrom('quiz_attempts')
		.selectAll()
		.where('learner_id', '=', input.learnerId);
	if (input.moduleId) query = query.where('module_id', '=', input.moduleId);
	if (input.quizId) query = query.where('quiz_id', '=', input.quizId);
	return query.orderBy('module_id').orderBy('quiz_id').orderBy('number').execute();
}

export async function answersOf(input: { db: Db; attemptId: string }): Promise<Map<string, AnswerRow>> {
	const rows = await input.db.kysely
		.selectFrom('quiz_answers')
		.selectAll()
		.where('attempt_id', '=', input.attemptId)
		.execute();
	return new Map(rows.map((r) => [r.question_id, r]));
}

/**
 * Grades an attempt this transaction has just claimed (status set to graded by a conditional UPDATE):
 * every drawn question against its saved answer, unanswered ones scoring 0. Questions removed from the
 * content since the attempt started are left out of the score and the maximum.
 */
async function gradeClaimed(
	tx: Tx,
	content: ContentIndex,
	attempt: AttemptRow,
	reason: NonNullable<AttemptRow['submit_reason']>,
	submittedAt: Date
): Promise<AttemptRow> {
	const answers = await tx
		.selectFrom('quiz_answers')
		.selectAll()
		.where('attempt_id', '=', attempt.id)
		.execute();
	const byQuestion = new Map(answers.map((a) => [a.question_id, a]));
	let score = 0;
	let max = 0;
	for (const id of attemptQuestionIds(attempt)) {
		const question = content.question(attempt.module_id, id);
		if (!question) continue;
		const row = byQuestion.get(id);
		const verdict = grade(question, storedResponse(row));
		score += verdict.score;
		max += verdict.max;
		const graded = { score: verdict.score, verdict: JSON.stringify(verdict) };
		if (row) {
			await tx
				.updateTable('quiz_answers')
				.set(graded)
				.where('attempt_id', '=', attempt.id)
				.where('question_id', '=', id)
				.execute();
		} else {
			await tx
				.insertInto('quiz_answers')
				.values({
					attempt_id: attempt.id,
					question_id: id,
					response: null,
					revision: 0,
					saved_at: submittedAt.toISOString(),
					checked_at: null,
					...graded
				})
				.execute();
		}
	}
	score = Math.round(score * 10_000) / 10_000;
	const result = {
		score,
		max_score: max,
		passed: max > 0 && (100 * score) / max >= attempt.pass_mark - 1e-9 ? 1 : 0,
		submit_reason: reason,
		submitted_at: submittedAt.toISOString()
	};
	await tx.updateTable('quiz_attempts').set(result).where('id', '=', attempt.id).execute();
	const graded: AttemptRow = { ...attempt, ...result, status: 'graded' };
	// In the same transaction: the assignment's status and score move with the grade, exactly once, and the
	// learner's mastery per objective takes the new answers in (the class dashboard reads it).
	await onAttemptGraded(tx, graded);
	return graded;
}

/**
 * Claims an open attempt with one conditional UPDATE … WHERE status = 'open' and grades it in the same
 * transaction. Exactly one of any number of concurrent claims succeeds; the others get null.
 */
async function claimAndGrade(
	tx: Tx,
	content: ContentIndex,
	input: { learnerId: string; attemptId: string; now: Date }
): Promise<AttemptRow | null> {
	const claimed = await tx
		.updateTable('quiz_attempts')
		.set({ status: 'graded', submitted_at: input.now.toISOString() })
		.where('id', '=', input.attemptId)
		.where('learner_id', '=', input.learnerId)
		.where('status', '=', 'open')
		.returningAll()
		.executeTakeFirst();
	if (!claimed) return null;
	// A submit within the grace period still counts as the learner's; later, the saved answers are graded as
	// they stood when the attempt closed.
	const closes = closing(claimed);
	const late = closes !== null && input.now.getTime() > closes.at.getTime() + GRACE_MS;
	return gradeClaimed(tx, content, claimed, late ? closes.reason : 'learner', late ? closes.at : input.now);
}

export type StartResult = { ok: true; attempt: AttemptRow; resumed: boolean } | Refusal;

/**
 * The rules an assignment puts on its attempts (issue 5): they replace the blueprint's, and attempts are
 * counted per assignment. The caller ($lib/server/classes/assigned-quizzes.ts) has checked the open date,
 * membership and the late policy.
 */
export interface AttemptAssignment {
	id: string;
	attemptsAllowed: number;
	timeLimitMinutes: number | null;
	feedback: Quiz['feedback'];
	/** The student's own due date (extension included). */
	dueAt: string;
	acceptLate: boolean;
	reviewOpensAt: string | null;
	/** Every attempt under the assignment gets its fixed form's questions, in its own order (./fixed-forms.ts). */
	sameQuestions?: boolean;
}

/**
 * Starts an attempt, or resumes the learner's open one. Refused (409) beyond the attempt limit (the
 * blueprint's, or the assignment's counted over that assignment's attempts only); the unique
 * (learner, quiz, number) key stops two parallel starts from both getting through.
 */
export async function startAttempt(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	quiz: Quiz;
	now: Date;
	seed?: number;
	assignment?: AttemptAssignment;
}): Promise<StartResult> {
	const { db, content, learnerId, quiz, now } = input;
	const mod = content.module(quiz.moduleId);
	if (!mod) return refuse(404, 'No such module.');
	for (let tries = 0; ; tries++) {
		try {
			return await db.kysely.transaction().execute(async (tx): Promise<StartResult> => {
				const all = await tx
					.selectFrom('quiz_attempts')
					.selectAll()
					.where('learner_id', '=', learnerId)
					.where('module_id', '=', quiz.moduleId)
					.where('quiz_id', '=', quiz.id)
					.orderBy('number')
					.execute();
				// Self-study and each assignment keep their own attempts (and limits); numbers stay unique.
				const assigned = input.assignment;
				const previous = all.filter((a) => a.assignment_id === (assigned?.id ?? null));
				for (const attempt of previous) {
					if (attempt.status !== 'open') continue;
					if (acceptsWork(attempt, now)) return { ok: true, attempt, resumed: true };
					await claimAndGrade(tx, content, { learnerId, attemptId: attempt.id, now });
				}
				const allowed = assigned ? assigned.attemptsAllowed : quiz.attemptsAllowed;
				if (previous.length >= allowed) {
					return refuse(409, `You have used all ${allowed} attempt${allowed === 1 ? '' : 's'} at this quiz.`);
				}
				const seed = input.seed ?? newSeed();
				let drawn: DrawnAttempt;
				if (assigned?.sameQuestions) {
					// The class's one form (the first start fixes it); retakes draw it again, not unseen items.
					const form = await ensureAssignmentForm(tx, {
						assignmentId: assigned.id,
						quizId: quiz.id,
						draw: () => drawAttempt({ quiz, questions: mod.questions, seed }).questionIds,
						now
					});
					drawn = drawFromForm({ form, questions: mod.questions, seed });
				} else {
					const seen = new Map<string, number>();
					for (const a of previous)
						for (const id of attemptQuestionIds(a)) seen.set(id, (seen.get(id) ?? 0) + 1);
					drawn = drawAttempt({ quiz, questions: mod.questions, seed, seen });
				}
				const attempt: AttemptRow = {
					id: randomUUID(),
					learner_id: learnerId,
					module_id: quiz.moduleId,
					quiz_id: quiz.id,
					number: (all.at(-1)?.number ?? 0) + 1,
					status: 'open',
					seed: drawn.seed,
					question_ids: JSON.stringify(drawn.questionIds),
					orders: JSON.stringify(drawn.orders),
					feedback: assigned ? assigned.feedback : quiz.feedback,
					pass_mark: quiz.passMark,
					time_limit_minutes: assigned ? assigned.timeLimitMinutes : quiz.timeLimitMinutes,
					started_at: now.toISOString(),
					due_at: assigned ? assigned.dueAt : null,
					extension_minutes: 0,
					submitted_at: null,
					submit_reason: null,
					score: null,
					max_score: null,
					passed: null,
					assignment_id: assigned ? assigned.id : null,
					accept_late: assigned?.acceptLate ? 1 : 0,
					review_opens_at: assigned ? assigned.reviewOpensAt : null
				};
				await tx.insertInto('quiz_attempts').values(attempt).execute();
				await onAttemptStarted(tx, attempt);
				return { ok: true, attempt, resumed: false };
			});
		} catch (e) {
			// A parallel start took this attempt number: the retry resumes that attempt or hits the limit.
			if (isUniqueViolation(e) && tries < 3) continue;
			throw e;
		}
	}
}

/** Grades an open attempt whose time limit or due date has passed (plus grace); returns the current row. */
export async function settleAttempt(input: {
	db: Db;
	content: ContentIndex;
	attempt: AttemptRow;
	now: Date;
}): Promise<AttemptRow> {
	const { db, content, attempt, now } = input;
	if (attempt.status !== 'open' || acceptsWork(attempt, now)) return attempt;
	return db.kysely.transaction().execute(async (tx) => {
		const graded = await claimAndGrade(tx, content, {
			learnerId: attempt.learner_id,
			attemptId: attempt.id,
			now
		});
		return (
			graded ??
			(await tx
				.selectFrom('quiz_attempts')
				.selectAll()
				.where('id', '=', attempt.id)
				.executeTakeFirstOrThrow())
		);
	});
}

/** Common checks before an answer may change: ownership, still open, in time, question in the attempt. */
function refuseChange(attempt: AttemptRow | undefined, now: Date, questionIds: string[]): Refusal | null {
	if (!attempt) return refuse(404, NOT_FOUND);
	if (attempt.status !== 'open')
		return refuse(409, attempt.submit_reason === 'learner' ? SUBMITTED : TIME_UP);
	if (!acceptsWork(attempt, now)) return refuse(409, TIME_UP);
	const drawn = attemptQuestionIds(attempt);
	const stranger = questionIds.find((id) => !drawn.includes(id));
	if (stranger !== undefined) return refuse(400, `Question "${stranger}" is not part of this attempt.`);
	return null;
}

export type SaveResult = { ok: true; stored: boolean; revision: number; savedAt: string } | Refusal;

/**
 * Autosave of one answer. `revision` is the client's counter for this question: a save whose revision is
 * not above the stored one arrived out of order (or is a replay) and is acknowledged without being stored,
 * so an older answer never overwrites a newer one.
 */
export async function saveAnswer(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	attemptId: string;
	questionId: string;
	response: unknown;
	revision: number;
	now: Date;
}): Promise<SaveResult> {
	const { db, content, learnerId, attemptId, questionId, now } = input;
	if (!Number.isSafeInteger(input.revision) || input.revision < 1)
		return refuse(400, 'revision must be a positive integer.');
	return db.kysely.transaction().execute(async (tx): Promise<SaveResult> => {
		const attempt = await lockAttempt(tx, db, learnerId, attemptId);
		const refused = refuseChange(attempt, now, [questionId]);
		if (refused || !attempt) return refused ?? refuse(404, NOT_FOUND);
		const question = content.question(attempt.module_id, questionId);
		if (!question) return refuse(409, 'This question is no longer available.');
		const checked = checkResponse(question, input.response);
		if (!checked.ok) return refuse(422, `Answer not saved: ${checked.message}.`);
		const existing = await tx
			.selectFrom('quiz_answers')
			.select(['revision', 'checked_at', 'saved_at'])
			.where('attempt_id', '=', attemptId)
			.where('question_id', '=', questionId)
			.executeTakeFirst();
		if (existing?.checked_at) return refuse(409, 'This answer has been checked: it can no longer change.');
		if (existing && existing.revision >= input.revision)
			return { ok: true, stored: false, revision: existing.revision, savedAt: existing.saved_at };
		const values = {
			attempt_id: attemptId,
			question_id: questionId,
			response: checked.value === null ? null : JSON.stringify(checked.value),
			revision: input.revision,
			saved_at: now.toISOString(),
			checked_at: null,
			score: null,
			verdict: null
		};
		// The WHERE on the conflict branch keeps the rule even against a concurrent writer.
		const row = await tx
			.insertInto('quiz_answers')
			.values(values)
			.onConflict((oc) =>
				oc
					.columns(['attempt_id', 'question_id'])
					.doUpdateSet({ response: values.response, revision: values.revision, saved_at: values.saved_at })
					.where('quiz_answers.revision', '<', values.revision)
			)
			.returning(['revision', 'saved_at'])
			.executeTakeFirst();
		if (!row) {
			const current = await tx
				.selectFrom('quiz_answers')
				.select(['revision', 'saved_at'])
				.where('attempt_id', '=', attemptId)
				.where('question_id', '=', questionId)
				.executeTakeFirstOrThrow();
			return { ok: true, stored: false, revision: current.revision, savedAt: current.saved_at };
		}
		return { ok: true, stored: true, revision: row.revision, savedAt: row.saved_at };
	});
}

export type SaveAllResult = { ok: true; changed: string[] } | Refusal;

/**
 * Saves a whole form of answers (the no-JavaScript path, and the data sent with submit): only answers that
 * differ from what is stored are written, each at the stored revision + 1. All or nothing: one invalid answer
 * refuses the lot. Checked answers (immediate feedback) are locked and skipped.
 */
export async function saveAnswers(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	attemptId: string;
	/** question id → response (null clears); questions left out are not touched. */
	responses: ReadonlyMap<string, unknown>;
	now: Date;
}): Promise<SaveAllResult> {
	const { db, content, learnerId, attemptId, now } = input;
	return db.kysely.transaction().execute(async (tx): Promise<SaveAllResult> => {
		const attempt = await lockAttempt(tx, db, learnerId, attemptId);
		const refused = refuseChange(attempt, now, [...input.responses.keys()]);
		if (refused || !attempt) return refused ?? refuse(404, NOT_FOUND);
		const stored = await tx
			.selectFrom('quiz_answers')
			.selectAll()
			.where('attempt_id', '=', attemptId)
			.execute();
		const byQuestion = new Map(stored.map((r) => [r.question_id, r]));
		const writes: { id: string; response: string | null; row: AnswerRow | undefined }[] = [];
		const order = attemptQuestionIds(attempt);
		for (const [id, response] of input.responses) {
			const question = content.question(attempt.module_id, id);
			const row = byQuestion.get(id);
			if (!question || row?.checked_at) continue;
			const checked = checkResponse(question, response);
			if (!checked.ok)
				return refuse(422, `Question ${order.indexOf(id) + 1}: ${checked.message}. Nothing was saved.`);
			const json = checked.value === null ? null : JSON.stringify(checked.value);
			if (json !== (row?.response ?? null)) writes.push({ id, response: json, row });
		}
		for (const w of writes) {
			const revision = (w.row?.revision ?? 0) + 1;
			if (w.row) {
				await tx
					.updateTable('quiz_answers')
					.set({ response: w.response, revision, saved_at: now.toISOString() })
					.where('attempt_id', '=', attemptId)
					.where('question_id', '=', w.id)
					.execute();
			} else {
				await tx
					.insertInto('quiz_answers')
					.values({
						attempt_id: attemptId,
						question_id: w.id,
						response: w.response,
						revision,
						saved_at: now.toISOString(),
						checked_at: null,
						score: null,
						verdict: null
					})
					.execute();
			}
		}
		return { ok: true, changed: writes.map((w) => w.id) };
	});
}

export type CheckResult = { ok: true; checkedNow: boolean } | Refusal;

/** Immediate feedback: grades one saved answer and locks it. Checking it again changes nothing. */
export async function checkAnswer(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	attemptId: string;
	questionId: string;
	now: Date;
}): Promise<CheckResult> {
	const { db, content, learnerId, attemptId, questionId, now } = input;
	return db.kysely.transaction().execute(async (tx): Promise<CheckResult> => {
		const attempt = await lockAttempt(tx, db, learnerId, attemptId);
		const refused = refuseChange(attempt, now, [questionId]);
		if (refused || !attempt) return refused ?? refuse(404, NOT_FOUND);
		if (attempt.feedback !== 'immediate')
			return refuse(409, 'This quiz gives feedback after you submit, not per question.');
		const question = content.question(attempt.module_id, questionId);
		if (!question) return refuse(409, 'This question is no longer available.');
		const row = await tx
			.selectFrom('quiz_answers')
			.selectAll()
			.where('attempt_id', '=', attemptId)
			.where('question_id', '=', questionId)
			.executeTakeFirst();
		if (row?.checked_at) return { ok: true, checkedNow: false };
		if (!row || row.response === null) return refuse(422, 'Answer the question before checking it.');
		const verdict = grade(question, storedResponse(row));
		await tx
			.updateTable('quiz_answers')
			.set({ checked_at: now.toISOString(), score: verdict.score, verdict: JSON.stringify(verdict) })
			.where('attempt_id', '=', attemptId)
			.where('question_id', '=', questionId)
			.execute();
		return { ok: true, checkedNow: true };
	});
}

export type SubmitResult = { ok: true; gradedNow: boolean; attempt: AttemptRow } | Refusal;

/**
 * Submits and grades an attempt. Idempotent: a double click, a retry or parallel replays all succeed, and
 * exactly one of them grades (gradedNow); the rest see the graded attempt. After the time limit (plus
 * grace) the saved answers are graded as they stood, with the reason recorded.
 */
export async function submitAttempt(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	attemptId: string;
	now: Date;
}): Promise<SubmitResult> {
	const { db, content, learnerId, attemptId, now } = input;
	return db.kysely.transaction().execute(async (tx): Promise<SubmitResult> => {
		const graded = await claimAndGrade(tx, content, { learnerId, attemptId, now });
		if (graded) return { ok: true, gradedNow: true, attempt: graded };
		const existing = await tx
			.selectFrom('quiz_attempts')
			.selectAll()
			.where('id', '=', attemptId)
			.where('learner_id', '=', learnerId)
			.executeTakeFirst();
		return existing ? { ok: true, gradedNow: false, attempt: existing } : refuse(404, NOT_FOUND);
	});
}

/** Sets an attempt's due date and extension (assignments, a later issue, and tests). */
export async function scheduleAttempt(input: {
	db: Db;
	attemptId: string;
	dueAt: Date | null;
	extensionMinutes: number;
}): Promise<void> {
	await input.db.kysely
		.updateTable('quiz_attempts')
		.set({ due_at: input.dueAt?.toISOString() ?? null, extension_minutes: input.extensionMinutes })
		.where('id', '=', input.attemptId)
		.execute();
}
