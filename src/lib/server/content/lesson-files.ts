/**
 * Loads and checks a module's lessons (lessons/<id>.yaml): the strict schema first, then what a schema
 * cannot say, every problem located `file:line:col` in the lesson file from the YAML's own positions:
 * - the file name, the `id` and module.yaml's `lessons:` list agree (the list gives the teaching order);
 * - the objective is one of the module's;
 * - every named citation is used, every name a card uses is defined, and every passage is verified with
 *   the module's CitationVerifier (the same rules as bank citations);
 * - every practice item exists and is `use: practice` (a lesson ships its keys to the browser); a
 *   scenario's item is single-choice, its `outcome` is the item's key and each remediation is for one of
 *   the item's other options;
 * - steps have unique ids, the last (and only the last) is the summary, and a flow has one more result
 *   than it has questions (the ladder the machine is built from);
 * - no text names a document by a bare letter ("Document A"): the documents go by their names.
 * Returns the lessons with every citation resolved to its passage, in module.yaml's order.
 */
import { basename } from 'node:path';
import { lessonFileSchema, type LessonDefinition, type LessonFile } from '$lib/content/lesson-schema';
import type { Question } from '$lib/content/types';
import type { CitationVerifier } from './citation-verifier';
import type { ProblemList } from './problems';
import type { YamlFile, YamlPath } from './yaml-file';
import { readContentFile } from './content-file';
import { documentLetterHits, letterMessage } from './design/document-letters';

export interface LessonContext {
	moduleYaml: YamlFile;
	/** Lesson ids from module.yaml, in teaching order. */
	lessonIds: readonly string[];
	objectives: ReadonlySet<string>;
	/** Questions that loaded, by id, and ids that exist but failed their own checks (already reported). */
	questions: ReadonlyMap<string, Question>;
	invalidQuestionIds: ReadonlySet<string>;
	verifier: CitationVerifier;
	problems: ProblemList;
	/** Path as shown in messages. */
	rel(path: string): string;
}

/** Every `citations:` list on the cards, with its path in the file. */
function citationLists(value: unknown, path: YamlPath, out: { path: YamlPath; names: unknown[] }[] = []) {
	if (Array.isArray(value)) value.forEach((v, i) => citationLists(v, [...path, i], out));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if (k === 'citations' && Array.isArray(v)) out.push({ path: [...path, k], names: v });
			else citationLists(v, [...path, k], out);
		}
	}
	return out;
}

/** Replaces each citation name by its passage. */
function resolve(value: unknown, citations: LessonFile['citations'], key?: string): unknown {
	if (Array.isArray(value))
		return key === 'citations'
			? value.map((name: string) => citations[name])
			: value.map((v) => resolve(v, citations));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, citations, k)]));
	return value;
}

