/** What a design rule returns: a figure for the report, and the findings that fail the content check. */
import type { YamlPath } from '../yaml-file';

export interface Finding {
	/** Where to point: a question id (its bank entry) or a quiz id (its blueprint). */
	at: { question: string } | { quiz: string };
	/** Path inside that question or quiz, e.g. ['citations'] or ['settings', 'attemptsAllowed']. */
	path: YamlPath;
	message: string;
}

export interface RuleResult {
	/** One line for the content:check report, e.g. "evidence items citing their key: 16/16". */
	figure: string;
	findings: Finding[];
}
