/**
 * Regrade under changed content (issue 11, point 2): when a question's key or grading rule changes in the
 * files, answers already graded keep the score they were given until someone regrades. A regrade compares
 * every graded answer's score with grade(question, response) under the content as it is now, and where they
 * differ it re-scores the answer (a score_changes row each), moves the attempt's total and reports the
 * attempt to effects (assignment, mastery), all in one transaction. An answer an instructor overrode keeps
 * the override: it is reported, not changed. Each run is recorded in regrade_runs, even one that changed
 * nothing; a dry run computes the same report and writes nothing. Running it twice changes nothing more.
 *
 * Used by `npm run regrade` (every attempt) and by a class's instructor for the attempts they may see
 * ($lib/server/progress/class-regrade.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { grade, type Verdict } from '$lib/grading';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { onAttemptRescored } from '$lib/server/effects';
import { storedResponse, type AnswerRow, type AttemptRow } from './attempts';
import { changeAnswerScore, retotalAttempt, type Actor } from './score-changes';

type Tx = Kysely<Database>;

export interface AnswerChange {
	questionId: string;
	oldScore: number;
	newScore: number;
}

/** An attempt whose total a regrade changed (or, in a dry run, would change). */
export interface AttemptChange {
	attemptId: string;
	learnerId: string;
	moduleId: string;
	quizId: string;
	number: number;
	maxScore: number;
	oldScore: number;
	newScore: number;
	answers: AnswerChange[];
}

/** An overridden answer whose grading changed: left as the instructor set it. */
export interface KeptAnswer {
	attemptId: string;
	learnerId: string;
	moduleId: string;
	quizId: string;
	number: number;
	questionId: string;
	/** The score the instructor set, which stays. */
	score: number;
	/** What the content now grades it. */
	regraded: number;
}

export interface RegradeReport {
	/** The recorded run; null for a dry run. */
	runId: string | null;
	/** `module/question` of every question whose grading changed for some answer. */
	questions: string[];
	attempts: AttemptChange[];
	kept: KeptAnswer[];
}

/** What the content now says of one attempt's graded answers. */
function review(content: ContentIndex, attempt: AttemptRow, answers: readonly AnswerRow[]) {
	const changes: (AnswerChange & { verdict: Verdict })[] = [];
	const kept: KeptAnswer[] = [];
	for (const row of answers) {
		const question = content.question(attempt.module_id, row.question_id);
		if (!question || row.score === null) continue;
		const now = grade(question, storedResponse(row));
		if (row.override_comment !== null) {
			const given = row.verdict ? (JSON.parse(row.verdict) as Verdict).score : row.score;
			if (now.score !== given)
				kept.push({
					attemptId: attempt.id,
					learnerId: attempt.learner_id,
					moduleId: attempt.module_id,
					quizId: attempt.quiz_id,
					number: attempt.number,
					questionId: row.question_id,
					score: row.score,
					regraded: now.score
				});
		} else if (now.score !== row.score) {
			changes.push({ questionId: row.question_id, oldScore: row.score, newScore: now.score, verdict: now });
		}
	}
	return { changes, kept };
}

const CHUNK = 500;

