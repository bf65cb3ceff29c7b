/**
 * Every lesson the app knows, by id. module.yaml lists lessons by these ids; the content check refuses an
 * id that is not registered here, and checks each lesson's citations and practice items (located in `file`).
 * Server-side and tests import this; the lesson page loads only its own machine (./loaders.ts).
 */
import type { AnyStateMachine } from 'xstate';
import * as actors from './actors.machine';
import * as allianceLogic from './alliance-logic.machine';
import * as beyondDefense from './beyond-defense.machine';
import type { LessonDefinition } from './cards';
import * as lineage from './lineage.machine';
import * as scenarios from './scenarios.machine';
import * as sourceCriticism from './source-criticism.machine';
import * as timeline from './timeline.machine';

export interface RegisteredLesson {
	lesson: LessonDefinition;
	machine: AnyStateMachine;
	/** The machine file, relative to the project root, for content-check messages. */
	file: string;
}

const register = (mod: { lesson: LessonDefinition; machine: AnyStateMachine }): RegisteredLesson => ({
	lesson: mod.lesson,
	machine: mod.machine,
	file: `src/lib/lessons/${mod.lesson.id}.machine.ts`
});

export const lessons: readonly RegisteredLesson[] = [
	lineage,
	allianceLogic,
	beyondDefense,
	actors,
	timeline,
	sourceCriticism,
	scenarios
].map(register);

export const lessonIds: readonly string[] = lessons.map((l) => l.lesson.id);

export function registeredLesson(id: string): RegisteredLesson | undefined {
	return lessons.find((l) => l.lesson.id === id);
}
