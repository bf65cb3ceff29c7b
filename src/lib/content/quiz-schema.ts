/**
 * Quiz blueprints (questions/<module>/quizzes/<id>.yaml), as a strict zod schema. A blueprint names no
 * questions: it says how many assessment items to draw per objective (and optionally difficulty), and the
 * rules of an attempt. Plain shapes only (no transforms), so z.toJSONSchema() can serve editors.
 */
import { z } from 'zod';
import { ID_PATTERN } from './schema';

const id = z.string().regex(ID_PATTERN, 'must be lower-case letters, digits and hyphens');
const text = z.string().trim().min(1, 'must not be empty');

/** When the learner sees grades, keys and explanations. */
export const FEEDBACK_POLICIES = ['immediate', 'on-submit', 'after-due'] as const;
export type FeedbackPolicy = (typeof FEEDBACK_POLICIES)[number];

export const quizDrawSchema = z
	.strictObject({
		objective: id.describe('An objective id from module.yaml'),
		difficulty: z
			.union([z.literal(1), z.literal(2), z.literal(3)])
			.optional()
			.describe('Only items of this difficulty; any difficulty when absent'),
		count: z.number().int().min(1).max(50).describe('How many assessment items to draw')
	})
	.describe('Draw `count` assessment items of one objective (and difficulty) from the banks');

export const quizSettingsSchema = z.strictObject({
	attemptsAllowed: z.number().int().min(1).max(20).describe('Attempts per learner'),
	timeLimitMinutes: z
		.number()
		.int()
		.min(1)
		.max(600)
		.optional()
		.describe('Enforced on the server clock; no limit when absent'),
	feedback: z
		.enum(FEEDBACK_POLICIES)
		.describe(
			'immediate: each answer can be checked as you go; on-submit: review after submitting; after-due: review after the due date'
		),
	passMark: z.number().int().min(0).max(100).describe('Percentage of the maximum score needed to pass')
});

export const quizFileSchema = z.strictObject({
	id,
	title: text,
	summary: text,
	/** A final may draw the items kept for it (`heldOut: true`); other quizzes never do. */
	final: z
		.boolean()
		.default(false)
		.describe('A final quiz may draw the held-out items; other quizzes never draw them'),
	settings: quizSettingsSchema,
	draws: z.array(quizDrawSchema).min(1, 'needs at least one draw')
});

export type QuizFile = z.infer<typeof quizFileSchema>;
export type QuizDrawFile = z.infer<typeof quizDrawSchema>;
