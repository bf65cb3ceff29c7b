/**
 * The lesson format (questions/<module>/lessons/<id>.yaml), as strict zod schemas. A lesson is steps on
 * one path; each step shows one card: an explanation, a check (a practice item, a remediation with the
 * cited passage, a different item to re-check), a scenario (a check whose wrong options each have their own
 * remediation), a decision flow (a ladder of yes/no questions), and the summary that ends the lesson.
 *
 * Authors name the passages a lesson quotes once, in `citations:`, and cards point at them by name. The
 * same card schemas, built with the resolved `{ source, quote }` in place of a name, give the shape the
 * app works with (`LessonDefinition`), so the file format and the player cannot drift apart.
 * `npm run content:schema` writes static/schema/lesson.schema.json from these for editor autocompletion.
 */
import { z } from 'zod';
import { citationFileSchema, ID_PATTERN } from './schema';

const id = z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and hyphens');
/** Flow question and result names become object keys whose order is the ladder: no digit-only keys. */
const nodeId = z
	.string()
	.regex(/^[a-z][a-z0-9-]*$/, 'must start with a letter, then lower-case letters, digits and hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const paragraphs = z.array(text).min(1, 'needs at least one paragraph');

function cardSchemas<C extends z.ZodType>(citation: C) {
	const citations = z
		.array(citation)
		.min(1, 'needs at least one citation: every card rests on the sources')
		.describe('The passages this text rests on; the player links each to the highlighted source.');

	const prose = z.strictObject({
		title: text.describe('The card heading.'),
		body: paragraphs.describe('Paragraphs of plain text (no markup).'),
		record: z
			.array(text)
			.optional()
			.describe(
				'Context from the public record, labelled as such in the player; never a substitute for a cited passage.'
			),
		citations
	});

	const explain = z.strictObject({
		kind: z.literal('explain').describe('Explanatory prose with the passages it rests on.'),
		...prose.shape
	});

	const item = id.describe(
		'A practice item id (a question with `use: practice` in one of the module banks).'
	);
	const retryItem = id.describe('A different practice item, asked after the remediation.');

	const check = z.strictObject({
		kind: z.literal('check').describe('A practice item, a remediation if it is missed, and a re-check.'),
		title: text.describe('The card heading.'),
		item,
		retryItem,
		remediation: prose.describe('Shown after a wrong answer, before the re-check.')
	});

	const scenario = z.strictObject({
		kind: z
			.literal('scenario')
			.describe(
				'A single-choice practice item whose options are outcomes, with a remediation per wrong outcome.'
			),
		title: text.describe('The card heading.'),
		item,
		retryItem,
		outcome: id.describe('The right option id of `item` (the content check compares it with the key).'),
		explanation: prose.describe('Shown once the right outcome is chosen.'),
		remediations: z
			.record(id, prose)
			.describe(
				'Per wrong option id of `item`, its own remediation; any other wrong answer gets a general one.'
			)
	});

	const flowQuestion = z.strictObject({
		question: text.describe('A yes/no question.'),
		help: text.describe('A hint shown under the question.'),
		citations
	});

	const flow = z.strictObject({
		kind: z
			.literal('flow')
			.describe(
				'A decision flow shaped as a ladder: Yes at the i-th question leads to the i-th result, No to the next question; No at the last question leads to the last result.'
			),
		title: text.describe('The card heading.'),
		lead: paragraphs.describe('What the student is asked to do.'),
		questions: z
			.record(nodeId, flowQuestion)
			.describe('The questions, in order (the first is where the flow starts and restarts).'),
		results: z.record(nodeId, prose).describe('The results, in order: one more than there are questions.'),
		next: text
			.optional()
			.describe(
				'The label of the button that leaves the flow from a result, e.g. "Next: the scenarios" (default "Next").'
			)
	});

	const summary = z.strictObject({
		kind: z.literal('summary').describe('Ends the lesson: reaching it completes the lesson.'),
		title: text.describe('The card heading.'),
		body: paragraphs,
		takeaways: z.array(text).min(1).describe('What the student should leave with, one line each.')
	});

	const card = z.discriminatedUnion('kind', [explain, check, scenario, flow, summary]);

	const step = z.strictObject({
		id: nodeId.describe("The step's id: the machine's top-level state, kept in saved progress."),
		label: text.describe('Short label for the path indicator.'),
		card
	});

	return { prose, explain, check, scenario, flowQuestion, flow, summary, card, step };
}

const lessonHead = {
	id: id.describe('The lesson id, unique in its module; the file is lessons/<id>.yaml.'),
	version: z
		.number()
		.int()
		.positive()
		.describe(
			'Bump when the steps change shape (ids, kinds, checks): saved progress of another version restarts the lesson.'
		),
	title: text.describe('The lesson title.'),
	objective: id.describe('The module objective this lesson teaches (an id from module.yaml).'),
	blurb: text.describe('One sentence for the catalog.')
};

const fileCards = cardSchemas(
	z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must name a passage in `citations:`')
);
const resolvedCards = cardSchemas(citationFileSchema);

export const lessonFileSchema = z
	.strictObject({
		...lessonHead,
		citations: z
			.record(
				z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'must be letters, digits and hyphens'),
				citationFileSchema
			)
			.describe('The passages the cards quote, by name: a source id and a verbatim quote of it.'),
		steps: z
			.array(fileCards.step)
			.min(2, 'needs at least one step before the summary')
			.describe('The main path, in order; the last step is the summary.')
	})
	.describe('A lesson: steps and cards, each resting on verified passages of the module sources.');

/** The shape the app uses: a lesson with every citation resolved to its passage. */
export const lessonDefinitionSchema = z.strictObject({
	...lessonHead,
	steps: z.array(resolvedCards.step).min(2)
});

export type LessonFile = z.infer<typeof lessonFileSchema>;
export type LessonDefinition = z.infer<typeof lessonDefinitionSchema>;
export type LessonStep = z.infer<typeof resolvedCards.step>;
export type Card = z.infer<typeof resolvedCards.card>;
export type Prose = z.infer<typeof resolvedCards.prose>;
export type ExplainCard = z.infer<typeof resolvedCards.explain>;
export type CheckCard = z.infer<typeof resolvedCards.check>;
export type ScenarioCard = z.infer<typeof resolvedCards.scenario>;
export type FlowQuestion = z.infer<typeof resolvedCards.flowQuestion>;
export type FlowCard = z.infer<typeof resolvedCards.flow>;
export type SummaryCard = z.infer<typeof resolvedCards.summary>;
