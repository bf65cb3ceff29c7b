/**
 * The one lesson machine factory: a lesson definition in, an XState machine out, built with
 * `setup({ types, guards, actions })` from the lesson's config (./lesson-config.ts), so every lesson
 * shares the same named guards and actions and the machine cannot drift from its cards. The server runs
 * these machines (to accept saved snapshots) and the graph suite tests them; the browser steps through the
 * same config with ./lesson-stepper.ts, proven equal to this machine by lesson-stepper.test.ts, so XState
 * does not ship to the browser.
 *
 * Imports nothing from svelte, $app or $lib/server.
 */
import { assign, setup, type ParameterizedObject, type StateMachine, type StateValue } from 'xstate';
import type { LessonDefinition } from './cards';
import { lessonConfig } from './lesson-config';
import {
	initialContext,
	lessonGuards,
	lessonTypes,
	lessonUpdates,
	type LessonContext,
	type LessonEvent
} from './lesson-kit';

type Update<P> = (args: { context: LessonContext; event: LessonEvent }, params: P) => Partial<LessonContext>;
/** assign() typed for lesson machines, around the pure updates of lesson-kit. */
const update = <P extends ParameterizedObject['params'] | undefined>(fn: Update<P>) =>
	assign<LessonContext, LessonEvent, P, LessonEvent, never>(fn);

const lessonMachineSetup = setup({
	types: lessonTypes,
	guards: lessonGuards,
	actions: {
		recordResponse: update(lessonUpdates.recordResponse),
		recordResult: update(lessonUpdates.recordResult),
		countRemediation: update(lessonUpdates.countRemediation)
	}
});

const build = (lesson: LessonDefinition) =>
	lessonMachineSetup.createMachine({ ...lessonConfig(lesson), context: initialContext });

/**
 * The concrete type of every lesson machine (one factory, one setup): lesson context, events, guards and
 * actions as declared; the state value is any StateValue, because the states come from content.
 */
export type LessonMachine =
	ReturnType<typeof build> extends StateMachine<
		infer C,
		infer E,
		infer Ch,
		infer A,
		infer Ac,
		infer G,
		infer D,
		infer _V,
		infer T,
		infer I,
		infer O,
		infer Em,
		infer M,
		infer S,
		infer TM
	>
		? StateMachine<C, E, Ch, A, Ac, G, D, StateValue, T, I, O, Em, M, S, TM>
		: never;

/** Builds a lesson's machine from its definition. */
export function createLessonMachine(lesson: LessonDefinition): LessonMachine {
	return build(lesson) as LessonMachine;
}

/** A lesson with the machine built from it. */
export interface BuiltLesson {
	lesson: LessonDefinition;
	machine: LessonMachine;
}
