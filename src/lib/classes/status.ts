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
