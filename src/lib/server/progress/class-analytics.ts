/**
 * Class analytics for the instructor dashboard (issue 6). Callers check that the instructor owns the class
 * (requireOwnedClass); these functions also take the instructor id and re-check it, so a wrong call cannot
 * read another class.
 *
 * - The grid: students × assignments, each cell's status from the classes read model (work-status.ts, a
 *   fixed number of queries); sorting and filtering follow the page's query parameters, on the server, so
 *   they work without JavaScript.
 * - Class mastery per objective: per student and objective, the weighted mean of the last RECENT answers
 *   (quiz items weigh 1, lesson checks ½) in SQL with a window function; the level rule ($lib/progress/mastery.ts) then
 *   classifies those per-student aggregates and the page shows how many students are at each level.
 * - Who is stuck: many remediations (lesson_events), questions missed twice or more, and assignments not
 *   started with the due date near (or passed), each counted in SQL per student.
 */
import { sql, type RawBuilder } from 'kysely';
import { STATUS_LABELS, type WorkStatus } from '$lib/classes/status';
import { parsePage } from '$lib/pagination';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { AssignmentKind } from '$lib/server/db/schema';
import { targetTitle, assignableTargets } from '$lib/server/classes/targets';
import { workKey, workStatuses } from '$lib/server/classes/work-status';
import type { Scope } from './item-analysis';
import { classMastery, type ObjectiveMasteryCount } from './class-mastery';

/** Students of a class as learner ids (their account's learner), for the analytics queries. */
export function classLearners(classId: string): RawBuilder<unknown> {
	return sql`select l.id from learners l inner join class_members m on m.user_id = l.user_id where m.class_id = ${classId}`;
}

export const classScope = (classId: string): Scope => ({
	kind: 'learners',
	ids: classLearners(classId),
	members: sql`select user_id from class_members where class_id = ${classId}`
});

export const STUCK_RULES = {
	remediations: 3,
	repeatedMisses: 2,
	/** A question counts as repeatedly missed when missed this many times or more. */
	missesPerQuestion: 2,
	dueSoonHours: 48
} as const;

export interface GridAssignment {
	id: string;
	title: string;
	dueAt: string;
	kind: AssignmentKind;
	moduleId: string;
	/** The module's title, so columns and CSV headers say which module each assignment is in. */
	moduleTitle: string;
	targetId: string | null;
}

export interface GridCell {
	assignmentId: string;
	status: WorkStatus;
	label: string;
	/** 0–100, or null. */
	percent: number | null;
	late: boolean;
	dueAt: string;
	extended: boolean;
	startedAt: string | null;
	submittedAt: string | null;
}

export interface GridStudent {
	userId: string;
	username: string;
	displayName: string;
	cells: GridCell[];
	stuck: string[];
}

export type SortKey = 'name' | 'stuck' | `a:${string}`;

export interface GridQuery {
	sort: SortKey;
	dir: 'asc' | 'desc';
	/** Only rows whose cell in `in` has this status. */
	status: WorkStatus | null;
	in: string | null;
	stuckOnly: boolean;
	q: string;
	/** Which page of the sorted, filtered grid the page shows (1-based); exports take every row. */
	page: number;
}

export function parseGridQuery(params: URLSearchParams): GridQuery {
	const sort = params.get('sort') ?? 'name';
	const status = params.get('status');
	return {
		sort: sort === 'stuck' || sort.startsWith('a:') ? (sort as SortKey) : 'name',
		dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
		status: status && status in STATUS_LABELS ? (status as WorkStatus) : null,
		in: params.get('in') || null,
		stuckOnly: params.get('stuck') === '1',
		q: (params.get('q') ?? '').trim().slice(0, 100),
		page: parsePage(params.get('page'))
	};
}

const num = (v: unknown) => Number(v ?? 0);

export interface ClassDashboard {
	assignments: GridAssignment[];
	students: GridStudent[];
	/** Before filtering. */
	total: number;
	objectives: ObjectiveMasteryCount[];
	stuck: GridStudent[];
}

