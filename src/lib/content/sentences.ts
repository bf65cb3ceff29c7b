/**
 * Split a passage into sentences for evidence questions. Deliberately simple and deterministic: a sentence
 * ends at . ! or ? (optionally followed by a closing quote) when whitespace and an upper-case letter or an
 * opening quote follow. Authors see the split in `npm run content:check` errors when a key does not match.
 */
// Abbreviations such as "Mr." and "U.S." before a capital do not end a sentence.
const BOUNDARY = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|U\.S|U\.N)\.)(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/u;

export function splitSentences(passage: string): string[] {
	return passage
		.split(BOUNDARY)
		.map((s) => s.trim())
		.filter((s) => s.length > 0);
}
