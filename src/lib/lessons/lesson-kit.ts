/**
 * What every lesson machine shares: context and event types, the named pure guards and the assign
 * actions, passed to `setup()` by the one factory (./lesson-machine.ts).
 *
 * Imports nothing from svelte, $app or $lib/server: machines run in the browser, on the server (to
 * validate saved snapshots) and in unit tests alike.
 */
import { assign, type ParameterizedObject } from 'xstate';

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

/** What every lesson machine passes to `setup()`: its types, named guards and actions. */
export const lessonSetup = { types: lessonTypes, guards: lessonGuards, actions: lessonActions };
