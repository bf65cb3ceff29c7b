/** What the assignment form needs, picked for the browser. */
import { isTimeZone, zonedToUtc } from '$lib/time/zoned';
import { FEEDBACK_POLICIES, LATE_POLICIES } from './assignments';
import { KIND_LABELS, type AssignableTarget } from './targets';

export function formOptions(targets: readonly AssignableTarget[]) {
	return {
		targets: targets.map((t) => ({
			key: t.key,
			label: t.kind === 'quiz' ? t.title : `${KIND_LABELS[t.kind]}: ${t.title}`,
			group: t.moduleTitle
		})),
		feedbackPolicies: FEEDBACK_POLICIES,
		latePolicies: LATE_POLICIES
	};
}

/** The posted values, to fill the form again after a refusal (echoed, never trusted). */
export function echoAssignmentForm(get: (name: string) => string) {
	const tz = isTimeZone(get('tz')) ? get('tz') : 'UTC';
	const int = (raw: string) => (/^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : null);
	return {
		target: get('target').slice(0, 200),
		opensAt: zonedToUtc(get('opensAt'), tz)?.toISOString() ?? null,
		dueAt: zonedToUtc(get('dueAt'), tz)?.toISOString() ?? null,
		attemptsAllowed: int(get('attemptsAllowed')),
		timeLimitMinutes: int(get('timeLimitMinutes')),
		feedbackPolicy: get('feedbackPolicy').slice(0, 20),
		latePolicy: get('latePolicy').slice(0, 20),
		sameQuestions: get('sameQuestions') === 'on'
	};
}
