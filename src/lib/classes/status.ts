/**
 * Assignment statuses, shared by the server rules ($lib/server/classes/rules.ts) and the pages.
 * `late` = submitted after the due date (and accepted); `overdue` = due date passed, nothing submitted.
 */
export const WORK_STATUSES = [
	'not-open',
	'not-started',
	'in-progress',
	'submitted',
	'late',
	'overdue'
] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const STATUS_LABELS: Record<WorkStatus, string> = {
	'not-open': 'Not open yet',
	'not-started': 'Not started',
	'in-progress': 'In progress',
	submitted: 'Submitted',
	late: 'Submitted late',
	overdue: 'Overdue'
};

/**
 * A 0..1 score as a whole percentage, rounded like the quiz review rounds 100 × score / max: via a fixed
 * decimal first, so 0.1975 (19.749999… in binary) shows 20%, as the review does.
 */
export function percent(fraction: number): string {
	return `${Math.round(Number((fraction * 100).toFixed(6)))}%`;
}
