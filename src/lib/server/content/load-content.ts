/**
 * Reads a questions/ tree (one folder per module: module.yaml, sources/*.md, banks/*.yaml), validates and
 * verifies everything, and returns the ContentIndex or every problem found. Used by the server at start-up
 * and by `npm run content:check`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bankFileSchema, moduleFileSchema } from '$lib/content/schema';
import type { Bank, ModuleContent, Question, Source } from '$lib/content/types';
import { CitationVerifier } from './citation-verifier';
import { ContentIndex } from './content-index';
import { checkLessons, type LessonSource } from './lesson-check';
import { ProblemList, type ContentProblem } from './problems';
import { checkQuestion } from './question-check';
import { loadQuizzes } from './quiz-blueprints';
import { parseSourceFile } from './source-file';
import { parseYamlFile } from './yaml-file';
import { reportZodIssues } from './zod-problems';

export interface LoadOptions {
	/** Lesson ids that exist in code; module.yaml may only list these. Skipped when absent. */
	knownLessons?: ReadonlySet<string>;
	/** Paths in messages are relative to this folder (default: the current directory). */
	relativeTo?: string;
	/** Lessons whose citations and practice items are checked when a module lists them. */
	lessons?: readonly LessonSource[];
}

export type LoadResult = { ok: true; index: ContentIndex } | { ok: false; problems: ContentProblem[] };

const listFiles = (dir: string, ending: string) =>
	existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith(ending))
				.sort()
				.map((f) => join(dir, f))
		: [];

function loadModule(dir: string, options: LoadOptions, problems: ProblemList): ModuleContent | null {
	const rel = (p: string) => relative(options.relativeTo ?? process.cwd(), p) || p;
	const moduleFile = join(dir, 'module.yaml');
	const moduleYaml = parseYamlFile(rel(moduleFile), readFileSync(moduleFile, 'utf8'), problems);
	if (!moduleYaml) return null;
	const parsedModule = moduleFileSchema.safeParse(moduleYaml.data);
	if (!parsedModule.success) {
		reportZodIssues(parsedModule.error, moduleYaml, [], problems);
		return null;
	}
	const mod = parsedModule.data;
	if (options.knownLessons) {
		mod.lessons.forEach((lessonId, i) => {
			if (!options.knownLessons?.has(lessonId)) {
				const at = moduleYaml.position(['lessons', i]);
				problems.add(
					moduleYaml.file,
					at.line,
					at.col,
					`unknown lesson "${lessonId}" (no machine registered with that id)`
				);
			}
		});
	}

	const sources: Source[] = [];
	for (const file of listFiles(join(dir, 'sources'), '.md')) {
		const loaded = parseSourceFile(rel(file), readFileSync(file, 'utf8'), mod.id, problems);
		if (!loaded) continue;
		if (sources.some((s) => s.id === loaded.source.id)) {
			problems.add(rel(file), 2, 1, `source id "${loaded.source.id}" is used by another source`);
			continue;
		}
		sources.push(loaded.source);
	}

	const verifier = new CitationVerifier(sources);
	const objectives = new Set(mod.objectives.map((o) => o.id));
	const banks: Bank[] = [];
	const questions: Question[] = [];
	const seen = new Map<string, string>();
	for (const file of listFiles(join(dir, 'banks'), '.yaml')) {
		const yaml = parseYamlFile(rel(file), readFileSync(file, 'utf8'), problems);
		if (!yaml) continue;
		const bank = bankFileSchema.safeParse(yaml.data);
		if (!bank.success) {
			reportZodIssues(bank.error, yaml, [], problems);
			continue;
		}
		const ids: string[] = [];
		bank.data.questions.forEach((raw, i) => {
			const q = checkQuestion(raw, {
				yaml,
				path: ['questions', i],
				bankId: bank.data.id,
				objectives,
				verifier,
				problems
			});
			const id = q?.id ?? (raw as { id?: unknown } | null)?.id;
			if (typeof id === 'string') {
				const first = seen.get(id);
				if (first) {
					const at = yaml.position(['questions', i, 'id']);
					problems.add(
						yaml.file,
						at.line,
						at.col,
						`question "${id}": id is already used in ${first}; ids are unique across the module`
					);
					return;
				}
				seen.set(id, `${yaml.file}:${yaml.position(['questions', i, 'id']).line}`);
			}
			if (q) {
				questions.push(q);
				ids.push(q.id);
			}
		});
		banks.push({ id: bank.data.id, title: bank.data.title, questionIds: ids });
	}

	const quizzes = loadQuizzes(listFiles(join(dir, 'quizzes'), '.yaml'), {
		moduleId: mod.id,
		objectives,
		questions,
		problems,
		rel
	});

	if (options.lessons) {
		const byId = new Map(questions.map((q) => [q.id, q]));
		checkLessons(options.lessons, {
			moduleFile: moduleYaml.file,
			listedAt: (i) => moduleYaml.position(['lessons', i]),
			lessonIds: mod.lessons,
			objectives,
			questions: byId,
			invalidQuestionIds: new Set([...seen.keys()].filter((id) => !byId.has(id))),
			verifier,
			problems
		});
	}

	return { ...mod, sources, banks, questions, quizzes };
}

export function loadContent(root: string, options: LoadOptions = {}): LoadResult {
	const problems = new ProblemList();
	if (!existsSync(root) || !statSync(root).isDirectory()) {
		problems.add(root, 1, 1, 'content folder not found');
		return { ok: false, problems: problems.items };
	}
	const modules: ModuleContent[] = [];
	for (const name of readdirSync(root).sort()) {
		const dir = join(root, name);
		if (!statSync(dir).isDirectory()) continue;
		if (!existsSync(join(dir, 'module.yaml'))) {
			problems.add(join(root, name), 1, 1, 'a module folder needs a module.yaml');
			continue;
		}
		const m = loadModule(dir, options, problems);
		if (m) modules.push(m);
	}
	if (modules.length === 0 && problems.empty) problems.add(root, 1, 1, 'no modules found');
	return problems.empty
		? { ok: true, index: new ContentIndex(modules) }
		: { ok: false, problems: problems.items };
}
