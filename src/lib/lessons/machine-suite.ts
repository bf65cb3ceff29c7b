/**
 * The checks every lesson machine must pass, run by lesson-machines.test.ts over every lesson of every
 * module in the content index (so a new lesson file is tested without a new test file): graph coverage
 * with xstate/graph (every state and the final state reached by a shortest path, no state without a way
 * out), every guard branch of every check through the pure transition(), a decision flow's ladder,
 * stepping back, a persisted snapshot round trip, and the browser's stepper proven equal to the machine.
 */
import fc from 'fast-check';
import { getShortestPaths } from 'xstate/graph';
import { createActor, getNextSnapshot, initialTransition, transition } from 'xstate';
import type { StateValue } from 'xstate';
import { describe, expect, it } from 'vitest';
import { flowTrail, type CheckCard, type FlowCard, type LessonDefinition, type ScenarioCard } from './cards';
import type { LessonEvent } from './lesson-kit';
import { lessonConfig } from './lesson-config';
import type { BuiltLesson, LessonMachine } from './lesson-machine';
import { LessonStepper, type StepperState } from './lesson-stepper';
import { lessonSnapshot, masteryOf, parseLessonSnapshot, phaseOf, restoreLesson, stepOf } from './snapshot';

/** A wrong option no scenario remediates by name: it lands in the general remediation. */
const UNNAMED_WRONG = 'an-option-with-no-remediation-of-its-own';

/** The wrong outcomes of a scenario that have a remediation of their own. */
export const namedWrongs = (card: ScenarioCard): string[] => Object.keys(card.remediations);

/** The flow step's first question: where it starts and restarts. */
export const firstQuestion = (card: FlowCard): string => Object.keys(card.questions)[0]!;

type CheckStep = { id: string; card: CheckCard | ScenarioCard };

export const checkSteps = (lesson: LessonDefinition): CheckStep[] =>
	lesson.steps.flatMap((s) =>
		s.card.kind === 'check' || s.card.kind === 'scenario' ? [{ id: s.id, card: s.card }] : []
	);

export const right = (card: CheckCard | ScenarioCard, item: string): LessonEvent => ({
	type: 'answer.submit',
	item,
	response: card.kind === 'scenario' ? card.outcome : 'right',
	correct: true
});
export const wrong = (item: string, response: unknown = null): LessonEvent => ({
	type: 'answer.submit',
	item,
	response,
	correct: false
});

/** Where a wrong answer lands: a plain remediation card, or a scenario's targeted one for that outcome. */
export const remediation = (card: CheckCard | ScenarioCard, choice?: unknown): StateValue =>
	card.kind === 'scenario'
		? Object.keys(card.remediations).length === 0
			? 'remediate'
			: { remediate: typeof choice === 'string' && choice in card.remediations ? choice : 'other' }
		: 'remediate';

/** Every event a student can cause, with the answers that matter to each check. */
export function lessonEvents(lesson: LessonDefinition): LessonEvent[] {
	const events: LessonEvent[] = [
		{ type: 'step.next' },
		{ type: 'step.back' },
		{ type: 'flow.yes' },
		{ type: 'flow.no' },
		{ type: 'flow.restart' }
	];
	for (const { card } of checkSteps(lesson)) {
		for (const item of [card.item, card.retryItem]) {
			events.push(right(card, item), wrong(item));
			if (card.kind === 'scenario') {
				for (const o of [...namedWrongs(card), UNNAMED_WRONG]) events.push(wrong(item, o));
			}
		}
	}
	return events;
}

/** Dotted paths of the leaf states in a state value: { a: { b: 'c' } } → ['a.b.c']. */
export function leafPaths(value: StateValue): string[] {
	if (typeof value === 'string') return [value];
	return Object.entries(value).flatMap(([k, v]) => (v ? leafPaths(v).map((p) => `${k}.${p}`) : [k]));
}

/** Every atomic and final state of the machine, as dotted paths. */
export function allLeafStates(machine: LessonMachine): string[] {
	const out: string[] = [];
	const walk = (node: LessonMachine['root'], path: string[]) => {
		const children = Object.entries(node.states);
		if (children.length === 0) out.push(path.join('.'));
		for (const [key, child] of children) walk(child, [...path, key]);
	};
	walk(machine.root, []);
	return out;
}

