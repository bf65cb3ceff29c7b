/**
 * Untrusted JSON bodies: a value nested 20,000 deep parsed fine but overflowed the stack in validation, a
 * 500 (issue 12, finding 10). The nesting is measured on the text first (one pass, strings skipped), so a
 * body deeper than any real request is refused with a 400 before anything walks it.
 */
export const MAX_JSON_DEPTH = 32;

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

export function jsonDepth(text: string): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // backslash: skip the escaped character
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
		else if (c === 93 || c === 125) depth--;
	}
	return deepest;
}

export function parseJsonBody(text: string, maxDepth = MAX_JSON_DEPTH): JsonBody {
	if (jsonDepth(text) > maxDepth)
		return { ok: false, message: `The JSON is nested deeper than ${maxDepth} levels.` };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, message: 'The body is not valid JSON.' };
	}
}
