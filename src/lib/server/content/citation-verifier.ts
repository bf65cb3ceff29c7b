/**
 * Verifies that a cited quote is in the named source: after normalising whitespace, typographic quotes,
 * apostrophes and dashes (nothing else), it must be found exactly once, be at least MIN_QUOTE_LENGTH
 * characters, and lie within one paragraph. A verified citation records paragraph and offsets so the reader
 * can highlight it.
 */
import { allIndexesOf, normalise, normaliseWithMap, type NormalisedText } from '$lib/content/normalise';
import type { CitationFile } from '$lib/content/schema';
import type { LocatedCitation, Source } from '$lib/content/types';

export const MIN_QUOTE_LENGTH = 20;

export type Verification = { ok: true; citation: LocatedCitation } | { ok: false; message: string };

interface PreparedSource {
	source: Source;
	paragraphs: { n: number; norm: NormalisedText }[];
	/** All paragraphs' normalised text joined by single spaces, with each paragraph's start offset. */
	joined: string;
	starts: number[];
}

function prepare(source: Source): PreparedSource {
	const paragraphs = source.paragraphs.map((p) => ({ n: p.n, norm: normaliseWithMap(p.text) }));
	const starts: number[] = [];
	let joined = '';
	for (const p of paragraphs) {
		if (joined) joined += ' ';
		starts.push(joined.length);
		joined += p.norm.text;
	}
	return { source, paragraphs, joined, starts };
}

const words = (s: string) => s.split(' ').filter(Boolean);

/**
 * The window of the source most like the quote: the run of words, as long as the quote, sharing the most
 * word pairs with it. Good at pointing at the passage an author meant when a word or two differ.
 */
function closestPassage(prepared: PreparedSource, quote: string): { n: number; text: string } | null {
	const q = words(quote);
	const pairs = new Set(q.slice(1).map((w, i) => `${q[i]} ${w}`));
	const singles = new Set(q);
	let best: { n: number; text: string; score: number } | null = null;
	for (const p of prepared.paragraphs) {
		const w = words(p.norm.text);
		const size = Math.min(q.length, w.length);
		for (let start = 0; start + size <= w.length; start++) {
			// Windows that start and end where the quote does win ties, so the passage shown lines up.
			let score = (w[start] === q[0] ? 3 : 0) + (w[start + size - 1] === q.at(-1) ? 3 : 0);
			for (let i = start; i < start + size; i++) {
				if (singles.has(w[i] as string)) score += 1;
				if (i > start && pairs.has(`${w[i - 1]} ${w[i]}`)) score += 2;
			}
			if (!best || score > best.score) best = { n: p.n, text: w.slice(start, start + size).join(' '), score };
		}
	}
	return best && best.score > 0 ? { n: best.n, text: best.text } : null;
}

export class CitationVerifier {
	private readonly prepared = new Map<string, PreparedSource>();

	constructor(sources: Iterable<Source>) {
		for (const s of sources) this.prepared.set(s.id, prepare(s));
	}

	/** Where a quote sits, or null: the design rules' view of verify(). */
	readonly locate = (citation: CitationFile): LocatedCitation | null => {
		const v = this.verify(citation);
		return v.ok ? v.citation : null;
	};

	verify(citation: CitationFile): Verification {
		const prepared = this.prepared.get(citation.source);
		if (!prepared) {
			const known = [...this.prepared.keys()].map((k) => `"${k}"`).join(', ');
			return { ok: false, message: `unknown source "${citation.source}" (this module has ${known})` };
		}
		const quote = normalise(citation.quote);
		if (quote.length < MIN_QUOTE_LENGTH) {
			return {
				ok: false,
				message: `quote is too short (${quote.length} characters, at least ${MIN_QUOTE_LENGTH}) to point at one passage of "${citation.source}"`
			};
		}

		const hits: { n: number; start: number; end: number }[] = [];
		for (const p of prepared.paragraphs) {
			for (const at of allIndexesOf(p.norm.text, quote)) {
				hits.push({
					n: p.n,
					start: p.norm.origin[at] as number,
					end: (p.norm.origin[at + quote.length - 1] as number) + 1
				});
			}
		}
		if (hits.length === 1) {
			const [hit] = hits as [(typeof hits)[0]];
			return {
				ok: true,
				citation: {
					source: citation.source,
					quote: citation.quote,
					paragraph: hit.n,
					start: hit.start,
					end: hit.end
				}
			};
		}
		if (hits.length > 1) {
			const where = [...new Set(hits.map((h) => h.n))].join(', ');
			return {
				ok: false,
				message: `quote found ${hits.length} times in "${citation.source}" (paragraph ${where}): quote a longer passage so it points at one place`
			};
		}

		const across = prepared.joined.indexOf(quote);
		if (across >= 0) {
			const first = prepared.starts.findLastIndex((s) => s <= across);
			const last = prepared.starts.findLastIndex((s) => s < across + quote.length);
			const from = prepared.paragraphs[first]?.n;
			const to = prepared.paragraphs[last]?.n;
			return {
				ok: false,
				message: `quote spans paragraphs ${from} to ${to} of "${citation.source}": a citation must lie within one paragraph (cite each part separately)`
			};
		}
		const closest = closestPassage(prepared, quote);
		return {
			ok: false,
			message:
				`quote not found in "${citation.source}"` +
				(closest ? `; closest passage (paragraph ${closest.n}): "${closest.text}"` : '')
		};
	}
}
