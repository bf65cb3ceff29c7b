import { describe, expect, it } from 'vitest';
import { isTimeZone, utcToZonedLocal, zonedToUtc } from './zoned';

describe('zoned wall-clock times', () => {
	it('converts a local time in a zone to the instant, both ways', () => {
		expect(zonedToUtc('2026-03-10T17:00', 'Europe/Paris')?.toISOString()).toBe('2026-03-10T16:00:00.000Z');
		expect(zonedToUtc('2026-07-10T17:00', 'Europe/Paris')?.toISOString()).toBe('2026-07-10T15:00:00.000Z');
		expect(zonedToUtc('2026-03-10T09:30', 'America/New_York')?.toISOString()).toBe(
			'2026-03-10T13:30:00.000Z'
		);
		expect(zonedToUtc('2026-03-10T09:30', 'Asia/Kolkata')?.toISOString()).toBe('2026-03-10T04:00:00.000Z');
		expect(zonedToUtc('2026-03-10T09:30', 'UTC')?.toISOString()).toBe('2026-03-10T09:30:00.000Z');
		expect(utcToZonedLocal(new Date('2026-03-10T16:00:00Z'), 'Europe/Paris')).toBe('2026-03-10T17:00');
		expect(utcToZonedLocal(new Date('2026-03-10T04:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-10T09:30');
	});

	it('handles daylight-saving changes: skipped times move forward, repeated times take the first', () => {
		// 2026-03-08 02:30 does not exist in New York (clocks jump 02:00 → 03:00).
		expect(zonedToUtc('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe(
			'2026-03-08T07:30:00.000Z'
		);
		// 2026-11-01 01:30 happens twice; the first is EDT (UTC-4).
		expect(zonedToUtc('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe(
			'2026-11-01T05:30:00.000Z'
		);
		for (const local of ['2026-01-15T08:00', '2026-06-15T23:59', '2026-10-25T02:30']) {
			const instant = zonedToUtc(local, 'Europe/London');
			expect(instant && utcToZonedLocal(instant, 'Europe/London')).toBe(local);
		}
	});

	it('refuses malformed input, impossible dates and unknown zones', () => {
		for (const bad of [
			'',
			'tomorrow',
			'2026-02-30T10:00',
			'2026-13-01T10:00',
			'2026-01-01T24:00',
			'2026-01-01 10:00'
		])
			expect(zonedToUtc(bad, 'UTC')).toBeNull();
		expect(zonedToUtc('2026-01-01T10:00', 'Mars/Olympus')).toBeNull();
		expect(isTimeZone('Europe/Paris')).toBe(true);
		expect(isTimeZone("'; drop table")).toBe(false);
	});
});
