import { describe, expect, it } from 'vitest';
import { acceptsWork, closing, GRACE_MS, reviewOpen } from './timing';

const attempt = {
	started_at: '2026-03-01T09:00:00.000Z',
	time_limit_minutes: 30 as number | null,
	due_at: null as string | null,
	extension_minutes: 0
};
const t = (iso: string) => new Date(iso);

describe('attempt timing on the server clock', () => {
	it('closes at the time limit plus the attempt’s extension', () => {
		expect(closing(attempt)).toEqual({ at: t('2026-03-01T09:30:00.000Z'), reason: 'time-limit' });
		expect(closing({ ...attempt, extension_minutes: 15 })?.at).toEqual(t('2026-03-01T09:45:00.000Z'));
		expect(closing({ ...attempt, time_limit_minutes: null })).toBeNull();
	});

	it('closes at the due date (plus extension) when that comes first', () => {
		const due = { ...attempt, due_at: '2026-03-01T09:10:00.000Z', extension_minutes: 5 };
		expect(closing(due)).toEqual({ at: t('2026-03-01T09:15:00.000Z'), reason: 'due-date' });
	});

	it('accepts work until the close plus a grace period for saves in flight', () => {
		const end = Date.parse('2026-03-01T09:30:00.000Z');
		expect(acceptsWork(attempt, new Date(end + GRACE_MS))).toBe(true);
		expect(acceptsWork(attempt, new Date(end + GRACE_MS + 1))).toBe(false);
		expect(acceptsWork({ ...attempt, time_limit_minutes: null }, t('2099-01-01T00:00:00Z'))).toBe(true);
	});

	it('opens the review after grading, and under after-due only once the due date (plus extension) has passed', () => {
		const graded = {
			status: 'graded' as const,
			feedback: 'on-submit' as const,
			due_at: null,
			extension_minutes: 0
		};
		expect(reviewOpen(graded, t('2026-01-01T00:00:00Z'))).toBe(true);
		expect(reviewOpen({ ...graded, status: 'open' }, t('2026-01-01T00:00:00Z'))).toBe(false);
		const later = {
			...graded,
			feedback: 'after-due' as const,
			due_at: '2026-03-02T12:00:00.000Z',
			extension_minutes: 60
		};
		expect(reviewOpen(later, t('2026-03-02T12:59:59.000Z'))).toBe(false);
		expect(reviewOpen(later, t('2026-03-02T13:00:00.000Z'))).toBe(true);
		// Self-study without a due date has nothing to wait for.
		expect(reviewOpen({ ...later, due_at: null }, t('2026-01-01T00:00:00Z'))).toBe(true);
	});
});
