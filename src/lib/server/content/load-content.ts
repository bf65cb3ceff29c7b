/**
 * Reads one or more content trees (one folder per module: module.yaml, sources/*.md, banks/*.yaml,
 * quizzes/*.yaml, lessons/*.yaml), validates and verifies everything, and returns the ContentIndex or every
 * problem found. Used by the server at start-up and by `npm run content:check`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bankFileSchema, moduleFileSchema } from '$lib/content/schema';
import type { Bank, ModuleContent, Question, Source } from '$lib/content/types';
import { CitationVerifier } from './citation-verifier';
import { ContentIndex } from './content-index';
import { loadLessons } from './lesson-files';
import { ProblemList, type ContentProblem } from './problems';
import { checkPracticeTwins, type QuestionPlace } from './practice-twins';
import { checkQuestion } from './question-check';
import { loadQuizzes } from './quiz-blueprints';
import { parseSourceFile } from './source-file';
import { readContentFile } from './content-file';
import { teachingOrder } from './quiz-order';

export interface LoadOptions {
	/** Paths in messages are relative to this folder (default: the current directory). */
	relativeTo?: string;
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
	const moduleRead = readContentFile(moduleFile, rel(moduleFile), moduleFileSchema, problems);
	if (!moduleRead) return null;
	const { yaml: moduleYaml, data: mod } = moduleRead;
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
	const places = new Map<string, QuestionPlace>();
	for (const file of listFiles(join(dir, 'banks'), '.yaml')) {
		const read = readContentFile(file, rel(file), bankFileSchema, problems);
		if (!read) continue;
		const { yaml, data: bank } = read;
		const ids: string[] = [];
		bank.questions.forEach((raw, i) => {
			const q = checkQuestion(raw, {
				yaml,
				path: ['questions', i],
				bankId: bank.id,
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
				places.set(q.id, { yaml, path: ['questions', i] });
			}
		});
		banks.push({ id: bank.id, title: bank.title, questionIds: ids });
	}

	checkPracticeTwins(questions, places, problems);

	const quizzes = loadQuizzes(listFiles(join(dir, 'quizzes'), '.yaml'), {
		moduleId: mod.id,
		objectives,
		questions,
		problems,
		rel
	});

	const byId = new Map(questions.map((q) => [q.id, q]));
	const lessonDefinitions = loadLessons(listFiles(join(dir, 'lessons'), '.yaml'), {
		moduleYaml,
		lessonIds: mod.lessons,
		objectives,
		questions: byId,
		invalidQuestionIds: new Set([...seen.keys()].filter((id) => !byId.has(id))),
		verifier,
		problems,
		rel
	});

	return {
		...mod,
		sources,
		banks,
		questions,
		quizzes: teachingOrder(quizzes, mod.objectives),
		lessonDefinitions
	};
}

/**
 * Loads every module of one or more content trees (`roots`, e.g. questions/ and a test fixture tree).
 * Module ids are unique across all of them; modules are served in their `order` (then by id).
 */
export function loadContent(roots: string | readonly string[], options: LoadOptions = {}): LoadResult {
	const problems = new ProblemList();
	const modules: ModuleContent[] = [];
	const seenAt = new Map<string, string>();
	for (const root of typeof roots === 'string' ? [roots] : roots) {
		if (!existsSync(root) || !statSync(root).isDirectory()) {
			problems.add(root, 1, 1, 'content folder not found');
			continue;
		}
		const before = modules.length;
		for (const name of readdirSync(root).sort()) {
			const dir = join(root, name);
			if (!statSync(dir).isDirectory()) continue;
			if (!existsSync(join(dir, 'module.yaml'))) {
				problems.add(join(root, name), 1, 1, 'a module folder needs a module.yaml');
				continue;
			}
			const m = loadModule(dir, options, problems);
			if (!m) continue;
			const first = seenAt.get(m.id);
			if (first) {
				problems.add(join(dir, 'module.yaml'), 1, 1, `module id "${m.id}" is already used by ${first}`);
				continue;
			}
			seenAt.set(m.id, join(dir, 'module.yaml'));
			modules.push(m);
		}
		if (modules.length === before && problems.empty) problems.add(root, 1, 1, 'no modules found');
	}
	modules.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
	return problems.empty
		? { ok: true, index: new ContentIndex(modules) }
		: { ok: false, problems: problems.items };
}
