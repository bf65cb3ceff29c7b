import { describe, expect, it } from 'vitest';
import { jsonDepth, parseJsonBody } from './json-body';

describe('JSON bodies', () => {
	it('measure nesting outside strings', () => {
		expect(jsonDepth('{"a":[1,{"b":"[[[{{"}]}')).toBe(3);
		expect(jsonDepth('"\\"[["')).toBe(0);
		expect(jsonDepth('1')).toBe(0);
	});

	// Issue 12, finding 10: 20,000 levels answered 500 (Maximum call stack size exceeded).
	it('refuse a value nested 20,000 deep, and malformed text, with a message', () => {
		const deep = '['.repeat(20_000) + ']'.repeat(20_000);
		expect(parseJsonBody(deep)).toEqual({ ok: false, message: 'The JSON is nested deeper than 32 levels.' });
		expect(parseJsonBody('{"a":')).toEqual({ ok: false, message: 'The body is not valid JSON.' });
		expect(parseJsonBody('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
	});
});