/** Graded attempts (all, or those listed) with their answers, in a stable order. */
async function gradedAttempts(q: Tx, attemptIds: readonly string[] | 'all') {
	const attempts: AttemptRow[] = [];
	const chunks = attemptIds === 'all' ? [null] : chunked(attemptIds);
	for (const ids of chunks) {
		if (ids && ids.length === 0) continue;
		let query = q.selectFrom('quiz_attempts').selectAll().where('status', '=', 'graded');
		if (ids) query = query.where('id', 'in', ids);
		attempts.push(...(await query.execute()));
	}
	attempts.sort(
		(a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || a.id.localeCompare(b.id)
	);
	const answers = new Map<string, AnswerRow[]>();
	for (const ids of chunked(attempts.map((a) => a.id))) {
		const rows = await q.selectFrom('quiz_answers').selectAll().where('attempt_id', 'in', ids).execute();
		for (const r of rows) answers.set(r.attempt_id, [...(answers.get(r.attempt_id) ?? []), r]);
	}
	return attempts.map((attempt) => ({ attempt, answers: answers.get(attempt.id) ?? [] }));
}

function chunked<T>(list: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
	return out;
}

export async function regrade(input: {
	db: Db;
	content: ContentIndex;
	/**
	 * The attempts to look at: every graded one, or these, or the ones a selection picks with the run's own
	 * transaction (a class's instructor's, so that who is in the class cannot change under the run).
	 */
	attemptIds: readonly string[] | 'all' | ((tx: Tx) => Promise<readonly string[]>);
	/** The class the run is for, recorded with it (null: the command, over every attempt). */
	classId: string | null;
	by: Actor;
	now: Date;
	dryRun?: boolean;
}): Promise<RegradeReport> {
	const { db, content } = input;
	const run = async (tx: Tx, write: boolean): Promise<RegradeReport> => {
		const runId = write ? randomUUID() : null;
		const at = input.now.toISOString();
		if (runId)
			await tx
				.insertInto('regrade_runs')
				.values({
					id: runId,
					at,
					by_user_id: input.by.userId,
					by_name: input.by.name,
					class_id: input.classId,
					questions: '[]',
					attempts: '[]',
					kept: '[]'
				})
				.execute();
		const attemptIds = typeof input.attemptIds === 'function' ? await input.attemptIds(tx) : input.attemptIds;
		// PostgreSQL: lock the graded attempts first, so an override in flight finishes before they are read.
		if (write && db.engine === 'postgres') await lockGraded(tx, attemptIds);
		const report: RegradeReport = { runId, questions: [], attempts: [], kept: [] };
		const questions = new Set<string>();
		for (const { attempt, answers } of await gradedAttempts(tx, attemptIds)) {
			const { changes, kept } = review(content, attempt, answers);
			report.kept.push(...kept);
			for (const k of kept) questions.add(`${attempt.module_id}/${k.questionId}`);
			if (changes.length === 0) continue;
			const delta = changes.reduce((sum, c) => sum + c.newScore - c.oldScore, 0);
			let after: AttemptRow = {
				...attempt,
				score: Math.round(((attempt.score ?? 0) + delta) * 10_000) / 10_000
			};
			if (runId) {
				for (const c of changes)
					await changeAnswerScore(tx, {
						attemptId: attempt.id,
						questionId: c.questionId,
						kind: 'regrade',
						oldScore: c.oldScore,
						newScore: c.newScore,
						comment: null,
						by: input.by,
						at,
						regradeId: runId,
						set: { verdict: JSON.stringify(c.verdict) }
					});
				after = await retotalAttempt(tx, attempt, delta);
				await onAttemptRescored(tx, after);
			}
			for (const c of changes) questions.add(`${attempt.module_id}/${c.questionId}`);
			report.attempts.push({
				attemptId: attempt.id,
				learnerId: attempt.learner_id,
				moduleId: attempt.module_id,
				quizId: attempt.quiz_id,
				number: attempt.number,
				maxScore: attempt.max_score ?? 0,
				oldScore: attempt.score ?? 0,
				newScore: after.score ?? 0,
				answers: changes.map(({ questionId, oldScore, newScore }) => ({ questionId, oldScore, newScore }))
			});
		}
		report.questions = [...questions].sort();
		if (runId)
			await tx
				.updateTable('regrade_runs')
				.set({
					questions: JSON.stringify(report.questions),
					attempts: JSON.stringify(report.attempts),
					kept: JSON.stringify(report.kept)
				})
				.where('id', '=', runId)
				.execute();
		return report;
	};
	if (input.dryRun) return run(db.kysely, false);
	return db.kysely.transaction().execute((tx) => run(tx, true));
}

async function lockGraded(tx: Tx, attemptIds: readonly string[] | 'all'): Promise<void> {
	const chunks = attemptIds === 'all' ? [null] : chunked(attemptIds);
	for (const ids of chunks) {
		if (ids && ids.length === 0) continue;
		let query = tx.selectFrom('quiz_attempts').select('id').where('status', '=', 'graded');
		if (ids) query = query.where('id', 'in', ids);
		await query.forUpdate().execute();
	}
}
