/**
 * Located, verified content shapes: what the content index holds after loading questions/.
 * Browser-safe (types only). What may reach the browser before grading is in ./public.ts.
 */
import type { LessonDefinition } from './lesson-schema';
import type { FeedbackPolicy, QuizDrawFile } from './quiz-schema';
import type { QuestionFile, SourceFrontMatter } from './schema';

export type ParagraphKind = 'title' | 'heading' | 'list-item' | 'paragraph';

export interface Paragraph {
	/** 1-based, counting every non-empty line of the source in order; stable while the source is. */
	n: number;
	kind: ParagraphKind;
	text: string;
}

export interface Source extends Omit<SourceFrontMatter, 'headings' | 'copiedFrom'> {
	moduleId: string;
	paragraphs: Paragraph[];
	/** Paragraph numbers that count toward citation coverage (body text minus explicit exclusions). */
	citable: number[];
}

/** A citation after verification: where its quote sits, in original-text offsets, end exclusive. */
export interface LocatedCitation {
	source: string;
	quote: string;
	paragraph: number;
	start: number;
	end: number;
}

type Located<Q> = Q extends { type: 'evidence' }
	? Omit<Q, 'citations' | 'passage' | 'answer'> & {
			citations: LocatedCitation[];
			passage: LocatedCitation;
			/** The passage split into sentences; the student picks by index. */
			sentences: string[];
			/** Indexes into `sentences` of the supporting sentences, ascending. */
			answer: number[];
		}
	: Omit<Q, 'citations'> & { citations: LocatedCitation[] };

export type Question = Located<QuestionFile> & {
	/** The bank this question came from, and its file, for messages and item analysis. */
	bank: string;
};

export type QuestionOf<T extends Question['type']> = Extract<Question, { type: T }>;

export interface Objective {
	id: string;
	title: string;
	description: string;
}

export interface Bank {
	id: string;
	title: string;
	questionIds: string[];
}

export interface ModuleContent {
	id: string;
	title: string;
	summary: string;
	/** Catalog position, lowest first (module.yaml `order`). */
	order: number;
	objectives: Objective[];
	/** Lesson ids in teaching order. */
	lessons: string[];
	sources: Source[];
	banks: Bank[];
	questions: Question[];
	/** In teaching order: one-objective quizzes by objective, then those spanning several (quiz-order.ts). */
	quizzes: Quiz[];
	/** The lessons themselves (lessons/<id>.yaml), verified, citations resolved, in teaching order. */
	lessonDefinitions: LessonDefinition[];
}

/** A validated quiz blueprint (questions/<module>/quizzes/<id>.yaml): what to draw and the attempt rules. */
export interface Quiz {
	id: string;
	moduleId: string;
	title: string;
	summary: string;
	attemptsAllowed: number;
	timeLimitMinutes: number | null;
	feedback: FeedbackPolicy;
	/** Percentage of the maximum score needed to pass. */
	passMark: number;
	draws: QuizDrawFile[];
	/** Items per attempt: the sum of the draws' counts. */
	itemCount: number;
}

/** A source as the reader shows it: attribution and numbered paragraphs. */
export interface ReaderSource {
	moduleId: string;
	moduleTitle: string;
	id: string;
	title: string;
	titleSupplied: boolean;
	publisher: string;
	author: string | null;
	published: string | null;
	dateNote: string | null;
	kind: string;
	perspective: string;
	paragraphs: Paragraph[];
}
