/** Turns zod issues into located problems with messages an author can act on. */
import type { z } from 'zod';
import type { ProblemList } from './problems';
import type { YamlFile, YamlPath } from './yaml-file';

function describePath(path: YamlPath): string {
	return path.reduce<string>(
		(out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
		''
	);
}

function messageFor(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			// zod reports a missing key as "expected X, received undefined"; say it plainly.
			return issue.message.includes('received undefined') ? 'is required' : issue.message;
		case 'unrecognized_keys':
			return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
		default:
			return issue.message;
	}
}

export function reportZodIssues(
	error: z.ZodError,
	yaml: YamlFile,
	basePath: YamlPath,
	problems: ProblemList,
	prefix = ''
): void {
	for (const issue of error.issues) {
		const path = [...basePath, ...(issue.path as (string | number)[])];
		const where =
			issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
				? yaml.keyPosition(path, issue.keys[0])
				: yaml.position(path);
		const field = describePath(issue.path as (string | number)[]);
		problems.add(
			yaml.file,
			where.line,
			where.col,
			`${prefix}${field ? `${field} ` : ''}${messageFor(issue)}`
		);
	}
}
