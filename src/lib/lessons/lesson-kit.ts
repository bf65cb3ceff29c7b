/**
 * What every lesson machine shares: context and event types, the named pure guards, the assign actions,
 * and builders for the recurring state shapes (an explanation card, a check with its remediation detour).
 * Each `<lesson>.machine.ts` passes these to `setup({ types, guards, actions })` and lists its own states,
 * so the path through a lesson reads top to bottom in its file.
 *
 * Imports nothing from svelte, $app or $lib/server: machines run in the browser, on the server (to
 * validate saved snapshots) and in unit tests alike.
 */
import { assign, type ParameterizedObject } from 'xstate';
import type { LessonDefinition } from './cards';

/** How a check went: right first time, right on the re-check after one remediation, or missed both. */
export type CheckResult = 'first' | 'retry' | 'missed';

export interface LessonContext {
	/** Per check step, the first way it was completed (going back and re-answering does not rewrite it). */
	results: Record<string, CheckResult>;
	/** Per practice item, the latest response, so a reloaded card shows what the student answered. */
	responses: Record<string, unknown>;
	remediations: number;
}

export type LessonEvent =
	| { type: 'step.next' }
	| { type: 'step.back' }
	/** `correct` comes from the pure grade() the player runs; the server re-grades before storing. */
	| { type: 'answer.submit'; item: string; response: unknown; correct: boolean }
	| { type: 'flow.yes' }
	| { type: 'flow.no' }
	| { type: 'flow.restart' };

export const initialContext = (): LessonContext => ({ results: {}, responses: {}, remediations: 0 });

export const lessonTypes = {
	context: {} as LessonContext,
	events: {} as LessonEvent
};

type Args = { context: LessonContext; event: LessonEvent };
const submitted = (event: LessonEvent, item: string) => event.type === 'answer.submit' && event.item === item;

/** Named pure guards: they read only the event and context they are given. */
export const lessonGuards = {
	/** The submitted answer is to this item and is right. */
	answeredCorrectly: ({ event }: Args, params: { item: string }) =>
		submitted(event, params.item) && event.type === 'answer.submit' && event.correct === true,
	/** Any answer to this item (used after answeredCorrectly, so: a wrong one). */
	answered: ({ event }: Args, params: { item: string }) => submitted(event, params.item),
	/** A wrong answer to this item that picked this option (a targeted remediation follows). */
	chose: ({ event }: Args, params: { item: string; choice: string }) =>
		submitted(event, params.item) &&
		event.type === 'answer.submit' &&
		!event.correct &&
		event.response === params.choice
};

/** assign() typed for lesson machines, so the actions can live here rather than inside each setup(). */
const update = <P extends ParameterizedObject['params'] | undefined>(
	fn: (args: Args, params: P) => Partial<LessonContext>
) => assign<LessonContext, LessonEvent, P, LessonEvent, never>(fn);

export const lessonActions = {
	recordResponse: update(({ context, event }) =>
		event.type === 'answer.submit'
			? { responses: { ...context.responses, [event.item]: event.response } }
			: {}
	),
	recordResult: update(({ context }, params: { step: string; result: CheckResult }) =>
		context.results[params.step] ? {} : { results: { ...context.results, [params.step]: params.result } }
	),
	countRemediation: update(({ context }) => ({ remediations: context.remediations + 1 }))
};

/**
 * State builders bound to one lesson: transitions out of nested states name a top-level step by id
 * (`#lineage.order`), and a check takes its practice items (and, for a scenario, the wrong outcomes that
 * have their own remediation) from the step's card, so the machine and its cards cannot drift apart.
 */
export function stepStates(lesson: LessonDefinition) {
	const to = (step: string) => `#${lesson.id}.${step}`;
	const back = (step: string | undefined) => (step ? { 'step.back': { target: to(step) } } : {});

	/** An explanation card: Next, and Back to the previous explanation when there is one. */
	const explain = (o: { next: string; back?: string }) => ({
		on: { 'step.next': { target: to(o.next) }, ...back(o.back) }
	});

	const recordResponse = { type: 'recordResponse' } as const;
	const result = (step: string, r: CheckResult) => ({
		type: 'recordResult' as const,
		params: { step, result: r }
	});

	/**
	 * A check: ask → right: correct → next | wrong: remediate (the cited passage) → retry with a different
	 * item → retryCorrect | retryMissed → next. For a scenario card, each wrong outcome with a remediation
	 * gets its own state `remediate.<outcome>`; any other wrong answer lands in `remediate.other`.
	 */
	const check = (step: string, o: { next: string; back?: string }) => {
		const card = lesson.steps.find((s) => s.id === step)?.card;
		if (card?.kind !== 'check' && card?.kind !== 'scenario') {
			throw new Error(`lesson ${lesson.id}: step "${step}" has no check or scenario card`);
		}
		const item = card.item;
		const retryItem = card.retryItem;
		const outcomes = card.kind === 'scenario' ? Object.keys(card.remediations) : undefined;
		const targeted = (outcomes ?? []).map((choice) => ({
			guard: { type: 'chose' as const, params: { item, choice } },
			target: `remediate.${choice}`,
			actions: [recordResponse]
		}));
		const remediateStates = outcomes
			? {
					initial: 'other' as const,
					states: Object.fromEntries(['other', ...outcomes].map((k) => [k, {}]))
				}
			: {};
		const next = { 'step.next': { target: to(o.next) } };
		return {
			initial: 'ask' as const,
			states: {
				ask: {
					on: {
						'answer.submit': [
							{
								guard: { type: 'answeredCorrectly' as const, params: { item } },
								target: 'correct',
								actions: [recordResponse]
							},
							...targeted,
							{
								guard: { type: 'answered' as const, params: { item } },
								target: 'remediate',
								actions: [recordResponse]
							}
						],
						...back(o.back)
					}
				},
				correct: { entry: [result(step, 'first')], on: next },
				remediate: {
					entry: [{ type: 'countRemediation' as const }],
					on: { 'step.next': { target: 'retry' } },
					...remediateStates
				},
				retry: {
					on: {
						'answer.submit': [
							{
								guard: { type: 'answeredCorrectly' as const, params: { item: retryItem } },
								target: 'retryCorrect',
								actions: [recordResponse]
							},
							{
								guard: { type: 'answered' as const, params: { item: retryItem } },
								target: 'retryMissed',
								actions: [recordResponse]
							}
						]
					}
				},
				retryCorrect: { entry: [result(step, 'retry')], on: next },
				retryMissed: { entry: [result(step, 'missed')], on: next }
			}
		};
	};

	/** The summary ends the lesson: reaching it is "lesson completed". */
	const summary = () => ({ type: 'final' as const });

	return { explain, check, summary, to };
}
