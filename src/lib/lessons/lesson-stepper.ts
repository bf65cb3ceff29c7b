/**
 * The browser's lesson machine: a small interpreter of the lesson config (./lesson-config.ts) that the one
 * factory hands to XState on the server; the server sends the config with the page. It knows only what that config uses (nested states with an
 * initial child, a final top-level state, transitions with a target and named guards and actions, entry
 * actions), and runs the same guards and context updates (./lesson-kit.ts). It follows XState 5's rules
 * for those: the deepest active state with an enabled transition handles an event, the first enabled
 * candidate wins, exited states leave and entered states run their entry actions after the transition's
 * own, outer first. lesson-stepper.test.ts checks it equal to the XState machine over random event
 * sequences of every lesson in the content index, so the browser saves snapshots the server accepts.
 *
 * Why not XState itself: it is about 12 kB of the lesson page's JavaScript (gzipped), a fifth of it.
 */
import type { StateValue } from 'xstate';
import type { ActionRef, GuardRef, Guarded, LessonConfig, StateConfig, Target } from './lesson-config';
import {
	initialContext,
	lessonGuards,
	lessonUpdates,
	type LessonContext,
	type LessonEvent
} from './lesson-kit';

/** Where a lesson is: the same fields as the XState snapshot the player used to hold. */
export interface StepperState {
	value: StateValue;
	context: LessonContext;
	status: 'active' | 'done';
}

/** A path of state keys from the top: ['check-1', 'remediate', 'other']. */
type Path = string[];

const valueOf = (path: Path): StateValue =>
	path.length === 1 ? path[0]! : { [path[0]!]: valueOf(path.slice(1)) };

function pathOf(value: StateValue): Path {
	if (typeof value === 'string') return [value];
	const [key, inner] = Object.entries(value)[0] ?? [];
	return key === undefined ? [] : inner === undefined ? [key] : [key, ...pathOf(inner)];
}

type Args = { context: LessonContext; event: LessonEvent };
/**
 * Calls the guard or update a config names, with its params, as XState does for `{ type, params }`. The
 * config pairs each name with its params' shape (GuardRef, ActionRef in lesson-config.ts); TypeScript
 * cannot follow that pairing through a lookup, hence the one cast.
 */
const named = <R>(
	fns: Record<string, (args: Args, params: never) => R>,
	ref: GuardRef | ActionRef,
	args: Args
): R => fns[ref.type]!(args, ('params' in ref ? ref.params : undefined) as never);

export class LessonStepper {
	readonly #config: LessonConfig;

	/** The config comes from the server (page data): the browser never builds one. */
	constructor(config: LessonConfig) {
		this.#config = config;
	}

	/** The state config at a path, or undefined when there is no such state. */
	#node(path: Path): StateConfig | undefined {
		let states: Record<string, StateConfig> | undefined = this.#config.states;
		let node: StateConfig | undefined;
		for (const key of path) {
			node = states && Object.hasOwn(states, key) ? states[key] : undefined;
			if (!node) return undefined;
			states = node.states;
		}
		return node;
	}

	/** A path completed down to a leaf through each compound state's initial child. */
	#toLeaf(path: Path): Path {
		const out = [...path];
		for (let node = this.#node(out); node?.initial; node = this.#node(out)) out.push(node.initial);
		return out;
	}

	#status(path: Path): StepperState['status'] {
		return this.#config.states[path[0]!]?.type === 'final' ? 'done' : 'active';
	}

	/** The lesson at its first card, before anything was answered. */
	initial(): StepperState {
		return this.resolveState({ value: this.#config.initial, context: initialContext() });
	}

	/**
	 * A state value made whole (a compound state without a child gets its initial one) with the status it
	 * means, as XState's machine.resolveState does; throws on a state this lesson does not have.
	 */
	resolveState({ value, context }: { value: StateValue; context: LessonContext }): StepperState {
		const path = pathOf(value);
		// Every key a child of the one before it (#node checks that), and at least one key.
		if (!this.#node(path)) throw new Error('No such state');
		const leaf = this.#toLeaf(path);
		return { value: valueOf(leaf), context, status: this.#status(leaf) };
	}

	/**
	 * The transition that would handle an event, and the state that holds it; null when none does (as
	 * at the summary: the final state has no transitions).
	 */
	#select(state: StepperState, event: LessonEvent): { source: Path; t: Guarded | Target } | null {
		const args = { context: state.context, event };
		const leaf = pathOf(state.value);
		for (let depth = leaf.length; depth > 0; depth--) {
			const source = leaf.slice(0, depth);
			const on = this.#node(source)?.on?.[event.type];
			if (!on) continue;
			const candidates: (Guarded | Target)[] = Array.isArray(on) ? on : [on];
			for (const t of candidates) {
				const enabled = !('guard' in t) || named(lessonGuards, t.guard, args);
				if (enabled) return { source, t };
			}
		}
		return null;
	}

	/** Whether the event would change anything here (XState's snapshot.can). */
	can(state: StepperState, event: LessonEvent): boolean {
		return this.#select(state, event) !== null;
	}

	/** The state after an event; the same object when no transition takes it. */
	transition(state: StepperState, event: LessonEvent): StepperState {
		const selected = this.#select(state, event);
		if (!selected) return state;
		const { source, t } = selected;
		const target = t.target.startsWith('#')
			? t.target.slice(this.#config.id.length + 2).split('.')
			: [...source.slice(0, -1), ...t.target.split('.')];
		const leaf = this.#toLeaf(target);
		// Not re-entering (XState's default): a target inside the source keeps the source; otherwise the
		// states below the deepest common ancestor are left and entered again.
		const inside = target.length >= source.length && source.every((k, i) => target[i] === k);
		let keep = 0;
		if (inside) keep = source.length;
		else while (keep < source.length - 1 && keep < target.length - 1 && source[keep] === target[keep]) keep++;

		let context = state.context;
		const run = (action: ActionRef) => {
			const args = { context, event };
			context = { ...context, ...named(lessonUpdates, action, args) };
		};
		if ('actions' in t) t.actions.forEach(run);
		for (let depth = keep + 1; depth <= leaf.length; depth++) {
			this.#node(leaf.slice(0, depth))?.entry?.forEach(run);
		}
		return { value: valueOf(leaf), context, status: this.#status(leaf) };
	}
}