const byValue = {
	serializeState: (s: { value: StateValue; status: string }) => JSON.stringify([s.value, s.status])
};

/** Send events one by one through the pure transition function. */
export function walk(machine: LessonMachine, events: LessonEvent[]) {
	let [snapshot] = initialTransition(machine);
	for (const e of events) snapshot = getNextSnapshot(machine, snapshot, e);
	return snapshot;
}

/**
 * Walk a lesson from start to summary the way a student would: through the decision flow (first answer
 * "yes"), answering every check right first time, or wrong then right on the re-check ('remediate'), or
 * wrong twice ('miss'). Calls `onStep` with each top-level step as it is entered.
 */
export function walkPath(
	machine: LessonMachine,
	lesson: LessonDefinition,
	how: 'right' | 'remediate' | 'miss',
	onStep: (step: string) => void = () => {}
) {
	let [snapshot] = initialTransition(machine);
	let current = '';
	for (let guard = 0; guard < 500 && snapshot.status !== 'done'; guard++) {
		const stepId = stepOf(snapshot.value);
		if (stepId !== current) onStep((current = stepId));
		const card = lesson.steps.find((s) => s.id === stepId)?.card;
		let event: LessonEvent = { type: 'step.next' };
		if (card?.kind === 'flow' && phaseOf(snapshot.value) === firstQuestion(card))
			event = { type: 'flow.yes' };
		if (card?.kind === 'check' || card?.kind === 'scenario') {
			if (phaseOf(snapshot.value) === 'ask')
				event = how === 'right' ? right(card, card.item) : wrong(card.item);
			if (phaseOf(snapshot.value) === 'retry')
				event = how === 'miss' ? wrong(card.retryItem) : right(card, card.retryItem);
		}
		snapshot = getNextSnapshot(machine, snapshot, event);
	}
	if (stepOf(snapshot.value) !== current) onStep(stepOf(snapshot.value));
	return snapshot;
}

/** Snapshot of the machine sitting in `value` with an empty context, for one-step transition() checks. */
const at = (machine: LessonMachine, value: StateValue) =>
	machine.resolveState({ value, context: { results: {}, responses: {}, remediations: 0 } });

