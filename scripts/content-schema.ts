/** npm run content:schema — writes static/schema/*.json from the zod schemas (see json-schemas.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMAS, renderJsonSchema } from '../src/lib/server/content/json-schemas';

const dir = join('static', 'schema');
mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(JSON_SCHEMAS)) {
	writeFileSync(join(dir, file), renderJsonSchema(schema));
	console.log(`wrote ${join(dir, file)}`);
}
