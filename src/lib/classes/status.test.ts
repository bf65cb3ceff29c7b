import { describe, expect, it } from 'vitest';
import { percent } from './status';

describe('percent', () => {
	it('rounds like the quiz review (100 × score / max), not like binary floating point', () => {
		expect(percent(3.95 / 20)).toBe(`${Math.round((100 * 3.95) / 20)}%`);
		expect(percent(0.1975)).toBe('20%');
		expect(percent(0.145)).toBe('15%');
		expect(percent(0)).toBe('0%');
		expect(percent(1)).toBe('100%');
	});
});