export async function classDashboard(input: {
	db: Db;
	content: ContentIndex;
	classId: string;
	instructorId: string;
	now: Date;
	query: GridQuery;
}): Promise<ClassDashboard> {
	const { db, content, classId, instructorId, now, query } = input;
	const owned = await db.kysely
		.selectFrom('classes')
		.select('id')
		.where('id', '=', classId)
		.where('instructor_id', '=', instructorId)
		.executeTakeFirst();
	if (!owned) throw new Error('classDashboard: the class is not this instructor’s');
	const targets = assignableTargets(content);
	const [assignmentRows, members, stuckCounts, objectives] = await Promise.all([
		db.kysely
			.selectFrom('assignments')
			.selectAll()
			.where('class_id', '=', classId)
			.orderBy('due_at')
			.orderBy('id')
			.execute(),
		db.kysely
			.selectFrom('class_members as m')
			.innerJoin('users as u', 'u.id', 'm.user_id')
			.select(['u.id', 'u.username', 'u.display_name'])
			.where('m.class_id', '=', classId)
			.orderBy('u.display_name')
			.orderBy('u.username')
			.execute(),
		stuckSignals(db, classId),
		classMastery({ db, content, scope: classScope(classId) })
	]);
	const assignments = assignmentRows.map((a) => ({
		id: a.id,
		title: targetTitle(targets, { kind: a.kind, moduleId: a.module_id, targetId: a.target_id }),
		dueAt: a.due_at,
		kind: a.kind,
		moduleId: a.module_id,
		moduleTitle: content.module(a.module_id)?.title ?? a.module_id,
		targetId: a.target_id
	}));
	// Status through the one read model (quiz work as recorded, lessons and modules derived).
	const work = await workStatuses(db, {
		assignments: assignmentRows.map((a) => ({
			id: a.id,
			kind: a.kind,
			moduleId: a.module_id,
			targetId: a.target_id,
			opensAt: a.opens_at,
			dueAt: a.due_at
		})),
		userIds: members.map((m) => m.id),
		now,
		content
	});
	const soon = now.getTime() + STUCK_RULES.dueSoonHours * 3_600_000;
	const labels = assignmentLabels(assignments);
	const students: GridStudent[] = members.map((m) => {
		const row: GridCell[] = assignments.map(({ id }) => {
			const w = work.get(workKey(id, m.id))!;
			return {
				assignmentId: id,
				status: w.status,
				label: STATUS_LABELS[w.status],
				percent: w.score === null ? null : Math.round(w.score * 100),
				late: w.late,
				dueAt: w.dueAt,
				extended: w.extensionDueAt !== null,
				startedAt: w.startedAt,
				submittedAt: w.submittedAt
			};
		});
		const signals = stuckCounts.get(m.id);
		const stuck: string[] = [];
		if (signals && signals.remediations >= STUCK_RULES.remediations)
			stuck.push(`${signals.remediations} remediations in lessons`);
		if (signals && signals.repeated >= STUCK_RULES.repeatedMisses)
			stuck.push(`${signals.repeated} questions missed ${STUCK_RULES.missesPerQuestion} or more times`);
		const notStarted = row.filter(
			(c) => (c.status === 'not-started' && Date.parse(c.dueAt) <= soon) || c.status === 'overdue'
		);
		for (const c of notStarted) {
			const title = labels.get(c.assignmentId) ?? 'an assignment';
			stuck.push(
				c.status === 'overdue' ? `${title}: overdue, not submitted` : `${title}: not started, due soon`
			);
		}
		return { userId: m.id, username: m.username, displayName: m.display_name, cells: row, stuck };
	});
	return {
		assignments,
		students: sortAndFilter(students, query),
		total: students.length,
		objectives,
		stuck: students.filter((s) => s.stuck.length > 0)
	};
}

/**
 * How each assignment is named in reasons and menus: its title, with the due date when another assignment
 * of the class has the same title (the same quiz assigned twice, say for a retake).
 */
export function assignmentLabels(
	assignments: readonly Pick<GridAssignment, 'id' | 'title' | 'dueAt'>[]
): Map<string, string> {
	const count = new Map<string, number>();
	for (const a of assignments) count.set(a.title, (count.get(a.title) ?? 0) + 1);
	return new Map(
		assignments.map((a) => [
			a.id,
			count.get(a.title)! > 1 ? `${a.title} (due ${a.dueAt.slice(0, 10)})` : a.title
		])
	);
}

const STATUS_ORDER: Record<WorkStatus, number> = {
	overdue: 0,
	'not-started': 1,
	'not-open': 2,
	'in-progress': 3,
	late: 4,
	submitted: 5
};

export function sortAndFilter(students: GridStudent[], query: GridQuery): GridStudent[] {
	const q = query.q.toLowerCase();
	let rows = students.filter(
		(s) =>
			(!q || s.displayName.toLowerCase().includes(q) || s.username.includes(q)) &&
			(!query.stuckOnly || s.stuck.length > 0) &&
			(!query.status ||
				!query.in ||
				s.cells.find((c) => c.assignmentId === query.in)?.status === query.status)
	);
	const byName = (a: GridStudent, b: GridStudent) =>
		a.displayName.localeCompare(b.displayName) || a.username.localeCompare(b.username);
	let compare = byName;
	if (query.sort === 'stuck') compare = (a, b) => b.stuck.length - a.stuck.length || byName(a, b);
	else if (query.sort.startsWith('a:')) {
		const id = query.sort.slice(2);
		const key = (s: GridStudent) => {
			const c = s.cells.find((x) => x.assignmentId === id);
			// Score first (no score sorts lowest), then how far along the work is.
			return c ? (c.percent ?? -1) * 10 + STATUS_ORDER[c.status] : -100;
		};
		compare = (a, b) => key(a) - key(b) || byName(a, b);
	}
	rows = [...rows].sort(compare);
	return query.dir === 'desc' ? rows.reverse() : rows;
}

async function stuckSignals(db: Db, classId: string) {
	const learners = classLearners(classId);
	const rows = await sql<{ user_id: string; remediations: number | string; repeated: number | string }>`
		select l.user_id as user_id,
			(select count(*) from lesson_events e where e.learner_id = l.id and e.type = 'remediation.taken') as remediations,
			(select count(*) from (
				select qa.question_id from quiz_answers qa inner join quiz_attempts a on a.id = qa.attempt_id
				where a.learner_id = l.id and a.status = 'graded' and qa.score < 1
				group by qa.question_id having count(*) >= ${STUCK_RULES.missesPerQuestion}
			) r) as repeated
		from learners l
		where l.id in (${learners})`.execute(db.kysely);
	return new Map(
		rows.rows.map((r) => [r.user_id, { remediations: num(r.remediations), repeated: num(r.repeated) }])
	);
}

/** A member of the class with their learner id (null if they never studied while signed in). */
export async function classStudent(
	db: Db,
	{ classId, userId }: { classId: string; userId: string }
): Promise<{ userId: string; username: string; displayName: string; learnerId: string | null } | null> {
	const row = await db.kysely
		.selectFrom('class_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('learners as l', 'l.user_id', 'u.id')
		.select(['u.id', 'u.username', 'u.display_name', 'l.id as learner_id'])
		.where('m.class_id', '=', classId)
		.where('m.user_id', '=', userId)
		.executeTakeFirst();
	return row
		? { userId: row.id, username: row.username, displayName: row.display_name, learnerId: row.learner_id }
		: null;
}
