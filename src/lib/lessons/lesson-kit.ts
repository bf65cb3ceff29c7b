/**
 * What every lesson machine shares: context and event types, the named pure guards, the assign actions,
 * and the state shapes (an explanation card, a check with its remediation detour, the final summary).
 * Each `<lesson>.machine.ts` writes its cards and builds its machine with
 * `setup(lessonSetup).createMachine(lessonConfig(lesson))`: the path is the order of the lesson's steps,
 * so the machine and its cards cannot drift apart. A step with a shape of its own (alliance logic's
 * decision flow) supplies its states.
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

/** What every lesson machine passes to `setup()`: its types, named guards and actions. */
export const lessonSetup = { types: lessonTypes, guards: lessonGuards, actions: lessonActions };

/** Where a step leads: the next step, and the explanation card Back returns to (none on the first). */
export interface StepLinks {
	next: string;
	back?: string;
}

/**
 * State builders bound to one lesson: transitions out of nested states name a top-level step by id
 * (`#lineage.order`), and a check takes its practice items (and, for a scenario, the wrong outcomes that
 * have their own remediation) from the step's card, so the machine and its cards cannot drift apart.
 */
export function stepStates(lesson: LessonDefinition) {
	const to = (step: string) => `#${lesson.id}.${step}`;
	const back = (step: string | undefined) => (step ? { 'step.back': { target: to(step) } } : {});

	/** An explanation card: Next, and Back to the previous explanation when there is one. */
	const explain = (o: StepLinks) => ({
		on: { 'step.next': { target: to(o.next) }, ...back(o.back) }
	});

	const recordResponse = { type: 'recordResponse' } as const;
	const result = (step: string, r: CheckResult) => ({
		type: 'recordResult' as const,
		params: { step, result: r }
	});
	/** Answering `item`: right → `ifRight`, a targeted wrong choice → its own state, any other → `ifWrong`. */
	const answer = (item: string, ifRight: string, ifWrong: string, targeted: readonly string[] = []) => [
		{
			guard: { type: 'answeredCorrectly' as const, params: { item } },
			target: ifRight,
			actions: [recordResponse]
		},
		...targeted.map((choice) => ({
			guard: { type: 'chose' as const, params: { item, choice } },
			target: `${ifWrong}.${choice}`,
			actions: [recordResponse]
		})),
		{ guard: { type: 'answered' as const, params: { item } }, target: ifWrong, actions: [recordResponse] }
	];

	/**
	 * A check: ask → right: correct → next | wrong: remediate (the cited passage) → retry with a different
	 * item → retryCorrect | retryMissed → next. For a scenario card, each wrong outcome with a remediation
	 * gets its own state `remediate.<outcome>`; any other wrong answer lands in `remediate.other`.
	 */
	const check = (step: string, o: StepLinks) => {
		const card = lesson.steps.find((s) => s.id === step)?.card;
		if (card?.kind !== 'check' && card?.kind !== 'scenario') {
			throw new Error(`lesson ${lesson.id}: step "${step}" has no check or scenario card`);
		}
		const outcomes = card.kind === 'scenario' ? Object.keys(card.remediations) : [];
		const remediateStates = outcomes.length
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
					on: { 'answer.submit': answer(card.item, 'correct', 'remediate', outcomes), ...back(o.back) }
				},
				correct: { entry: [result(step, 'first')], on: next },
				remediate: {
					entry: [{ type: 'countRemediation' as const }],
					on: { 'step.next': { target: 'retry' } },
					...remediateStates
				},
				retry: { on: { 'answer.submit': answer(card.retryItem, 'retryCorrect', 'retryMissed') } },
				retryCorrect: { entry: [result(step, 'retry')], on: next },
				retryMissed: { entry: [result(step, 'missed')], on: next }
			}
		};
	};

	/** The summary ends the lesson: reaching it is "lesson completed". */
	const summary = () => ({ type: 'final' as const });

	return { explain, check, summary, to };
}

/** Plain transitions by event type, as a custom step's states use them. */
type Transitions = Partial<Record<LessonEvent['type'], { target: string }>>;

/** The states of a step with a shape of its own (alliance logic's decision flow). */
export interface CustomStates {
	initial: string;
	states: Record<string, { on: Transitions }>;
}

/** Builds a custom step's states from where the step leads (`to` names a top-level step). */
export type CustomStep = (links: StepLinks, to: (step: string) => string) => CustomStates;

/**
 * A lesson machine's config, from its steps in order: each step goes on to the next; Back returns to the
 * nearest explanation card before it (an explanation, or a custom step such as a flow); the summary is
 * final. Steps of kind `flow` take their states from `custom`.
 */
export function lessonConfig(lesson: LessonDefinition, custom: Readonly<Record<string, CustomStep>> = {}) {
	const step = stepStates(lesson);
	type State =
		| ReturnType<typeof step.explain>
		| ReturnType<typeof step.check>
		| ReturnType<typeof step.summary>
		| CustomStates;
	const states: Record<string, State> = {};
	let back: string | undefined;
	lesson.steps.forEach(({ id, card }, i) => {
		const links: StepLinks = { next: lesson.steps[i + 1]?.id ?? id, ...(back ? { back } : {}) };
		if (card.kind === 'summary') states[id] = step.summary();
		else if (card.kind === 'check' || card.kind === 'scenario') states[id] = step.check(id, links);
		else {
			const build = custom[id];
			if (card.kind === 'flow' && !build)
				throw new Error(`lesson ${lesson.id}: flow "${id}" needs its states`);
			states[id] = build ? build(links, step.to) : step.explain(links);
			back = id;
		}
	});
	return {
		id: lesson.id,
		context: initialContext,
		initial: lesson.steps[0]!.id,
		states
	};
}
