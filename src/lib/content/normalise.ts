/**
 * Quote normalisation shared by the citation verifier (server) and the reader's highlighter (browser).
 *
 * We normalise only what authors cannot see or type reliably: runs of whitespace, typographic quotes and
 * apostrophes, and dashes. Nothing else (no case folding, no punctuation stripping): a citation must
 * still be the source's own words.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const WHITESPACE = /[\s\u00A0\u2007\u202F]/;

function normaliseChar(ch: string): string {
	if (SINGLE_QUOTES.test(ch)) return "'";
	if (DOUBLE_QUOTES.test(ch)) return '"';
	if (DASHES.test(ch)) return '-';
	return ch;
}

/** A normalised string plus, for each of its characters, the index of the original character it came from. */
export interface NormalisedText {
	text: string;
	/** origin[i] = index in the original string of normalised character i; origin[text.length] = original length. */
	origin: number[];
}

/**
 * Normalise `input`, collapsing each whitespace run to one space and trimming the ends, and keep a map
 * back to the original offsets so that a match in normalised text can be highlighted in the original.
 */
export function normaliseWithMap(input: string): NormalisedText {
	let text = '';
	const origin: number[] = [];
	let pendingSpaceAt = -1;
	for (let i = 0; i < input.length; i++) {
		const ch = input[i] as string;
		if (WHITESPACE.test(ch)) {
			if (pendingSpaceAt < 0) pendingSpaceAt = i;
			continue;
		}
		if (pendingSpaceAt >= 0 && text.length > 0) {
			text += ' ';
			origin.push(pendingSpaceAt);
		}
		pendingSpaceAt = -1;
		text += normaliseChar(ch);
		origin.push(i);
	}
	origin.push(input.length);
	return { text, origin };
}

export function normalise(input: string): string {
	return normaliseWithMap(input).text;
}

/** Every start index of `needle` in `haystack` (overlapping matches included). */
export function allIndexesOf(haystack: string, needle: string): number[] {
	const found: number[] = [];
	if (needle.length === 0) return found;
	let from = 0;
	for (;;) {
		const at = haystack.indexOf(needle, from);
		if (at < 0) return found;
		found.push(at);
		from = at + 1;
	}
}

/** Where a quote sits in one paragraph: original-text offsets, end exclusive. */
export interface TextRange {
	start: number;
	end: number;
}

/**
 * Find `quote` in `paragraph` (both in original form) and return the original offsets of every match.
 * Used by the reader to highlight a passage and by the verifier to locate it.
 */
export function locateInParagraph(paragraph: string, quote: string): TextRange[] {
	const hay = normaliseWithMap(paragraph);
	const needle = normalise(quote);
	return allIndexesOf(hay.text, needle).map((at) => ({
		start: hay.origin[at] as number,
		end: (hay.origin[at + needle.length - 1] as number) + 1
	}));
}
