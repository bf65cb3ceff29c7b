/**
 * Checks the lessons a module lists: every card citation is verified with the module's CitationVerifier
 * (the same rules as bank citations), and every practice item a lesson uses must exist in the module and be
 * `use: practice` (a lesson ships its keys to the browser). Problems are located in the lesson's machine
 * file by finding the quote or item id in its text, so editors can jump to them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { lessonCitations, lessonItems, type LessonDefinition } from '$lib/lessons/cards';
import type { Question } from '$lib/content/types';
import type { CitationVerifier } from './citation-verifier';
import type { ProblemList } from './problems';

/** What the content check needs to know of a lesson: its cards, and the file they are written in. */
export interface LessonSource {
	lesson: LessonDefinition;
	/** Path of the machine file, relative to the project root (the current directory). */
	file: string;
}

export interface LessonCheckContext {
	moduleFile: string;
	/** Position of the lesson id in module.yaml's `lessons:` list. */
	listedAt: (index: number) => { line: number; col: number };
	lessonIds: readonly string[];
	objectives: ReadonlySet<string>;
	/** Questions that loaded, by id, and ids that exist but failed their own checks (already reported). */
	questions: ReadonlyMap<string, Question>;
	invalidQuestionIds: ReadonlySet<string>;
	verifier: CitationVerifier;
	problems: ProblemList;
}

/** 1-based line and column of the first occurrence of `needle` in `text`, or null when it is absent. */
export function locate(text: string, needle: string, skip = 0): { line: number; col: number } | null {
	const found = needle ? text.indexOf(needle) : -1;
	if (found < 0) return null;
	const at = found + skip;
	const before = text.slice(0, at);
	const line = before.split('\n').length;
	return { line, col: at - before.lastIndexOf('\n') };
}

export function checkLessons(lessons: readonly LessonSource[], ctx: LessonCheckContext): void {
	ctx.lessonIds.forEach((id, index) => {
		const source = lessons.find((l) => l.lesson.id === id);
		if (!source) return; // an unregistered id is reported by the module check
		const { lesson, file } = source;
		const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
		// A quote the file spells differently (escapes, typographic marks) falls back to the top of the file.
		const at = (needle: string, skip = 0) => locate(text, needle, skip) ?? { line: 1, col: 1 };
		const add = (where: { line: number; col: number }, message: string) =>
			ctx.problems.add(file, where.line, where.col, `lesson "${lesson.id}": ${message}`);

		if (!ctx.objectives.has(lesson.objective)) {
			const where = ctx.listedAt(index);
			ctx.problems.add(
				ctx.moduleFile,
				where.line,
				where.col,
				`lesson "${lesson.id}" teaches objective "${lesson.objective}", which module.yaml does not define`
			);
		}

		const reported = new Set<string>();
		for (const c of lessonCitations(lesson)) {
			const key = `${c.source}\u0000${c.quote}`;
			if (reported.has(key)) continue;
			const v = ctx.verifier.verify(c);
			if (!v.ok) {
				reported.add(key);
				add(at(c.quote), `${v.message} [source "${c.source}"]`);
			}
		}

		for (const item of lessonItems(lesson)) {
			const q = ctx.questions.get(item);
			const where = at(`'${item}'`, 1);
			if (!q) {
				if (!ctx.invalidQuestionIds.has(item)) add(where, `unknown question id "${item}" (no bank has it)`);
			} else if (q.use !== 'practice') {
				add(
					where,
					`question "${item}" is an assessment item; lessons may only use practice items, because their keys reach the browser`
				);
			}
		}
	});
}
