/**
 * Each grading rule with small worked examples (README "Grading (partial credit)"). The property tests in
 * properties.test.ts cover arbitrary and hostile input.
 */
import { describe, expect, it } from 'vitest';
import { grade } from './index';
import {
	evidence,
	matching,
	multiple,
	numeric,
	ordering,
	shortText,
	single,
	trueFalse
} from './test-questions';

const score = (q: Parameters<typeof grade>[0], response: unknown) => grade(q, response).score;

describe('single choice: all or nothing, the chosen option’s why as feedback', () => {
	const q = single('b');
	it('scores the key 1 and any other option 0', () => {
		expect(grade(q, 'b')).toMatchObject({ score: 1, correct: true, partial: false, feedback: 'b is right' });
		expect(grade(q, 'a')).toMatchObject({ score: 0, correct: false, partial: false, feedback: 'a is wrong' });
	});
	it('treats unknown ids, arrays and nothing as no answer', () => {
		expect(score(q, 'z')).toBe(0);
		expect(score(q, ['b'])).toBe(0);
		expect(score(q, undefined)).toBe(0);
	});
});

describe('multiple choice: (right picks − wrong picks) / right options, floored at 0', () => {
	// Key {a, b} out of {a, b, c, d}.
	const q = multiple(['a', 'b']);
	it('gives half for one of two right options', () => expect(score(q, ['a'])).toBe(0.5));
	it('cancels a right pick with a wrong one', () => expect(score(q, ['a', 'c'])).toBe(0));
	it('never goes below 0', () => expect(score(q, ['c', 'd'])).toBe(0));
	it('gives nothing for ticking every box', () => expect(score(q, ['a', 'b', 'c', 'd'])).toBe(0));
	it('gives 2/3 for two of three right options', () =>
		expect(score(multiple(['a', 'b', 'c']), ['a', 'b'])).toBe(0.6667));
	it('counts a repeated pick once and ignores unknown ids', () => {
		expect(score(q, ['a', 'a', 'a'])).toBe(0.5);
		expect(score(q, ['a', 'b', 'zz'])).toBe(1);
	});
	it('marks partial credit as partial', () =>
		expect(grade(q, ['b'])).toMatchObject({ partial: true, correct: false }));
});

describe('true/false: all or nothing', () => {
	it('accepts booleans and the strings a form sends', () => {
		expect(score(trueFalse(false), false)).toBe(1);
		expect(score(trueFalse(false), 'false')).toBe(1);
		expect(score(trueFalse(false), true)).toBe(0);
		expect(score(trueFalse(true), 'yes')).toBe(0);
	});
});

describe('ordering: share of item pairs in the right relative order', () => {
	// Key a < b < c < d: 6 pairs.
	const q = ordering(['a', 'b', 'c', 'd']);
	it('gives 1 for the key and 0 for the reverse', () => {
		expect(score(q, ['a', 'b', 'c', 'd'])).toBe(1);
		expect(score(q, ['d', 'c', 'b', 'a'])).toBe(0);
	});
	it('loses one pair in six for one swap of neighbours', () =>
		expect(score(q, ['b', 'a', 'c', 'd'])).toBe(0.8333));
	it('loses three pairs for moving the first item last', () =>
		expect(score(q, ['b', 'c', 'd', 'a'])).toBe(0.5));
	it('gives nothing for something that is not a permutation', () => {
		expect(score(q, ['a', 'b', 'c'])).toBe(0);
		expect(score(q, ['a', 'a', 'c', 'd'])).toBe(0);
		expect(score(q, ['a', 'b', 'c', 'x'])).toBe(0);
	});
});

describe('matching: share of left items paired correctly', () => {
	const q = matching({ l1: 'r1', l2: 'r2', l3: 'r3', l4: 'r4' });
	it('gives a quarter per right pair', () => {
		expect(score(q, { l1: 'r1', l2: 'r2', l3: 'r4', l4: 'r3' })).toBe(0.5);
		expect(score(q, { l1: 'r1' })).toBe(0.25);
	});
	it('ignores unknown left ids and does not read inherited properties', () => {
		expect(score(q, { l9: 'r1', l1: 'r1' })).toBe(0.25);
		expect(score(q, Object.create({ l1: 'r1' }))).toBe(0);
	});
	it('refuses non-string partners', () => expect(score(q, { l1: 1 })).toBe(0));
});

describe('short text: normalised comparison against the answer and accepted variants', () => {
	const q = shortText('Federation Council', ['the Federation Council']);
	it('ignores case, punctuation, whitespace, diacritics and typographic quotes', () => {
		expect(score(q, '  FEDERATION   council. ')).toBe(1);
		expect(score(q, '“the Federation Council”')).toBe(1);
		expect(score(shortText('Kim Tae-hyo', []), 'kim tae hyo')).toBe(1);
		expect(score(shortText('Pyongyang', []), 'Pyŏngyang')).toBe(1);
	});
	it('does not accept near misses that are not listed', () => expect(score(q, 'Council')).toBe(0));
	it('returns the author’s feedback for a known wrong answer', () => {
		expect(grade(q, 'state duma')).toMatchObject({
			score: 0,
			feedback: 'The Duma voted first; the Council ratified.'
		});
	});
	it('treats blank input as no answer', () => expect(score(q, '  ... ')).toBe(0));
});

describe('numeric: within ± tolerance, inclusive', () => {
	it('needs the exact value when the tolerance is 0', () => {
		expect(score(numeric(6, 0), 6)).toBe(1);
		expect(score(numeric(6, 0), '6')).toBe(1);
		expect(score(numeric(6, 0), 6.01)).toBe(0);
	});
	it('accepts the edges of the tolerance band', () => {
		expect(score(numeric(100, 5), 95)).toBe(1);
		expect(score(numeric(100, 5), '105')).toBe(1);
		expect(score(numeric(100, 5), 105.5)).toBe(0);
	});
	it('accepts a decimal comma and spaces, refuses words', () => {
		expect(score(numeric(2.5, 0), ' 2,5 ')).toBe(1);
		expect(score(numeric(6, 0), 'six')).toBe(0);
		expect(score(numeric(6, 0), '6 articles')).toBe(0);
	});
	it('absorbs floating-point representation error', () => expect(score(numeric(0.3, 0), 0.1 + 0.2)).toBe(1));
});

describe('evidence: (supporting picks − other picks) / supporting sentences, floored at 0', () => {
	// Sentences 0–4, supporting 1 and 3.
	const q = evidence([1, 3], 5);
	it('gives half for one of two supporting sentences', () => expect(score(q, [1])).toBe(0.5));
	it('cancels a supporting pick with an unsupported one', () => expect(score(q, [1, 2])).toBe(0));
	it('gives nothing for selecting the whole passage', () => expect(score(q, [0, 1, 2, 3, 4])).toBe(0));
	it('accepts index strings from forms and ignores out-of-range indexes', () => {
		expect(score(q, ['1', '3'])).toBe(1);
		expect(score(q, [1, 3, 99])).toBe(1);
	});
	it('refuses negative or fractional indexes', () => {
		expect(score(q, [-1, 1])).toBe(0);
		expect(score(q, [1.5])).toBe(0);
	});
});
