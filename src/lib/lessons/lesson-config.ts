/**
 * A lesson's state chart as plain data: the one place that turns a lesson definition (content,
 * questions/<module>/lessons/<id>.yaml) into states and transitions. The path is the order of the
 * lesson's steps; one state builder per card kind (an explanation, a check or scenario with its
 * remediation detour, a decision flow's ladder, the final summary). Guards and actions are named, never
 * inline, so the same config runs in XState on the server (./lesson-machine.ts, the source of truth and
 * the graph suite) and in the browser's small stepper (./lesson-stepper.ts), and the two are checked
 * equal over every lesson (lesson-stepper.test.ts).
 *
 * Imports nothing at run time: it ships to the browser.
 */
import type { FlowCard, LessonDefinition } from './cards';
import type { CheckResult, LessonEvent } from './lesson-kit';

/** The config of a whole lesson: its id (targets name steps as `#<id>.<step>`), first step and steps. */
export interface LessonConfig {
	id: string;
	initial: string;
	states: Record<string, StateConfig>;
}

/** Where a step leads: the next step, and the explanation card Back returns to (none on the first). */
interface StepLinks {
	next: string;
	back?: string;
}

export type Target = { target: string };
export type GuardRef =
	| { type: 'answeredCorrectly' | 'answered'; params: { item: string } }
	| { type: 'chose'; params: { item: string; choice: string } };
export type ActionRef =
	| { type: 'recordResponse' }
	| { type: 'countRemediation' }
	| { type: 'recordResult'; params: { step: string; result: CheckResult } };
export type Guarded = { guard: GuardRef; target: string; actions: ActionRef[] };
export interface StateConfig {
	type?: 'final';
	initial?: string;
	entry?: ActionRef[];
	on?: Partial<Record<LessonEvent['type'], Target | Guarded[]>>;
	states?: Record<string, StateConfig>;
}

const recordResponse = { type: 'recordResponse' } as const;
const result = (step: string, r: CheckResult): ActionRef => ({
	type: 'recordResult' as const,
	params: { step, result: r }
});

/** Answering `item`: right → `ifRight`, a targeted wrong choice → its own state, any other → `ifWrong`. */
const answer = (
	item: string,
	ifRight: string,
	ifWrong: string,
	targeted: readonly string[] = []
): Guarded[] => [
	{ guard: { type: 'answeredCorrectly', params: { item } }, target: ifRight, actions: [recordResponse] },
	...targeted.map((choice) => ({
		guard: { type: 'chose' as const, params: { item, choice } },
		target: `${ifWrong}.${choice}`,
		actions: [recordResponse]
	})),
	{ guard: { type: 'answered', params: { item } }, target: ifWrong, actions: [recordResponse] }
];

/** The state builders of one lesson: transitions out of nested states name a top-level step by id. */
function stateBuilders(lessonId: string) {
	const to = (step: string) => `#${lessonId}.${step}`;
	const back = (step: string | undefined) => (step ? { 'step.back': { target: to(step) } } : {});

	/** An explanation card: Next, and Back to the previous explanation when there is one. */
	const explain = (o: StepLinks): StateConfig => ({
		on: { 'step.next': { target: to(o.next) }, ...back(o.back) }
	});

	/**
	 * A check: ask → right: correct → next | wrong: remediate (the cited passage) → retry with a different
	 * item → retryCorrect | retryMissed → next. A scenario's wrong outcomes that have a remediation of
	 * their own get a state `remediate.<outcome>`; any other wrong answer lands in `remediate.other`.
	 */
	const check = (
		step: string,
		card: { item: string; retryItem: string },
		outcomes: readonly string[],
		o: StepLinks
	): StateConfig => {
		const next = { 'step.next': { target: to(o.next) } };
		const remediate: StateConfig = {
			entry: [{ type: 'countRemediation' }],
			on: { 'step.next': { target: 'retry' } },
			...(outcomes.length
				? { initial: 'other', states: Object.fromEntries(['other', ...outcomes].map((k) => [k, {}])) }
				: {})
		};
		return {
			initial: 'ask',
			states: {
				ask: {
					on: { 'answer.submit': answer(card.item, 'correct', 'remediate', outcomes), ...back(o.back) }
				},
				correct: { entry: [result(step, 'first')], on: next },
				remediate,
				retry: { on: { 'answer.submit': answer(card.retryItem, 'retryCorrect', 'retryMissed') } },
				retryCorrect: { entry: [result(step, 'retry')], on: next },
				retryMissed: { entry: [result(step, 'missed')], on: next }
			}
		};
	};

	/**
	 * A decision flow as a ladder (see FlowCard): at the i-th question Yes leads to the i-th result and No
	 * to the next question (No at the last, to the last result); from a result the student starts again
	 * or goes on. Back, from the first question only, returns to the previous explanation; from the other
	 * questions the student can start again.
	 */
	const ladder = (card: FlowCard, o: StepLinks): StateConfig => {
		const questions = Object.keys(card.questions);
		const results = Object.keys(card.results);
		const first = questions[0]!;
		const restart = { 'flow.restart': { target: first } };
		const states: Record<string, StateConfig> = {};
		questions.forEach((q, i) => {
			states[q] = {
				on: {
					'flow.yes': { target: results[i]! },
					'flow.no': { target: questions[i + 1] ?? results.at(-1)! },
					...(i === 0 && o.back ? back(o.back) : restart)
				}
			};
		});
		for (const r of results) states[r] = { on: { ...restart, 'step.next': { target: to(o.next) } } };
		return { initial: first, states };
	};

	/** The summary ends the lesson: reaching it is "lesson completed". */
	const summary = (): StateConfig => ({ type: 'final' });

	return { explain, check, ladder, summary };
}

/**
 * A lesson machine's config from its steps in order: each step goes on to the next; Back returns to the
 * nearest explanation card before it (an explanation or a flow); the summary is final.
 */
export function lessonConfig(lesson: LessonDefinition): LessonConfig {
	const build = stateBuilders(lesson.id);
	const states: Record<string, StateConfig> = {};
	let back: string | undefined;
	lesson.steps.forEach(({ id, card }, i) => {
		const links: StepLinks = { next: lesson.steps[i + 1]?.id ?? id, ...(back ? { back } : {}) };
		switch (card.kind) {
			case 'summary':
				states[id] = build.summary();
				break;
			case 'check':
				states[id] = build.check(id, card, [], links);
				break;
			case 'scenario':
				states[id] = build.check(id, card, Object.keys(card.remediations), links);
				break;
			case 'flow':
				states[id] = build.ladder(card, links);
				back = id;
				break;
			case 'explain':
				states[id] = build.explain(links);
				back = id;
				break;
		}
	});
	return { id: lesson.id, initial: lesson.steps[0]!.id, states };
}
