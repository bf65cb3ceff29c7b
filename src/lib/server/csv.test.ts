import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('CSV (RFC 4180, UTF-8 with BOM)', () => {
	it('quotes only what needs quoting and doubles quotes', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('Lopez, Ana')).toBe('"Lopez, Ana"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(null)).toBe('');
		expect(csvField(0.5)).toBe('0.5');
		expect(csvField(-0.302)).toBe('-0.302');
		expect(csvField(true)).toBe('true');
	});

	it('defuses spreadsheet formulas in text but not negative numbers', () => {
		expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('-12')).toBe('-12');
	});

	it('starts with a BOM and ends every record with CRLF', () => {
		const csv = toCsv(['name', 'due'], [['Zoë', '2026-03-01T09:00:00.000Z']]);
		expect(csv).toBe('\uFEFFname,due\r\nZoë,2026-03-01T09:00:00.000Z\r\n');
	});
});
