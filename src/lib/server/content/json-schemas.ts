/**
 * JSON Schemas generated from the zod schemas, for editor autocompletion of the YAML content files
 * (`# yaml-language-server: $schema=…` at the top of each file). `npm run content:schema` writes them to
 * static/schema/; a unit test fails when the committed files are stale.
 */
import { z } from 'zod';
import { lessonFileSchema } from '$lib/content/lesson-schema';
import {
	bankFileSchema,
	moduleFileSchema,
	questionFileSchema,
	sourceFrontMatterSchema
} from '$lib/content/schema';

const bankWithQuestions = bankFileSchema.extend({ questions: z.array(questionFileSchema).min(1) });

export const JSON_SCHEMAS: Record<string, z.ZodType> = {
	'module.schema.json': moduleFileSchema,
	'bank.schema.json': bankWithQuestions,
	'source-front-matter.schema.json': sourceFrontMatterSchema,
	'lesson.schema.json': lessonFileSchema
};

export function renderJsonSchema(schema: z.ZodType): string {
	return JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, '\t') + '\n';
}
