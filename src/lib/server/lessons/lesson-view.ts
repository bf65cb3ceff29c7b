/**
 * What the lesson page needs from the content index: the lesson itself (its cards travel as page data,
 * not as JavaScript) and its state chart from the one factory's lessonConfig() (the browser's stepper
 * runs it, see $lib/lessons/lesson-stepper.ts), the passage behind every citation on the lesson's
 * cards and practice items (resolved here from verified offsets, so the browser only renders), and the
 * practice items themselves, keys included: they are formative, and the browser grades them for instant
 * feedback while the server re-grades what it stores.
 */
import { error } from '@sveltejs/kit';
import {
	citationKey,
	lessonCitations,
	lessonItems,
	type CardCitation,
	type LessonDefinition,
	type ShownItem
} from '$lib/lessons/cards';
import { answerKeyLines } from '$lib/lessons/answer-key';
import { toPublicQuestion } from '$lib/content/public';
import { passageView, type PassageView } from '$lib/content/passage';
import type { LocatedCitation, Question } from '$lib/content/types';
import { lessonConfig, type LessonConfig } from '$lib/lessons/lesson-config';
import type { BuiltLesson } from '$lib/lessons/lesson-machine';
import type { ContentIndex } from '$lib/server/content/content-index';

export interface LessonLink {
	id: string;
	title: string;
}

export interface LessonView {
	moduleId: string;
	moduleTitle: string;
	lessonId: string;
	lesson: LessonDefinition;
	config: LessonConfig;
	/** The lesson's place in the module's list, and its neighbours. */
	number: number;
	count: number;
	next: LessonLink | null;
	passages: Record<string, PassageView>;
	items: Record<string, Question>;
	shown: Record<string, ShownItem>;
}

/** A module's lesson with its machine, or a 404. */
export function moduleLesson(index: ContentIndex, moduleId: string, lessonId: string): BuiltLesson {
	const built = index.lesson(moduleId, lessonId);
	if (!built) error(404, 'No such lesson');
	return built;
}

export function lessonView(index: ContentIndex, moduleId: string, lessonId: string): LessonView {
	const { lesson } = moduleLesson(index, moduleId, lessonId);
	const mod = index.module(moduleId)!;
	const verifier = index.verifier(moduleId)!;
	const passages: Record<string, PassageView> = {};
	const add = (c: CardCitation, located: LocatedCitation | null) => {
		const source = located && index.source(moduleId, located.source);
		const view = source && passageView(moduleId, source, located);
		if (view) passages[citationKey(c)] = view;
	};
	for (const c of lessonCitations(lesson)) {
		const v = verifier.verify(c);
		add(c, v.ok ? v.citation : null);
	}
	const items: Record<string, Question> = {};
	const shown: Record<string, ShownItem> = {};
	for (const id of lessonItems(lesson)) {
		const q = index.question(moduleId, id);
		// The content check guarantees practice items; refuse to ship an assessment key regardless.
		if (!q || q.use !== 'practice') error(500, `Lesson item "${id}" is not a practice item`);
		items[id] = q;
		shown[id] = { question: toPublicQuestion(q), answer: answerKeyLines(q) };
		for (const c of q.citations) add(c, c);
	}
	const at = mod.lessons.indexOf(lessonId);
	const nextId = mod.lessons[at + 1];
	const next = nextId ? index.lesson(moduleId, nextId) : undefined;
	return {
		moduleId,
		moduleTitle: mod.title,
		lessonId,
		lesson,
		config: lessonConfig(lesson),
		number: at + 1,
		count: mod.lessons.length,
		next: next ? { id: next.lesson.id, title: next.lesson.title } : null,
		passages,
		items,
		shown
	};
}
