import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateInParagraph, normalise, normaliseWithMap } from './normalise';

describe('normalise', () => {
	it('folds typographic quotes, apostrophes and dashes to their plain forms', () => {
		expect(normalise('Moscow’s “just” order – now—then')).toBe('Moscow\'s "just" order - now-then');
	});

	it('collapses whitespace runs and trims the ends, and changes nothing else', () => {
		expect(normalise('  The  Treaty\n\ton\u00A0Comprehensive ')).toBe('The Treaty on Comprehensive');
		expect(normalise('Case, Punctuation; Kept!')).toBe('Case, Punctuation; Kept!');
	});

	it('maps every normalised character back to an original character that normalises to it', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '’', '“', '—', 'B', '.') }), (s) => {
				const { text, origin } = normaliseWithMap(s);
				expect(origin).toHaveLength(text.length + 1);
				for (let i = 0; i < text.length; i++) {
					const original = s[origin[i] as number] as string;
					if (text[i] === ' ') expect(original).toMatch(/\s/);
					else expect(normalise(original)).toBe(text[i]);
				}
			})
		);
	});
});

describe('locateInParagraph', () => {
	const paragraph = 'Russia’s Federation Council ratified on Wednesday the Treaty.';

	it('finds a quote typed with straight apostrophes in text that uses curly ones', () => {
		const [range] = locateInParagraph(paragraph, "Russia's Federation  Council");
		expect(range).toEqual({ start: 0, end: 'Russia’s Federation Council'.length });
	});

	it('returns every match so callers can refuse ambiguous quotes', () => {
		expect(locateInParagraph('the treaty and the treaty', 'the treaty')).toHaveLength(2);
		expect(locateInParagraph(paragraph, 'State Duma')).toEqual([]);
	});
});
