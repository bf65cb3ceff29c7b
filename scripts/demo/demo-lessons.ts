/**
 * Demo lesson progress made the way the lesson player makes it: the lesson's own machine walked from its
 * start (every check answered, first time right or after a remediation), the snapshot and the check answers
 * it took validated by the same code that validates a real save (validateProgress), then stored by
 * recordLessonProgress, which grades the answers itself (a completion needs an answer to every check).
 */
import { getNextSnapshot, initialTransition } from 'xstate';
import type { LessonEvent } from '$lib/lessons/lesson-kit';
import type { ProgressEvent } from '$lib/lessons/progress-events';
import { stepOf } from '$lib/lessons/snapshot';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { recordLessonProgress } from '$lib/server/lessons/progress';
import { validateProgress } from '$lib/server/lessons/progress-request';

/** A progress event before the save gives it an id (Omit over each member of the union). */
type Unsent = ProgressEvent extends infer E ? (E extends ProgressEvent ? Omit<E, 'id'> : never) : never;

/**
 * Walks a lesson: to its end (`steps` = null) or for that many steps. `remediate` answers each check wrong
 * first, then right on the re-check, as a struggling student would.
 */
function walk(
	content: ContentIndex,
	moduleId: string,
	lessonId: string,
	steps: number | null,
	remediate: boolean
) {
	const registered = content.lesson(moduleId, lessonId);
	if (!registered) throw new Error(`demo: no lesson ${lessonId}`);
	const { lesson, machine } = registered;
	let [snapshot] = initialTransition(machine);
	let seen = 0;
	let current = stepOf(snapshot.value);
	// What the player would send: the practice item's key as a right answer, no answer as a wrong one.
	const sent: Unsent[] = [];
	const key = (item: string) => content.question(moduleId, item)?.answer ?? null;
	for (let guard = 0; guard < 500 && snapshot.status !== 'done'; guard++) {
		const stepId = stepOf(snapshot.value);
		if (stepId !== current) {
			current = stepId;
			if (steps !== null && ++seen >= steps) break;
		}
		const card = lesson.steps.find((s) => s.id === stepId)?.card;
		let event: LessonEvent = { type: 'step.next' };
		if (card?.kind === 'flow' && snapshot.matches({ [stepId]: Object.keys(card.questions)[0]! }))
			event = { type: 'flow.yes' };
		if (card?.kind === 'check' || card?.kind === 'scenario') {
			const rightAnswer = (item: string): LessonEvent => ({
				type: 'answer.submit',
				item,
				response: card.kind === 'scenario' ? card.outcome : 'right',
				correct: true
			});
			if (snapshot.matches({ [stepId]: 'ask' })) {
				event = remediate
					? { type: 'answer.submit', item: card.item, response: null, correct: false }
					: rightAnswer(card.item);
				sent.push({
					type: 'check.answered',
					step: stepId,
					item: card.item,
					response: remediate ? null : key(card.item)
				});
				if (remediate) sent.push({ type: 'remediation.taken', step: stepId });
			}
			if (snapshot.matches({ [stepId]: 'retry' })) {
				event = rightAnswer(card.retryItem);
				sent.push({
					type: 'check.answered',
					step: stepId,
					item: card.retryItem,
					response: key(card.retryItem)
				});
			}
		}
		snapshot = getNextSnapshot(machine, snapshot, event);
	}
	return { registered, snapshot, sent };
}

export async function seedLessonProgress(
	db: Db,
	{
		content,
		learnerId,
		moduleId,
		lessonId,
		steps,
		remediate,
		now,
		runId
	}: {
		content: ContentIndex;
		learnerId: string;
		moduleId: string;
		lessonId: string;
		/** null: to the end. */
		steps: number | null;
		remediate: boolean;
		now: Date;
		runId: string;
	}
): Promise<void> {
	const { registered, snapshot, sent } = walk(content, moduleId, lessonId, steps, remediate);
	const done = snapshot.status === 'done';
	const raw = {
		version: registered.lesson.version,
		run: runId,
		snapshot: {
			status: snapshot.status,
			value: snapshot.value,
			context: snapshot.context,
			historyValue: {},
			children: {},
			output: undefined,
			error: undefined
		},
		events: [
			...sent.map((e, i) => ({ ...e, id: `${runId}-${String(i).padStart(3, '0')}` })),
			...(done ? [{ id: `${runId}-done`, type: 'lesson.completed' }] : [])
		]
	};
	const valid = validateProgress(raw, registered, (id) => content.question(moduleId, id));
	if (!valid.ok) throw new Error(`demo: ${lessonId}: ${valid.message}`);
	await recordLessonProgress({
		db,
		learnerId,
		moduleId,
		lesson: registered.lesson,
		progress: valid.value,
		now
	});
}
