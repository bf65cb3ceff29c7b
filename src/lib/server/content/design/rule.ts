/**
 * What a design rule returns: a figure for the report, and the findings that fail the content check. The
 * rules import nothing from server/content (which calls them), so the two folders stay one-way.
 */
import type { CitationFile } from '$lib/content/schema';

/** Where a quote sits in its source (the loader's verifier answers this), or null when it is not found. */
export type Locate = (citation: CitationFile) => { source: string; paragraph: number } | null;

export interface Finding {
	/** Where to point: a question id (its bank entry) or a quiz id (its blueprint). */
	at: { question: string } | { quiz: string };
	/** Path inside that question or quiz, e.g. ['citations'] or ['settings', 'attemptsAllowed']. */
	path: readonly (string | number)[];
	message: string;
}

export interface RuleResult {
	/** One line for the content:check report, e.g. "evidence items citing their key: 16/16". */
	figure: string;
	findings: Finding[];
}
