/** A located content problem: printed as `file:line:col: message`, the format editors and CI link. */
export interface ContentProblem {
	file: string;
	line: number;
	col: number;
	message: string;
}

export function formatProblem(p: ContentProblem): string {
	return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** Thrown when content is invalid; carries every problem found, not just the first. */
export class InvalidContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(
			`Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
				problems.map(formatProblem).join('\n')
		);
		this.name = 'InvalidContentError';
	}
}

/** Collects problems while loading so that one run reports them all. */
export class ProblemList {
	readonly items: ContentProblem[] = [];
	add(file: string, line: number, col: number, message: string): void {
		this.items.push({ file, line, col, message });
	}
	get empty(): boolean {
		return this.items.length === 0;
	}
}
