/**
 * Reads one YAML content file (module, bank, quiz or lesson) and validates it against its strict schema.
 * Syntax errors and schema issues go to `problems`, located file:line:col; null means the file is unusable.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { ProblemList } from './problems';
import { parseYamlFile, type YamlFile } from './yaml-file';
import { reportZodIssues } from './zod-problems';

export function readContentFile<S extends z.ZodType>(
	file: string,
	shownAs: string,
	schema: S,
	problems: ProblemList,
	prefix = ''
): { yaml: YamlFile; data: z.infer<S> } | null {
	const yaml = parseYamlFile(shownAs, readFileSync(file, 'utf8'), problems);
	if (!yaml) return null;
	const parsed = schema.safeParse(yaml.data);
	if (!parsed.success) {
		reportZodIssues(parsed.error, yaml, [], problems, prefix);
		return null;
	}
	return { yaml, data: parsed.data };
}
