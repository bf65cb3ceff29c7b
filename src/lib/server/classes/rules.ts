/**
 * The deadline rules of an assignment, as pure functions of the time: when a student may start, when
 * an attempt must end, whether a submission is late, what status to show and when answers are released.
 * Every caller passes `now` (the request's clock), so the rules are tested by moving a clock, not by
 * sleeping. Lessons and quizzes call these rather than re-deriving them.
 */
import type { WorkStatus } from '$lib/classes/status';
import type { FeedbackPolicy, LatePolicy } from '$lib/server/db/schema';

export type { WorkStatus };

export interface AssignmentTimes {
	opensAt: string;
	dueAt: string;
	attemptsAllowed: number | null;
	timeLimitMinutes: number | null;
	latePolicy: LatePolicy;
}

/**
 * A submit that reaches the server this long after the attempt's deadline still counts in full (the
 * network is not instant); it is recorded at the deadline. Later than that, only what was saved before
 * the deadline counts.
 */
export const SUBMIT_GRACE_MS = 15_000;

const ms = (iso: string) => Date.parse(iso);
const later = (a: string, b: string) => (ms(a) >= ms(b) ? a : b);

/** The student's due date: an extension replaces the assignment's when it is later. */
export function effectiveDueAt(times: Pick<AssignmentTimes, 'dueAt'>, extensionDueAt: string | null): string {
	return extensionDueAt ? later(times.dueAt, extensionDueAt) : times.dueAt;
}

export interface WorkRecord {
	startedAt: string | null;
	submittedAt: string | null;
	late: boolean;
}

export function workStatus({
	times,
	extensionDueAt,
	work,
	now
}: {
	times: Pick<AssignmentTimes, 'opensAt' | 'dueAt'>;
	extensionDueAt: string | null;
	work: WorkRecord | null;
	now: Date;
}): WorkStatus {
	if (work?.submittedAt) return work.late ? 'late' : 'submitted';
	if (now.getTime() >= ms(effectiveDueAt(times, extensionDueAt))) return 'overdue';
	if (work?.startedAt) return 'in-progress';
	if (now.getTime() < ms(times.opensAt)) return 'not-open';
	return 'not-started';
}

export type StartDecision =
	| {
			ok: true;
			/** Started after the due date under accept-late: whatever is submitted will be marked late. */
			late: boolean;
			/** When this attempt ends on its own (time limit, or the due date under refuse-late); null = no end. */
			deadline: string | null;
			dueAt: string;
	  }
	| { ok: false; reason: 'not-open' | 'closed' | 'no-attempts-left'; message: string };

/** May a student start an attempt (or a lesson) now? The server asks this on every start. */
export function startDecision({
	times,
	extensionDueAt,
	attemptsUsed,
	now
}: {
	times: AssignmentTimes;
	extensionDueAt: string | null;
	attemptsUsed: number;
	now: Date;
}): StartDecision {
	const dueAt = effectiveDueAt(times, extensionDueAt);
	if (now.getTime() < ms(times.opensAt))
		return { ok: false, reason: 'not-open', message: 'This assignment is not open yet.' };
	if (times.attemptsAllowed !== null && attemptsUsed >= times.attemptsAllowed)
		return {
			ok: false,
			reason: 'no-attempts-left',
			message: `You have used all ${times.attemptsAllowed} attempt${times.attemptsAllowed === 1 ? '' : 's'}.`
		};
	const pastDue = now.getTime() >= ms(dueAt);
	if (pastDue && times.latePolicy === 'refuse')
		return { ok: false, reason: 'closed', message: 'The due date has passed and late work is not accepted.' };
	return {
		ok: true,
		late: pastDue,
		deadline: attemptDeadline({ times, extensionDueAt, startedAt: now.toISOString() }),
		dueAt
	};
}

/**
 * When an attempt started at `startedAt` ends without the student: the time limit, and under
 * refuse-late also the due date, whichever comes first. Null = the attempt stays open until submitted
 * (accept-late without a time limit: it will simply be marked late).
 */
export function attemptDeadline({
	times,
	extensionDueAt,
	startedAt
}: {
	times: Pick<AssignmentTimes, 'dueAt' | 'timeLimitMinutes' | 'latePolicy'>;
	extensionDueAt: string | null;
	startedAt: string;
}): string | null {
	const limit = times.timeLimitMinutes !== null ? ms(startedAt) + times.timeLimitMinutes * 60_000 : null;
	if (times.latePolicy === 'accept') return limit === null ? null : new Date(limit).toISOString();
	const due = ms(effectiveDueAt(times, extensionDueAt));
	return new Date(limit === null ? due : Math.min(limit, due)).toISOString();
}

export interface SubmissionVerdict {
	/** When the submission counts as made: now, or the deadline if it arrived after it. */
	submittedAt: string;
	late: boolean;
	/** The submit came after deadline + grace: only answers saved before the deadline count. */
	cutOff: boolean;
}

/** How a submission (by the student, or by the server at the deadline) is recorded. */
export function submissionVerdict({
	times,
	extensionDueAt,
	deadline,
	now
}: {
	times: Pick<AssignmentTimes, 'dueAt'>;
	extensionDueAt: string | null;
	deadline: string | null;
	now: Date;
}): SubmissionVerdict {
	const pastDeadline = deadline !== null && now.getTime() > ms(deadline);
	const submittedAt = pastDeadline ? deadline! : now.toISOString();
	return {
		submittedAt,
		late: ms(submittedAt) > ms(effectiveDueAt(times, extensionDueAt)),
		cutOff: pastDeadline && now.getTime() > ms(deadline!) + SUBMIT_GRACE_MS
	};
}

export interface FeedbackVisibility {
	score: boolean;
	answers: boolean;
}

/**
 * What a student sees of a graded attempt. `answersReleaseAt` is the latest due date in the class
 * (the assignment's or any extension's), so nobody gets the key while a classmate can still submit.
 */
export function feedbackVisibility({
	policy,
	submitted,
	answersReleaseAt,
	now
}: {
	policy: FeedbackPolicy;
	submitted: boolean;
	answersReleaseAt: string;
	now: Date;
}): FeedbackVisibility {
	if (!submitted) return { score: false, answers: false };
	if (policy !== 'after-due') return { score: true, answers: true };
	const released = now.getTime() >= ms(answersReleaseAt);
	return { score: released, answers: released };
}