export function describeLessonMachine({ lesson, machine }: BuiltLesson, name = lesson.id): void {
	const events = lessonEvents(lesson);
	const checks = checkSteps(lesson);
	const flows = lesson.steps.flatMap((s) => (s.card.kind === 'flow' ? [{ id: s.id, card: s.card }] : []));

	describe(`${name} machine`, () => {
		it('has one top-level state per step of the path, starting at the first and ending at the summary', () => {
			expect(Object.keys(machine.root.states)).toEqual(lesson.steps.map((s) => s.id));
			expect(machine.root.config.initial).toBe(lesson.steps[0]?.id);
			const last = lesson.steps.at(-1);
			expect(last?.card.kind).toBe('summary');
			expect(machine.root.states[last!.id]?.type).toBe('final');
			expect(machine.id).toBe(lesson.id);
		});

		it('reaches every state, and the final state, by shortest paths from xstate/graph', () => {
			const paths = getShortestPaths(machine, { events, ...byValue });
			const reached = new Set(paths.flatMap((p) => leafPaths(p.state.value as StateValue)));
			expect([...reached].sort()).toEqual(allLeafStates(machine).sort());
			expect(paths.some((p) => p.state.status === 'done')).toBe(true);
		});

		// One shortest-path search per state: quadratic in the states, so a lesson of seven checks (alliance-logic)
		// needs ~20 s on a loaded machine; the default 20 s timeout would fail it for time, not for a fault.
		it('leaves no non-final state without a way out, and the summary stays reachable from every state', () => {
			const paths = getShortestPaths(machine, { events, ...byValue });
			for (const path of paths) {
				const from = path.state;
				if (from.status === 'done') continue;
				const label = JSON.stringify(from.value);
				const moves = events.filter(
					(e) => JSON.stringify(transition(machine, from, e)[0].value) !== JSON.stringify(from.value)
				);
				expect(moves.length, `${label} has no way out`).toBeGreaterThan(0);
				const onward = getShortestPaths(machine, {
					events,
					...byValue,
					fromState: from,
					toState: (s) => s.status === 'done'
				});
				expect(onward.length, `the summary cannot be reached from ${label}`).toBeGreaterThan(0);
			}
		}, 60_000);

		it.each(checks.map((c) => [c.id, c] as const))(
			'check "%s": every guard branch through the pure transition()',
			(id, { card }) => {
				const ask = at(machine, { [id]: 'ask' });
				expect(transition(machine, ask, right(card, card.item))[0].value).toEqual({ [id]: 'correct' });
				expect(transition(machine, ask, wrong(card.item))[0].value).toEqual({ [id]: remediation(card) });
				// An answer to another item (say, a stale tab) changes nothing.
				expect(transition(machine, ask, right(card, card.retryItem))[0].value).toEqual({ [id]: 'ask' });
				if (card.kind === 'scenario') {
					for (const o of [...namedWrongs(card), UNNAMED_WRONG]) {
						const [remediate] = transition(machine, ask, wrong(card.item, o));
						expect(remediate.value).toEqual({ [id]: remediation(card, o) });
						expect(remediate.context.responses[card.item]).toBe(o);
						expect(getNextSnapshot(machine, remediate, { type: 'step.next' }).value).toEqual({
							[id]: 'retry'
						});
					}
				} else {
					expect(machine.getStateNodeById(`${lesson.id}.${id}.remediate`).states).toEqual({});
				}
				const remediate = transition(machine, ask, wrong(card.item))[0];
				expect(remediate.context.remediations).toBe(1);
				const retry = getNextSnapshot(machine, remediate, { type: 'step.next' });
				expect(retry.value).toEqual({ [id]: 'retry' });
				expect(transition(machine, retry, right(card, card.item))[0].value).toEqual({ [id]: 'retry' });
				const passed = transition(machine, retry, right(card, card.retryItem))[0];
				expect(passed.value).toEqual({ [id]: 'retryCorrect' });
				expect(passed.context.results[id]).toBe('retry');
				const missed = transition(machine, retry, wrong(card.retryItem))[0];
				expect(missed.value).toEqual({ [id]: 'retryMissed' });
				expect(missed.context.results[id]).toBe('missed');
				expect(missed.context.responses[card.retryItem]).toBeNull();
				const first = transition(machine, ask, right(card, card.item))[0];
				expect(first.context.results[id]).toBe('first');
				for (const done of [first, passed, missed]) {
					expect(stepOf(getNextSnapshot(machine, done, { type: 'step.next' }).value)).not.toBe(id);
				}
			}
		);

		it.each(flows.map((f) => [f.id, f] as const))(
			'flow "%s" is the ladder its card describes: the trail of answers leads to each node',
			(id, { card }) => {
				const start = machine.resolveState({
					value: { [id]: firstQuestion(card) },
					context: { results: {}, responses: {}, remediations: 0 }
				});
				const nodes = [...Object.keys(card.questions), ...Object.keys(card.results)];
				const results = new Set(Object.keys(card.results));
				for (const node of nodes) {
					let s = start;
					for (const t of flowTrail(card, node))
						s = getNextSnapshot(machine, s, { type: t.answer === 'yes' ? 'flow.yes' : 'flow.no' });
					expect(s.value).toEqual({ [id]: node });
					// From a result: start again, or go on; from a question, Next does nothing.
					const restarted = getNextSnapshot(machine, s, { type: 'flow.restart' }).value;
					if (node !== firstQuestion(card)) expect(restarted).toEqual({ [id]: firstQuestion(card) });
					const onward = getNextSnapshot(machine, s, { type: 'step.next' });
					if (results.has(node)) expect(stepOf(onward.value)).not.toBe(id);
					else expect(onward.value).toEqual(s.value);
				}
			}
		);

		it('walks the main path in order when every check is right first time, and ends mastered', () => {
			const seen: string[] = [];
			const end = walkPath(machine, lesson, 'right', (step) => seen.push(step));
			expect(seen).toEqual(lesson.steps.map((s) => s.id));
			expect(end.status).toBe('done');
			expect(end.context.remediations).toBe(0);
			expect(masteryOf(lesson, end.context.results)).toEqual({
				checks: checks.length,
				passed: checks.length,
				mastered: true
			});
		});

		it('takes a remediation at every check and is still mastered when every re-check is right', () => {
			const end = walkPath(machine, lesson, 'remediate');
			expect(end.status).toBe('done');
			expect(end.context.remediations).toBe(checks.length);
			expect(Object.values(end.context.results).every((r) => r === 'retry')).toBe(true);
			expect(masteryOf(lesson, end.context.results).mastered).toBe(true);
			const missed = walkPath(machine, lesson, 'miss');
			expect(masteryOf(lesson, missed.context.results)).toMatchObject({ passed: 0, mastered: false });
		});

		it('steps back only to explanation cards, and never from the first card', () => {
			const [start] = initialTransition(machine);
			expect(getNextSnapshot(machine, start, { type: 'step.back' }).value).toEqual(start.value);
			const kinds = new Map(lesson.steps.map((s) => [s.id, s.card.kind]));
			for (const path of getShortestPaths(machine, { events, ...byValue })) {
				if (path.state.status === 'done') continue;
				const back = getNextSnapshot(machine, path.state, { type: 'step.back' });
				if (JSON.stringify(back.value) === JSON.stringify(path.state.value)) continue;
				expect(['explain', 'flow']).toContain(kinds.get(stepOf(back.value)));
			}
		});

		it('keeps the first result of a check when the student goes back and answers again', () => {
			const first = checks[0]!;
			const events: LessonEvent[] = [];
			for (const s of lesson.steps) {
				if (s.id === first.id) break;
				events.push(...(s.card.kind === 'flow' ? [{ type: 'flow.yes' } as const] : []), {
					type: 'step.next'
				});
			}
			const missed = walk(machine, [
				...events,
				wrong(first.card.item),
				{ type: 'step.next' },
				wrong(first.card.retryItem)
			]);
			expect(missed.context.results[first.id]).toBe('missed');
			// Back is not offered during the remediation detour: the student finishes it first.
			const detour = walk(machine, [...events, wrong(first.card.item), { type: 'step.back' }]);
			expect(detour.value).toEqual({ [first.id]: remediation(first.card) });
			const redo = transition(
				machine,
				machine.resolveState({ value: { [first.id]: 'ask' }, context: missed.context }),
				right(first.card, first.card.item)
			)[0];
			expect(redo.context.results[first.id]).toBe('missed');
		});

		it('round-trips a persisted snapshot in the middle of a remediation and finishes from it', () => {
			const first = checks[0]!;
			const actor = createActor(machine).start();
			for (const s of lesson.steps) {
				if (s.id === first.id) break;
				if (s.card.kind === 'flow') actor.send({ type: 'flow.yes' });
				actor.send({ type: 'step.next' });
			}
			actor.send(wrong(first.card.item, 'a wrong answer'));
			const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
			actor.stop();

			const parsed = parseLessonSnapshot(machine, saved);
			expect(parsed).not.toBeNull();
			const restored = restoreLesson(machine, lesson, {
				version: lesson.version,
				run: 'r1',
				snapshot: saved
			});
			expect(restored.notice).toBeNull();
			const resumed = createActor(machine, { snapshot: restored.snapshot! }).start();
			expect(resumed.getSnapshot().value).toEqual(saved.value);
			expect(resumed.getSnapshot().context).toEqual(saved.context);
			expect(resumed.getSnapshot().context.responses[first.card.item]).toBe('a wrong answer');

			resumed.send({ type: 'step.next' });
			resumed.send(right(first.card, first.card.retryItem));
			resumed.send({ type: 'step.next' });
			for (let guard = 0; guard < 200 && resumed.getSnapshot().status !== 'done'; guard++) {
				const snap = resumed.getSnapshot();
				const step = checks.find((c) => c.id === stepOf(snap.value));
				if (step && phaseOf(snap.value) === 'ask') resumed.send(right(step.card, step.card.item));
				else {
					const card = lesson.steps.find((s) => s.id === stepOf(snap.value))?.card;
					resumed.send(
						card?.kind === 'flow' && phaseOf(snap.value) === firstQuestion(card)
							? { type: 'flow.yes' }
							: { type: 'step.next' }
					);
				}
			}
			expect(resumed.getSnapshot().status).toBe('done');
			expect(resumed.getSnapshot().context.results[first.id]).toBe('retry');
		});

		it('is matched by the browser’s stepper: same states, context, status, moves and saved snapshots', () => {
			const stepper = new LessonStepper(lessonConfig(lesson));
			const same = (m: { value: StateValue; context: unknown; status: string }, s: StepperState) =>
				expect(s).toEqual({ value: m.value, context: m.context, status: m.status });
			// From every state a shortest path reaches, then along random event sequences.
			const starts = getShortestPaths(machine, { events, ...byValue }).map((p) => p.state);
			fc.assert(
				fc.property(
					fc.integer({ min: 0, max: starts.length - 1 }),
					fc.array(fc.constantFrom(...events), { maxLength: 40 }),
					(start, sequence) => {
						let m = starts[start]!;
						let s = stepper.resolveState({ value: m.value, context: m.context });
						for (const e of sequence) {
							same(m, s);
							for (const probe of events) expect(stepper.can(s, probe)).toBe(m.can(probe));
							m = getNextSnapshot(machine, m, e);
							s = stepper.transition(s, e);
						}
						same(m, s);
						expect(lessonSnapshot(s)).toEqual(createActor(machine, { snapshot: m }).getPersistedSnapshot());
					}
				),
				{ numRuns: 60 }
			);
			same(initialTransition(machine)[0], stepper.initial());
		});

		it('is matched by the browser’s stepper on which saved states it accepts', () => {
			const stepper = new LessonStepper(lessonConfig(lesson));
			const leaves = allLeafStates(machine).map((p) => p.split('.'));
			const keys = [...new Set(leaves.flat()), 'no-such-state'];
			const valueOf = (path: string[]): StateValue =>
				path.length === 1 ? path[0]! : { [path[0]!]: valueOf(path.slice(1)) };
			const context = { results: {}, responses: {}, remediations: 0 };
			const resolve = (
				r: { resolveState: (c: { value: StateValue; context: typeof context }) => unknown },
				value: StateValue
			) => {
				try {
					const { value: v, status } = r.resolveState({ value, context }) as {
						value: StateValue;
						status: string;
					};
					return { value: v, status };
				} catch {
					return 'refused';
				}
			};
			// Every real state and every prefix of one, and random paths of real and made-up keys.
			const prefixes = leaves.flatMap((l) => l.map((_, i) => l.slice(0, i + 1)));
			const random = fc.sample(fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 4 }), 200);
			for (const path of [...prefixes, ...random]) {
				const value = valueOf(path);
				expect(resolve(stepper, value), JSON.stringify(value)).toEqual(resolve(machine, value));
			}
		});

		it('restarts, with a message, from a snapshot of another version or one it cannot resume', () => {
			const saved = createActor(machine).start().getPersistedSnapshot();
			const old = restoreLesson(machine, lesson, { version: lesson.version - 1, run: 'r', snapshot: saved });
			expect(old.snapshot).toBeNull();
			expect(old.notice).toMatch(/updated since you last worked on it/);
			const bogus = { ...saved, value: 'no-such-card' };
			expect(parseLessonSnapshot(machine, bogus)).toBeNull();
			expect(
				restoreLesson(machine, lesson, { version: lesson.version, run: 'r', snapshot: bogus }).notice
			).toMatch(/could not be read/);
			expect(parseLessonSnapshot(machine, { ...saved, status: 'done' })).toBeNull();
			expect(parseLessonSnapshot(machine, { ...saved, context: { results: { x: 'cheated' } } })).toBeNull();
		});
	});
}
