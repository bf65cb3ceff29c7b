/** The immutable, verified content of every module, built once at start-up. */
import type { ModuleContent, Question, Quiz, Source } from '$lib/content/types';
import { CitationVerifier } from './citation-verifier';

export class ContentIndex {
	private readonly byModule = new Map<string, ModuleContent>();
	private readonly questionsById = new Map<string, Question>();
	private readonly verifiers = new Map<string, CitationVerifier>();

	constructor(readonly modules: readonly ModuleContent[]) {
		for (const m of modules) {
			this.byModule.set(m.id, m);
			this.verifiers.set(m.id, new CitationVerifier(m.sources));
			for (const q of m.questions) this.questionsById.set(`${m.id}/${q.id}`, q);
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

	/** The verifier for a module's sources, for content that lives outside the banks (lesson cards). */
	verifier(moduleId: string): CitationVerifier | undefined {
		return this.verifiers.get(moduleId);
	}
}
