/**
 * The content format, as strict zod schemas. Files under questions/ are validated against these, and
 * `npm run content:schema` writes a JSON Schema from them so editors can autocomplete the YAML.
 *
 * Types named `…File` are what authors write; the loader turns them into the located, verified shapes
 * in ./types.ts.
 */
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and hyphens');
const text = z.string().trim().min(1, 'must not be empty');

export const objectiveFileSchema = z.strictObject({
	id,
	title: text,
	description: text
});

export const moduleFileSchema = z.strictObject({
	id,
	title: text,
	summary: text,
	/** Where the module comes in the catalog and on every page that lists modules (lowest first, then by id). */
	order: z
		.number()
		.int()
		.default(100)
		.describe('Where the module comes in the catalog, lowest first (then by id). Default 100.'),
	objectives: z.array(objectiveFileSchema).min(1),
	/** Lesson ids, in teaching order; each is a file lessons/<id>.yaml of this module. */
	lessons: z
		.array(id)
		.default([])
		.describe('Lesson ids in teaching order; each is a file lessons/<id>.yaml in this module.'),
	/**
	 * Test fixtures only: their banks are sized to exercise code paths, not to teach, so the design rules
	 * (evidence citing keys, length cue, retake and final pools, taught points) would only get in the way.
	 */
	designRules: z
		.boolean()
		.default(true)
		.describe(
			'Test fixtures only: false skips the design rules (evidence citing its key, length cue, retake and final pools, taught points)'
		)
});

export const SOURCE_KINDS = ['analysis', 'state-media news'] as const;

export const sourceFrontMatterSchema = z.strictObject({
	id,
	title: text,
	/** True when the document carries no title of its own and `title` was supplied by the module's authors. */
	titleSupplied: z.boolean().default(false),
	publisher: text,
	author: text.nullable(),
	/** ISO date (YYYY-MM-DD) when known, null when the document carries none. */
	published: z.iso.date().nullable(),
	/** What the document itself says about its date when `published` is unknown, e.g. "after 2024-11-06". */
	dateNote: text.optional(),
	kind: z.enum(SOURCE_KINDS),
	perspective: text,
	url: z.url().optional(),
	/** The seed file this text was copied from, and the SHA-256 of its bytes, so a drift is caught. */
	copiedFrom: z.strictObject({ file: text, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
	/** Lines of the text that are headings (by exact text); every other non-empty line is a paragraph. */
	headings: z.array(text).default([]),
	/** Paragraphs left out of citation coverage, each with the reason. Only promotion lines qualify. */
	excludedFromCoverage: z
		.array(
			z.strictObject({
				paragraph: z.number().int().positive(),
				reason: z.enum(['call to action', 'author promotion'])
			})
		)
		.default([])
});

export const citationFileSchema = z.strictObject({
	source: id,
	quote: text
});

const optionSchema = z.strictObject({
	id,
	text,
	/** Why this option is right or wrong: shown after grading, next to the option. */
	why: text
});

const itemSchema = z.strictObject({ id, text });

const baseQuestion = {
	id,
	prompt: text,
	explanation: text,
	objective: id,
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
	use: z.enum(['practice', 'assessment']),
	citations: z.array(citationFileSchema).min(1, 'needs at least one citation'),
	tags: z.array(id).optional(),
	/** Kept for the final: only a quiz marked `final: true` draws it, so a final has items no retake used up. */
	heldOut: z
		.boolean()
		.optional()
		.describe('Only a final quiz draws this assessment item, so the final has items no other quiz showed'),
	/** Tests reading the sources rather than a point a lesson teaches; content:check accepts it untaught. */
	reading: z
		.boolean()
		.optional()
		.describe('The item tests reading the sources; no lesson needs to teach the passage it cites')
};

export const singleFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('single'),
	options: z.array(optionSchema).min(2),
	answer: id
});

export const multipleFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('multiple'),
	options: z.array(optionSchema).min(2),
	answer: z.array(id).min(1)
});

export const trueFalseFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('true-false'),
	answer: z.boolean()
});

export const orderingFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('ordering'),
	/** Items as the author writes them; shown shuffled. */
	items: z.array(itemSchema).min(2),
	/** Item ids in the correct order. */
	answer: z.array(id).min(2)
});

export const matchingFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('matching'),
	left: z.array(itemSchema).min(2),
	right: z.array(itemSchema).min(2),
	/** left id → right id */
	answer: z.record(z.string(), id)
});

export const shortTextFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('short-text'),
	/** The canonical answer, shown in review. */
	answer: text,
	/** Other accepted spellings; compared after normalising case, punctuation, whitespace and diacritics. */
	accept: z.array(text).default([]),
	/** Tempting wrong answers with their own feedback. */
	reject: z.array(z.strictObject({ text, why: text })).default([])
});

export const numericFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('numeric'),
	answer: z.number({ error: 'must be a number' }),
	tolerance: z.number().nonnegative().default(0),
	unit: text.optional()
});

export const evidenceFileSchema = z.strictObject({
	...baseQuestion,
	type: z.literal('evidence'),
	/** The claim the student must find support for. */
	claim: text,
	/** The passage the student reads; it is split into sentences for selection. Verified like a citation. */
	passage: citationFileSchema,
	/** The supporting sentences, each verbatim one of the passage's sentences. */
	answer: z.array(text).min(1)
});

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'true-false',
	'ordering',
	'matching',
	'short-text',
	'numeric',
	'evidence'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const questionFileSchema = z.discriminatedUnion('type', [
	singleFileSchema,
	multipleFileSchema,
	trueFalseFileSchema,
	orderingFileSchema,
	matchingFileSchema,
	shortTextFileSchema,
	numericFileSchema,
	evidenceFileSchema
]);

export const bankFileSchema = z.strictObject({
	id,
	title: text,
	questions: z.array(z.unknown()).min(1)
});

export type ModuleFile = z.infer<typeof moduleFileSchema>;
export type SourceFrontMatter = z.infer<typeof sourceFrontMatterSchema>;
export type CitationFile = z.infer<typeof citationFileSchema>;
export type QuestionFile = z.infer<typeof questionFileSchema>;
export type BankFile = z.infer<typeof bankFileSchema>;
