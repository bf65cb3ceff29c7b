/**
 * Loads one lesson's machine and cards on demand, so a lesson page ships only its own lesson
 * (the registry, which imports all seven, stays on the server).
 */
import type { AnyStateMachine } from 'xstate';
import type { LessonDefinition } from './cards';

export interface LessonModule {
	lesson: LessonDefinition;
	machine: AnyStateMachine;
}

const modules = import.meta.glob<LessonModule>('./*.machine.ts');

export async function loadLessonModule(id: string): Promise<LessonModule | undefined> {
	const load = modules[`./${id}.machine.ts`];
	return load ? load() : undefined;
}
