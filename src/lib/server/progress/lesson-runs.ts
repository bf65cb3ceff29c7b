/**
 * A student's lesson runs as their instructor reads them (issue 11): per run, each check step with what
 * the student answered (in words, from the stored server-graded events) and how it went — right first
 * time, right after the remediation, or missed both times — by the same rule the lesson machine and
 * masteredFromAnswers use. Callers check that the instructor may see the lesson (student-work.ts).
 */
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { answerLines } from '$lib/server/quiz/views';

export type CheckOutcome = 'first' | 'retry' | 'missed' | 'unanswered';

export const OUTCOME_LABELS: Record<CheckOutcome, string> = {
	first: 'Right first time',
	retry: 'Right after the remediation',
	missed: 'Missed, also on the re-check',
	unanswered: 'Not answered yet'
};

export interface LessonAnswerView {
	itemId: string;
	prompt: string;
	/** 'first' for the check's own item, 'retry' for the re-check after remediation. */
	role: 'first' | 'retry';
	yours: string[];
	key: string[];
	correct: boolean;
	at: string;
}

export interface LessonCheckView {
	stepId: string;
	title: string;
	outcome: CheckOutcome;
	label: string;
	remediationTaken: boolean;
	answers: LessonAnswerView[];
}

export interface LessonRunView {
	runId: string;
	startedAt: string;
	lastAt: string;
	completedAt: string | null;
	checks: LessonCheckView[];
}

export async function lessonRuns(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	moduleId: string;
	lessonId: string;
}): Promise<LessonRunView[]> {
	const { db, content, learnerId, moduleId, lessonId } = input;
	const lesson = content.lesson(moduleId, lessonId)?.lesson;
	if (!lesson) return [];
	const events = await db.kysely
		.selectFrom('lesson_events')
		.select(['run_id', 'type', 'step_id', 'item_id', 'response', 'correct', 'created_at'])
		.where('learner_id', '=', learnerId)
		.where('module_id', '=', moduleId)
		.where('lesson_id', '=', lessonId)
		.orderBy('created_at')
		.orderBy('batch_seq')
		.execute();
	const byRun = new Map<string, typeof events>();
	for (const e of events) byRun.set(e.run_id, [...(byRun.get(e.run_id) ?? []), e]);
	const runs: LessonRunView[] = [];
	for (const [runId, list] of byRun) {
		const checks: LessonCheckView[] = [];
		for (const { id, card } of lesson.steps) {
			if (card.kind !== 'check' && card.kind !== 'scenario') continue;
			const answered = list.filter((e) => e.type === 'check.answered' && e.step_id === id);
			const first = answered.find((e) => e.item_id === card.item);
			const retry = answered.find((e) => e.item_id === card.retryItem);
			const outcome: CheckOutcome = !first
				? 'unanswered'
				: first.correct === 1
					? 'first'
					: retry?.correct === 1
						? 'retry'
						: retry
							? 'missed'
							: 'unanswered';
			const answers = answered.flatMap((e): LessonAnswerView[] => {
				const q = e.item_id ? content.question(moduleId, e.item_id) : undefined;
				if (!q) return [];
				const response = e.response === null ? null : (JSON.parse(e.response) as unknown);
				const { yours, key } = answerLines(q, response);
				return [
					{
						itemId: q.id,
						prompt: q.prompt,
						role: e.item_id === card.item ? 'first' : 'retry',
						yours,
						key,
						correct: e.correct === 1,
						at: e.created_at
					}
				];
			});
			checks.push({
				stepId: id,
				title: card.title,
				outcome,
				label: OUTCOME_LABELS[outcome],
				remediationTaken: list.some((e) => e.type === 'remediation.taken' && e.step_id === id),
				answers
			});
		}
		const done = list.find((e) => e.type === 'lesson.completed');
		runs.push({
			runId,
			startedAt: list[0]!.created_at,
			lastAt: list.at(-1)!.created_at,
			completedAt: done?.created_at ?? null,
			checks
		});
	}
	return runs.reverse();
}
