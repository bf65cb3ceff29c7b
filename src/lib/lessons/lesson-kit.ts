/**
 * What every lesson machine shares: context and event types, the named pure guards and the context
 * updates of its named actions. The one factory (./lesson-machine.ts) passes them to XState's `setup()`;
 * the browser's stepper (./lesson-stepper.ts) runs the same functions over the same config.
 *
 * Imports nothing at all at run time (no xstate either): this ships to the browser with the player.
 */

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
type Submit = Extract<LessonEvent, { type: 'answer.submit' }>;
const submitted = (event: LessonEvent, item: string): event is Submit =>
	event.type === 'answer.submit' && event.item === item;

/** Named pure guards: they read only the event and context they are given. */
export const lessonGuards = {
	/** The submitted answer is to this item and is right. */
	answeredCorrectly: ({ event }: Args, params: { item: string }) =>
		submitted(event, params.item) && event.correct === true,
	/** Any answer to this item (used after answeredCorrectly, so: a wrong one). */
	answered: ({ event }: Args, params: { item: string }) => submitted(event, params.item),
	/** A wrong answer to this item that picked this option (a targeted remediation follows). */
	chose: ({ event }: Args, params: { item: string; choice: string }) =>
		submitted(event, params.item) && !event.correct && event.response === params.choice
};

/**
 * What each named action changes in the context, as a pure function of the context, the event and the
 * action's params. lesson-machine.ts wraps each in XState's assign(); the stepper applies them directly.
 */
export const lessonUpdates = {
	recordResponse: ({ context, event }: Args): Partial<LessonContext> =>
		event.type === 'answer.submit'
			? { responses: { ...context.responses, [event.item]: event.response } }
			: {},
	recordResult: ({ context }: Args, params: { step: string; result: CheckResult }): Partial<LessonContext> =>
		context.results[params.step] ? {} : { results: { ...context.results, [params.step]: params.result } },
	countRemediation: ({ context }: Args): Partial<LessonContext> => ({
		remediations: context.remediations + 1
	})
};
