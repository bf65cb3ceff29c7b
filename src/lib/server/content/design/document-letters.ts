/**
 * Documents go by their names. The review found "Document A / B" in prompts and explanations that no page
 * explained (the reader, compare view and captions show titles and publishers), so a student met letters
 * with nothing to decode them. Any question text that names a document by a bare letter fails, located at
 * the offending field. Quotes of the sources (citations, evidence passages and keys) are not checked: they
 * are the documents' own words. Lesson files get the same check in lesson-files.ts.
 */
import type { ModuleContent } from '$lib/content/types';
import type { Finding, RuleResult } from './rule';

const LETTER = /\bDocuments? [A-Z]\b|\((?:[A-Z])\)/;
/** Fields holding the sources' verbatim text, not ours. */
const VERBATIM = new Set(['citations', 'passage', 'answer']);

type Path = (string | number)[];

/** Every string under `value` (skipping the verbatim fields) that names a document by a letter. */
export function documentLetterHits(value: unknown, path: Path = []): { path: Path; found: string }[] {
	if (typeof value === 'string') {
		const m = value.match(LETTER);
		return m ? [{ path, found: m[0] }] : [];
	}
	if (Array.isArray(value)) return value.flatMap((v, i) => documentLetterHits(v, [...path, i]));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) =>
			VERBATIM.has(k) ? [] : documentLetterHits(v, [...path, k])
		);
	return [];
}

export const letterMessage = (found: string) =>
	`"${found}" names a document by a letter no page explains; name it plainly (e.g. "the Sputnik report")`;

export function documentLetters(m: Pick<ModuleContent, 'questions'>): RuleResult {
	const findings: Finding[] = m.questions.flatMap((q) => {
		const hit = documentLetterHits(q)[0];
		return hit
			? [{ at: { question: q.id }, path: hit.path, message: `"${q.id}": ${letterMessage(hit.found)}` }]
			: [];
	});
	return { figure: `questions naming a document by letter: ${findings.length}`, findings };
}
