import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	attemptDeadline,
	effectiveDueAt,
	feedbackVisibility,
	startDecision,
	submissionVerdict,
	SUBMIT_GRACE_MS,
	workStatus,
	type AssignmentTimes
} from './rules';

// A test clock: every rule takes `now`, so time moves by changing an argument.
const T = (iso: string) => new Date(iso);
const times = (over: Partial<AssignmentTimes> = {}): AssignmentTimes => ({
	opensAt: '2026-03-02T08:00:00.000Z',
	dueAt: '2026-03-09T17:00:00.000Z',
	attemptsAllowed: 2,
	timeLimitMinutes: 30,
	latePolicy: 'refuse',
	...over
});

describe('extensions', () => {
	it('move the due date later, never earlier', () => {
		expect(effectiveDueAt(times(), null)).toBe('2026-03-09T17:00:00.000Z');
		expect(effectiveDueAt(times(), '2026-03-12T17:00:00.000Z')).toBe('2026-03-12T17:00:00.000Z');
		expect(effectiveDueAt(times(), '2026-03-01T17:00:00.000Z')).toBe('2026-03-09T17:00:00.000Z');
	});

	it('let a student start after the class due date under refuse-late, until their own', () => {
		const now = T('2026-03-10T12:00:00Z');
		expect(startDecision({ times: times(), extensionDueAt: null, attemptsUsed: 0, now })).toMatchObject({
			ok: false,
			reason: 'closed'
		});
		expect(
			startDecision({ times: times(), extensionDueAt: '2026-03-12T17:00:00.000Z', attemptsUsed: 0, now })
		).toEqual({
			ok: true,
			late: false,
			deadline: '2026-03-10T12:30:00.000Z',
			dueAt: '2026-03-12T17:00:00.000Z'
		});
	});
});

describe('starting', () => {
	it('is refused before the open date, after the attempts are used, and after the due date under refuse-late', () => {
		const t = times();
		expect(
			startDecision({ times: t, extensionDueAt: null, attemptsUsed: 0, now: T('2026-03-02T07:59:59Z') })
		).toMatchObject({
			reason: 'not-open'
		});
		expect(
			startDecision({ times: t, extensionDueAt: null, attemptsUsed: 0, now: T('2026-03-02T08:00:00Z') })
		).toMatchObject({
			ok: true,
			late: false
		});
		expect(
			startDecision({ times: t, extensionDueAt: null, attemptsUsed: 2, now: T('2026-03-03T08:00:00Z') })
		).toMatchObject({
			reason: 'no-attempts-left',
			message: 'You have used all 2 attempts.'
		});
		expect(
			startDecision({ times: t, extensionDueAt: null, attemptsUsed: 0, now: T('2026-03-09T17:00:00Z') })
		).toMatchObject({
			reason: 'closed'
		});
	});

	it('is allowed and marked late after the due date under accept-late; unlimited attempts never run out', () => {
		const t = times({ latePolicy: 'accept', attemptsAllowed: null });
		expect(
			startDecision({ times: t, extensionDueAt: null, attemptsUsed: 40, now: T('2026-03-20T10:00:00Z') })
		).toEqual({
			ok: true,
			late: true,
			deadline: '2026-03-20T10:30:00.000Z',
			dueAt: '2026-03-09T17:00:00.000Z'
		});
	});
});

describe('attempt deadlines', () => {
	it('end at the time limit, or at the due date under refuse-late if that comes first', () => {
		const d = (over: Partial<AssignmentTimes>, startedAt: string) =>
			attemptDeadline({ times: times(over), extensionDueAt: null, startedAt });
		expect(d({}, '2026-03-05T10:00:00.000Z')).toBe('2026-03-05T10:30:00.000Z');
		expect(d({}, '2026-03-09T16:50:00.000Z')).toBe('2026-03-09T17:00:00.000Z');
		expect(d({ timeLimitMinutes: null }, '2026-03-05T10:00:00.000Z')).toBe('2026-03-09T17:00:00.000Z');
		expect(d({ latePolicy: 'accept' }, '2026-03-09T16:50:00.000Z')).toBe('2026-03-09T17:20:00.000Z');
		expect(d({ latePolicy: 'accept', timeLimitMinutes: null }, '2026-03-09T16:50:00.000Z')).toBeNull();
	});

	it('follow the extension', () => {
		expect(
			attemptDeadline({
				times: times({ timeLimitMinutes: null }),
				extensionDueAt: '2026-03-11T09:00:00.000Z',
				startedAt: '2026-03-10T10:00:00.000Z'
			})
		).toBe('2026-03-11T09:00:00.000Z');
	});
});

