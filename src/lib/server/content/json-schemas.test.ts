import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, renderJsonSchema } from './json-schemas';

describe('editor JSON Schemas', () => {
	it.each(Object.keys(JSON_SCHEMAS))(
		'static/schema/%s matches the zod schemas (run npm run content:schema)',
		(file) => {
			const committed = readFileSync(join('static', 'schema', file), 'utf8');
			expect(committed).toBe(renderJsonSchema(JSON_SCHEMAS[file]!));
		}
	);

	it('offers every card kind to the lesson editor, with descriptions', () => {
		const lesson = JSON.stringify(JSON.parse(renderJsonSchema(JSON_SCHEMAS['lesson.schema.json']!)));
		for (const kind of ['explain', 'check', 'scenario', 'flow', 'summary']) {
			expect(lesson).toContain(`"const":"${kind}"`);
		}
		expect(lesson).toContain('"description":"The main path, in order; the last step is the summary."');
	});

	it('offers every question type to the editor', () => {
		const bank = JSON.parse(renderJsonSchema(JSON_SCHEMAS['bank.schema.json']!));
		const types = JSON.stringify(bank);
		for (const t of [
			'single',
			'multiple',
			'true-false',
			'ordering',
			'matching',
			'short-text',
			'numeric',
			'evidence'
		]) {
			expect(types).toContain(`"const":"${t}"`);
		}
	});
});
