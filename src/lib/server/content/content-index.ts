/** The immutable, verified content of every module, built once at start-up. */
import type { ModuleContent, Question, Quiz, Source } from '$lib/content/types';
import { createLessonMachine, type BuiltLesson } from '$lib/lessons/lesson-machine';
import { CitationVerifier } from './citation-verifier';

export class ContentIndex {
	private readonly byModule = new Map<string, ModuleContent>();
	private readonly questionsById = new Map<string, Question>();
	private readonly verifiers = new Map<string, CitationVerifier>();
	private readonly lessonsById = new Map<string, BuiltLesson>();

	/** `modules` in catalog order (the loader sorts them by module.yaml `order`). */
	constructor(readonly modules: readonly ModuleContent[]) {
		for (const m of modules) {
			this.byModule.set(m.id, m);
			this.verifiers.set(m.id, new CitationVerifier(m.sources));
			for (const q of m.questions) this.questionsById.set(`${m.id}/${q.id}`, q);
			// One machine per lesson, built once: the server validates saved snapshots against it.
			for (const lesson of m.lessonDefinitions) {
				this.lessonsById.set(`${m.id}/${lesson.id}`, { lesson, machine: createLessonMachine(lesson) });
			}
		}
		Object.freeze(this);
	}

	module(id: string): ModuleContent | undefined {
		return this.byModule.get(id);
	}

	source(moduleId: string, sourceId: string): Source | undefined {
		return this.byModule.get(moduleId)?.sources.find((s) => s.id === sourceId);
	}

	question(moduleId: string, questionId: string): Question | undefined {
		return this.questionsById.get(`${moduleId}/${questionId}`);
	}

	quiz(moduleId: string, quizId: string): Quiz | undefined {
		return this.byModule.get(moduleId)?.quizzes.find((q) => q.id === quizId);
	}

	/** A module's lesson with its machine; lesson ids are scoped to their module. */
	lesson(moduleId: string, lessonId: string): BuiltLesson | undefined {
		return this.lessonsById.get(`${moduleId}/${lessonId}`);
	}

	/** Every lesson of every module, in catalog and teaching order (the machine suite runs over these). */
	allLessons(): (BuiltLesson & { moduleId: string })[] {
		return this.modules.flatMap((m) =>
			m.lessons.flatMap((id) => {
				const built = this.lesson(m.id, id);
				return built ? [{ moduleId: m.id, ...built }] : [];
			})
		);
	}

	/** The verifier for a module's sources, for content that lives outside the banks (lesson cards). */
	verifier(moduleId: string): CitationVerifier | undefined {
		return this.verifiers.get(moduleId);
	}
}