function checkLesson(yaml: YamlFile, lesson: LessonFile, ctx: LessonContext): void {
	const add = (path: YamlPath, message: string) => {
		const at = yaml.position(path);
		ctx.problems.add(yaml.file, at.line, at.col, `lesson "${lesson.id}": ${message}`);
	};

	if (!ctx.objectives.has(lesson.objective)) {
		add(['objective'], `objective "${lesson.objective}" is not one of the module's (module.yaml objectives)`);
	}

	const used = new Set<string>();
	for (const { path, names } of citationLists(lesson.steps, ['steps'])) {
		names.forEach((name, i) => {
			if (typeof name !== 'string') return;
			used.add(name);
			if (!Object.hasOwn(lesson.citations, name))
				add([...path, i], `no passage named "${name}" in citations:`);
		});
	}
	for (const [name, c] of Object.entries(lesson.citations)) {
		if (!used.has(name)) {
			const at = yaml.keyPosition(['citations'], name);
			ctx.problems.add(
				yaml.file,
				at.line,
				at.col,
				`lesson "${lesson.id}": citation "${name}" is not used by any card`
			);
			continue;
		}
		const v = ctx.verifier.verify(c);
		if (!v.ok) add(['citations', name, 'quote'], `${v.message} [source "${c.source}"]`);
	}

	// The top-level citations are the sources' own words; everything else in a lesson is ours.
	for (const hit of documentLetterHits({ title: lesson.title, blurb: lesson.blurb, steps: lesson.steps }))
		add(hit.path, letterMessage(hit.found));

	const stepIds = new Map<string, number>();
	lesson.steps.forEach(({ id, card }, i) => {
		const at: YamlPath = ['steps', i, 'card'];
		if (stepIds.has(id))
			add(['steps', i, 'id'], `step id "${id}" is already used by step ${stepIds.get(id)! + 1}`);
		stepIds.set(id, i);
		const last = i === lesson.steps.length - 1;
		if (last && card.kind !== 'summary') add([...at, 'kind'], 'the last step must be the summary');
		if (!last && card.kind === 'summary') add([...at, 'kind'], 'only the last step may be a summary');

		if (card.kind === 'flow') {
			const q = Object.keys(card.questions).length;
			const r = Object.keys(card.results).length;
			if (q === 0) add([...at, 'questions'], 'a decision flow needs at least one question');
			else if (r !== q + 1)
				add([...at, 'results'], `a decision flow with ${q} questions needs ${q + 1} results (it has ${r})`);
		}

		if (card.kind !== 'check' && card.kind !== 'scenario') return;
		if (card.item === card.retryItem) add([...at, 'retryItem'], 'the re-check must ask a different item');
		for (const key of ['item', 'retryItem'] as const) {
			const itemId = card[key];
			const q = ctx.questions.get(itemId);
			if (!q) {
				if (!ctx.invalidQuestionIds.has(itemId))
					add([...at, key], `unknown question id "${itemId}" (no bank has it)`);
			} else if (q.use !== 'practice') {
				add(
					[...at, key],
					`question "${itemId}" is an assessment item; lessons may only use practice items, because their keys reach the browser`
				);
			}
		}
		if (card.kind !== 'scenario') return;
		const q = ctx.questions.get(card.item);
		if (!q) return;
		if (q.type !== 'single') {
			add([...at, 'item'], `a scenario asks a single-choice item; "${card.item}" is ${q.type}`);
			return;
		}
		if (q.answer !== card.outcome)
			add([...at, 'outcome'], `outcome "${card.outcome}" is not the key of "${card.item}" ("${q.answer}")`);
		const options = new Set(q.options.map((o) => o.id));
		for (const o of Object.keys(card.remediations)) {
			if (!options.has(o) || o === q.answer) {
				const where = yaml.keyPosition([...at, 'remediations'], o);
				ctx.problems.add(
					yaml.file,
					where.line,
					where.col,
					`lesson "${lesson.id}": remediation "${o}" is not a wrong option of "${card.item}"`
				);
			}
		}
	});
}

/** The module's lessons, checked and resolved, in module.yaml's order; problems go to ctx.problems. */
export function loadLessons(files: readonly string[], ctx: LessonContext): LessonDefinition[] {
	const byId = new Map<string, LessonDefinition>();
	for (const file of files) {
		const read = readContentFile(file, ctx.rel(file), lessonFileSchema, ctx.problems);
		if (!read) continue;
		const { yaml, data: lesson } = read;
		const fileId = basename(file, '.yaml');
		const at = yaml.position(['id']);
		if (lesson.id !== fileId) {
			ctx.problems.add(
				yaml.file,
				at.line,
				at.col,
				`lesson id "${lesson.id}" must match its file name (${fileId}.yaml)`
			);
			continue;
		}
		if (!ctx.lessonIds.includes(lesson.id)) {
			ctx.problems.add(
				yaml.file,
				at.line,
				at.col,
				`lesson "${lesson.id}" is not listed in module.yaml's lessons: (the list gives the teaching order)`
			);
		}
		const before = ctx.problems.items.length;
		checkLesson(yaml, lesson, ctx);
		if (ctx.problems.items.length > before) continue;
		const { citations, ...head } = lesson;
		byId.set(lesson.id, { ...head, steps: resolve(lesson.steps, citations) as LessonDefinition['steps'] });
	}
	const out: LessonDefinition[] = [];
	ctx.lessonIds.forEach((id, i) => {
		const lesson = byId.get(id);
		if (lesson) out.push(lesson);
		else if (!files.some((f) => basename(f, '.yaml') === id)) {
			const at = ctx.moduleYaml.position(['lessons', i]);
			ctx.problems.add(
				ctx.moduleYaml.file,
				at.line,
				at.col,
				`unknown lesson "${id}" (no lessons/${id}.yaml)`
			);
		}
	});
	return out;
}
