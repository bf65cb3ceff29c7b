/**
 * What a lesson run's stored answers say (issue 11, point 4): whether it may be marked completed, and whether
 * it was passed. Pure: the answers are the run's `check.answered` rows, graded on the server when recorded,
 * one per (step, item) by the lesson_events_answer_once index; the browser's own claims are never read.
 */
import type { LessonDefinition } from '$lib/lessons/cards';

export interface StoredAnswer {
	step_id: string | null;
	item_id: string | null;
	correct: number | null;
}

const checkSteps = (lesson: LessonDefinition) =>
	lesson.steps.flatMap(({ id, card }) =>
		card.kind === 'check' || card.kind === 'scenario'
			? [{ id, item: card.item, retryItem: card.retryItem }]
			: []
	);

/**
 * The check steps this run cannot have finished: no stored answer to the step's item, or a wrong one and no
 * stored answer to its re-check item. Completion is accepted only when this is empty.
 */
export function unfinishedChecks(lesson: LessonDefinition, answers: readonly StoredAnswer[]): string[] {
	const answer = (step: string, item: string) =>
		answers.find((a) => a.step_id === step && a.item_id === item);
	return checkSteps(lesson)
		.filter(({ id, item, retryItem }) => {
			const ask = answer(id, item);
			return !ask || (ask.correct !== 1 && !answer(id, retryItem));
		})
		.map((s) => s.id);
}

/**
 * Whether the run passed: every check's answer right, or wrong and the answer to its re-check item right
 * (at most one remediation per check).
 */
export function passedFromAnswers(lesson: LessonDefinition, answers: readonly StoredAnswer[]): boolean {
	const answer = (step: string, item: string) =>
		answers.find((a) => a.step_id === step && a.item_id === item);
	return checkSteps(lesson).every(
		({ id, item, retryItem }) => answer(id, item)?.correct === 1 || answer(id, retryItem)?.correct === 1
	);
}