describe('submissions', () => {
	const due = times().dueAt;
	it('on time are not late; after the deadline they count at the deadline; past the grace only saved answers count', () => {
		const deadline = '2026-03-09T17:00:00.000Z';
		expect(
			submissionVerdict({ times: times(), extensionDueAt: null, deadline, now: T('2026-03-09T16:59:00Z') })
		).toEqual({
			submittedAt: '2026-03-09T16:59:00.000Z',
			late: false,
			cutOff: false
		});
		expect(
			submissionVerdict({ times: times(), extensionDueAt: null, deadline, now: T('2026-03-09T17:00:10Z') })
		).toEqual({
			submittedAt: deadline,
			late: false,
			cutOff: false
		});
		const afterGrace = new Date(Date.parse(deadline) + SUBMIT_GRACE_MS + 1);
		expect(
			submissionVerdict({ times: times(), extensionDueAt: null, deadline, now: afterGrace })
		).toMatchObject({
			submittedAt: deadline,
			cutOff: true
		});
	});

	it('under accept-late after the due date are late, unless the student has an extension', () => {
		const now = T('2026-03-10T09:00:00Z');
		expect(submissionVerdict({ times: times(), extensionDueAt: null, deadline: null, now }).late).toBe(true);
		expect(
			submissionVerdict({ times: times(), extensionDueAt: '2026-03-11T00:00:00.000Z', deadline: null, now })
				.late
		).toBe(false);
		expect(due).toBe('2026-03-09T17:00:00.000Z');
	});

	it('under refuse-late are never late, whatever the clock says (property)', () => {
		const base = Date.parse('2026-03-01T00:00:00Z');
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 20 * 86_400_000 }),
				fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
				fc.integer({ min: 0, max: 30 * 86_400_000 }),
				fc.option(fc.integer({ min: 0, max: 20 * 86_400_000 }), { nil: null }),
				(startOffset, limit, submitOffset, extension) => {
					const t = times({
						timeLimitMinutes: limit,
						latePolicy: 'refuse',
						opensAt: new Date(base).toISOString()
					});
					const extensionDueAt = extension === null ? null : new Date(base + extension).toISOString();
					const startedAt = new Date(base + startOffset);
					const start = startDecision({ times: t, extensionDueAt, attemptsUsed: 0, now: startedAt });
					if (!start.ok) return;
					const verdict = submissionVerdict({
						times: t,
						extensionDueAt,
						deadline: start.deadline,
						now: new Date(startedAt.getTime() + submitOffset)
					});
					expect(verdict.late).toBe(false);
					expect(Date.parse(verdict.submittedAt)).toBeLessThanOrEqual(Date.parse(start.dueAt));
				}
			)
		);
	});
});

describe('status', () => {
	const status = (
		work: Parameters<typeof workStatus>[0]['work'],
		now: string,
		extensionDueAt: string | null = null
	) => workStatus({ times: times(), extensionDueAt, work, now: T(now) });
	it('moves from not open to not started, in progress, submitted; or to overdue and late', () => {
		expect(status(null, '2026-03-01T00:00:00Z')).toBe('not-open');
		expect(status(null, '2026-03-03T00:00:00Z')).toBe('not-started');
		expect(
			status({ startedAt: '2026-03-03T00:00:00Z', submittedAt: null, late: false }, '2026-03-03T00:10:00Z')
		).toBe('in-progress');
		const submitted = { startedAt: '2026-03-03T00:00:00Z', submittedAt: '2026-03-03T00:20:00Z', late: false };
		expect(status(submitted, '2026-03-20T00:00:00Z')).toBe('submitted');
		expect(status({ ...submitted, late: true }, '2026-03-20T00:00:00Z')).toBe('late');
		expect(status(null, '2026-03-09T17:00:00Z')).toBe('overdue');
		expect(
			status({ startedAt: '2026-03-03T00:00:00Z', submittedAt: null, late: false }, '2026-03-10T00:00:00Z')
		).toBe('overdue');
		expect(status(null, '2026-03-10T00:00:00Z', '2026-03-12T00:00:00.000Z')).toBe('not-started');
	});
});

describe('feedback', () => {
	it('follows the policy; answers wait for the last due date in the class under after-due', () => {
		const release = '2026-03-12T17:00:00.000Z';
		const v = (policy: 'immediate' | 'on-submit' | 'after-due', now: string, submitted = true) =>
			feedbackVisibility({ policy, submitted, answersReleaseAt: release, now: T(now) });
		expect(v('on-submit', '2026-03-05T00:00:00Z')).toEqual({ score: true, answers: true });
		expect(v('immediate', '2026-03-05T00:00:00Z')).toEqual({ score: true, answers: true });
		expect(v('after-due', '2026-03-10T00:00:00Z')).toEqual({ score: false, answers: false });
		expect(v('after-due', '2026-03-12T17:00:00Z')).toEqual({ score: true, answers: true });
		expect(v('on-submit', '2026-03-05T00:00:00Z', false)).toEqual({ score: false, answers: false });
	});
});
