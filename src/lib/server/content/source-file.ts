/**
 * Reads one source document: YAML front matter between `---` lines, then the text exactly as given.
 * Every non-empty line of the text is a numbered paragraph (a heading, a list item or body text).
 */
import { createHash } from 'node:crypto';
import { sourceFrontMatterSchema } from '$lib/content/schema';
import type { Paragraph, ParagraphKind, Source } from '$lib/content/types';
import type { ProblemList } from './problems';
import { parseYamlFile } from './yaml-file';
import { reportZodIssues } from './zod-problems';

export interface LoadedSource {
	source: Source;
	/** 1-based file line of each paragraph, by paragraph number, for messages. */
	lineOf: Map<number, number>;
}

const FENCE = '---\n';

export function parseSourceFile(
	file: string,
	content: string,
	moduleId: string,
	problems: ProblemList
): LoadedSource | null {
	if (!content.startsWith(FENCE)) {
		problems.add(file, 1, 1, 'a source must start with YAML front matter between "---" lines');
		return null;
	}
	const close = content.indexOf('\n---\n', FENCE.length - 1);
	if (close < 0) {
		problems.add(file, 1, 1, 'front matter is not closed by a "---" line');
		return null;
	}
	const yamlText = content.slice(FENCE.length, close + 1);
	const body = content.slice(close + '\n---\n'.length);
	const bodyFirstLine = yamlText.split('\n').length + 2;

	const yaml = parseYamlFile(file, yamlText, problems, 1);
	if (!yaml) return null;
	const parsed = sourceFrontMatterSchema.safeParse(yaml.data);
	if (!parsed.success) {
		reportZodIssues(parsed.error, yaml, [], problems);
		return null;
	}
	const meta = parsed.data;

	const digest = createHash('sha256').update(body, 'utf8').digest('hex');
	if (digest !== meta.copiedFrom.sha256) {
		const at = yaml.position(['copiedFrom', 'sha256']);
		problems.add(
			file,
			at.line,
			at.col,
			`the text differs from ${meta.copiedFrom.file} (sha256 ${digest.slice(0, 12)}…, expected ${meta.copiedFrom.sha256.slice(0, 12)}…): sources are copied verbatim; every citation of this source must be re-verified before the hash is updated`
		);
	}

	const headings = new Set(meta.headings);
	const paragraphs: Paragraph[] = [];
	const lineOf = new Map<number, number>();
	body.split('\n').forEach((line, i) => {
		if (line.trim() === '') return;
		const n = paragraphs.length + 1;
		let kind: ParagraphKind = 'paragraph';
		if (n === 1 && line.trim() === meta.title && !meta.titleSupplied) kind = 'title';
		else if (headings.has(line.trim())) kind = 'heading';
		else if (/^[-•]\s/.test(line)) kind = 'list-item';
		paragraphs.push({ n, kind, text: line });
		lineOf.set(n, bodyFirstLine + i);
	});

	meta.headings.forEach((h, i) => {
		if (!paragraphs.some((p) => p.text.trim() === h)) {
			const at = yaml.position(['headings', i]);
			problems.add(file, at.line, at.col, `heading "${h}" is not a line of the text`);
		}
	});

	const excluded = new Set<number>();
	meta.excludedFromCoverage.forEach((ex, i) => {
		const p = paragraphs[ex.paragraph - 1];
		if (!p || p.kind === 'heading' || p.kind === 'title') {
			const at = yaml.position(['excludedFromCoverage', i, 'paragraph']);
			problems.add(file, at.line, at.col, `paragraph ${ex.paragraph} is not a body paragraph of this source`);
		}
		excluded.add(ex.paragraph);
	});

	const { headings: _h, copiedFrom: _c, ...rest } = meta;
	const source: Source = {
		...rest,
		moduleId,
		paragraphs,
		citable: paragraphs
			.filter((p) => (p.kind === 'paragraph' || p.kind === 'list-item') && !excluded.has(p.n))
			.map((p) => p.n)
	};
	return { source, lineOf };
}
