/**
 * Builds a small content tree in a temp folder for loader tests: one module, one source, and the banks and
 * lessons you pass, so each test states exactly the YAML it checks (and therefore its line numbers).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, type LoadOptions } from './load-content';
import { formatProblem } from './problems';

export const FIXTURE_TEXT = [
	'A Test Document',
	'The first treaty was signed in 1961 in Moscow by both parties.',
	'The second treaty, signed in 2000, dropped the mutual defence clause entirely.',
	'Both parties said the treaty would last. Critics said the treaty would not last.',
	'- A list item about the treaty would last in a different way here.'
].join('\n');

export const FIXTURE_MODULE = `id: demo
title: Demo module
summary: A module for tests.
objectives:
  - id: history
    title: History
    description: Know the history.
`;

export function sourceFile(text = FIXTURE_TEXT, extraFrontMatter = ''): string {
	const sha = createHash('sha256').update(text).digest('hex');
	return `---
id: doc
title: A Test Document
publisher: Test Press
author: null
published: 2024-06-19
kind: analysis
perspective: Neutral test text.
copiedFrom:
  file: doc.txt
  sha256: ${sha}
${extraFrontMatter}---
${text}`;
}

export interface Fixture {
	moduleYaml?: string;
	sources?: Record<string, string>;
	banks?: Record<string, string>;
	lessons?: Record<string, string>;
}

export function writeFixture(f: Fixture): string {
	const root = mkdtempSync(join(tmpdir(), 'sb-content-'));
	const dir = join(root, 'demo');
	mkdirSync(join(dir, 'sources'), { recursive: true });
	mkdirSync(join(dir, 'banks'), { recursive: true });
	writeFileSync(join(dir, 'module.yaml'), f.moduleYaml ?? FIXTURE_MODULE);
	for (const [name, text] of Object.entries(f.sources ?? { 'doc.md': sourceFile() })) {
		writeFileSync(join(dir, 'sources', name), text);
	}
	for (const [name, text] of Object.entries(f.banks ?? {})) writeFileSync(join(dir, 'banks', name), text);
	if (f.lessons) mkdirSync(join(dir, 'lessons'), { recursive: true });
	for (const [name, text] of Object.entries(f.lessons ?? {})) writeFileSync(join(dir, 'lessons', name), text);
	return root;
}

/** Loads the fixture and returns its problems formatted `path:line:col: message`, paths relative to the root. */
export function problemsOf(f: Fixture, options: LoadOptions = {}): string[] {
	const root = writeFixture(f);
	const result = loadContent(root, { ...options, relativeTo: root });
	return result.ok ? [] : result.problems.map(formatProblem);
}

/** "line:col" (1-based) of the `occurrence`-th `marker` in `text`, to state expected problem locations. */
export function at(text: string, marker: string, occurrence = 1): string {
	let index = -1;
	for (let i = 0; i < occurrence; i++) index = text.indexOf(marker, index + 1);
	if (index < 0) throw new Error(`marker ${marker} not in fixture`);
	const before = text.slice(0, index).split('\n');
	return `${before.length}:${(before.at(-1) as string).length + 1}`;
}
