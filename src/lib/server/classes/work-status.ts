/**
 * The one read model for assignment status: for every (assignment, student) pair asked about, the
 * student's due date, their work and the status it gives. Quiz assignments read what the grading
 * transaction recorded (assignment_work, written by $lib/server/effects); lesson and whole-module
 * assignments are derived from the student's own lesson progress and attempts (./derived-work.ts). The
 * instructor's pages, the student's pages and the class dashboard all read status through here, in a fixed
 * number of queries however many assignments and students there are.
 */
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { AssignmentKind } from '$lib/server/db/schema';
import { deriveWork, workKey } from './derived-work';
import { effectiveDueAt, workStatus, type WorkStatus } from './rules';

export interface WorkAssignment {
	id: string;
	kind: AssignmentKind;
	moduleId: string;
	targetId: string | null;
	opensAt: string;
	dueAt: string;
}

export interface StudentWork {
	assignmentId: string;
	userId: string;
	extensionDueAt: string | null;
	/** The student's own due date (the extension's when later). */
	dueAt: string;
	status: WorkStatus;
	startedAt: string | null;
	submittedAt: string | null;
	late: boolean;
	/** 0–1, or null: the stored (quiz) or derived (module) score; who may see it is the caller's rule. */
	score: number | null;
	/** For lesson and module assignments read with content: parts done, of all it covers. */
	partsDone: number | null;
	parts: number | null;
}

/**
 * Every pair's work, keyed by workKey(assignmentId, userId). Without `content`, lesson and module
 * assignments are not derived (callers that only need quiz status skip reading lesson progress).
 */
export async function workStatuses(
	db: Db,
	{
		assignments,
		userIds,
		now,
		content
	}: {
		assignments: readonly WorkAssignment[];
		userIds: readonly string[];
		now: Date;
		content?: ContentIndex;
	}
): Promise<Map<string, StudentWork>> {
	const out = new Map<string, StudentWork>();
	if (!assignments.length || !userIds.length) return out;
	const assignmentIds = assignments.map((a) => a.id);
	// Scoped by assignment (a class has a few dozen); one student's pages narrow to that student too.
	const one = userIds.length === 1 ? userIds[0]! : null;
	const [extensionRows, workRows] = await Promise.all([
		db.kysely
			.selectFrom('assignment_extensions')
			.select(['assignment_id', 'user_id', 'due_at'])
			.where('assignment_id', 'in', assignmentIds)
			.$if(one !== null, (q) => q.where('user_id', '=', one!))
			.execute(),
		db.kysely
			.selectFrom('assignment_work')
			.select(['assignment_id', 'user_id', 'started_at', 'submitted_at', 'late', 'score'])
			.where('assignment_id', 'in', assignmentIds)
			.$if(one !== null, (q) => q.where('user_id', '=', one!))
			.execute()
	]);
	const extensions = new Map(extensionRows.map((r) => [workKey(r.assignment_id, r.user_id), r.due_at]));
	const recorded = new Map(workRows.map((r) => [workKey(r.assignment_id, r.user_id), r]));
	const derived = content
		? await deriveWork(db, { content, assignments, userIds, extensions })
		: new Map<string, never>();
	for (const a of assignments) {
		for (const userId of userIds) {
			const key = workKey(a.id, userId);
			const extensionDueAt = extensions.get(key) ?? null;
			const d = derived.get(key);
			const r = recorded.get(key);
			const work = d
				? d.record
				: r && (r.started_at || r.submitted_at)
					? { startedAt: r.started_at, submittedAt: r.submitted_at, late: r.late === 1 }
					: null;
			out.set(key, {
				assignmentId: a.id,
				userId,
				extensionDueAt,
				dueAt: effectiveDueAt(a, extensionDueAt),
				status: workStatus({ times: a, extensionDueAt, work, now }),
				startedAt: work?.startedAt ?? null,
				submittedAt: work?.submittedAt ?? null,
				late: work?.late ?? false,
				score: d ? d.score : (r?.score ?? null),
				partsDone: d ? d.partsDone : null,
				parts: d ? d.parts : null
			});
		}
	}
	return out;
}

export { workKey };

export interface AssignmentSummary {
	assignmentId: string;
	submitted: number;
	late: number;
	overdue: number;
}

/** How many of the given students have submitted (late included), submitted late, or are overdue, per assignment. */
export async function assignmentSummaries(
	db: Db,
	input: {
		assignments: readonly WorkAssignment[];
		userIds: readonly string[];
		now: Date;
		content?: ContentIndex;
	}
): Promise<AssignmentSummary[]> {
	const work = [...(await workStatuses(db, input)).values()];
	return input.assignments.map((a) => {
		const mine = work.filter((w) => w.assignmentId === a.id);
		const count = (...statuses: WorkStatus[]) => mine.filter((w) => statuses.includes(w.status)).length;
		return {
			assignmentId: a.id,
			submitted: count('submitted', 'late'),
			late: count('late'),
			overdue: count('overdue')
		};
	});
}
