/**
 * Assignments: an instructor sets a class a module, lesson or quiz with an open date, a due date,
 * attempts, a time limit, a feedback policy and a late policy; per-student extensions move one student's
 * due date. Functions check ownership (instructor) or membership (student) themselves; the deadline
 * rules are in ./rules.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { AssignmentKind, AssignmentTable, FeedbackPolicy, LatePolicy } from '$lib/server/db/schema';
import type { ContentIndex } from '$lib/server/content/content-index';
import { isTimeZone, zonedToUtc } from '$lib/time/zoned';
import { ownedClass } from './classes';
import { feedbackVisibility, type AssignmentTimes, type WorkStatus } from './rules';
import type { AssignableTarget } from './targets';
import { workKey, workStatuses } from './work-status';

export const FEEDBACK_POLICIES: Record<FeedbackPolicy, string> = {
	immediate: 'Each answer is checked as the student goes, with the key and explanation',
	'on-submit': 'Score and answers right after submitting',
	'after-due': 'Score and answers once the due date has passed for everyone'
};
export const LATE_POLICIES: Record<LatePolicy, string> = {
	accept: 'Accept late work and mark it late',
	refuse: 'Refuse work after the due date'
};
export const MAX_ATTEMPTS = 20;
export const MAX_TIME_LIMIT_MINUTES = 600;

export interface AssignmentInput {
	moduleId: string;
	kind: AssignmentKind;
	targetId: string | null;
	opensAt: string;
	dueAt: string;
	attemptsAllowed: number | null;
	timeLimitMinutes: number | null;
	feedbackPolicy: FeedbackPolicy;
	latePolicy: LatePolicy;
	/** Every student gets the same questions (one fixed form per quiz), each in their own order. Absent: off. */
	sameQuestions?: boolean;
}

export interface Assignment extends AssignmentInput {
	sameQuestions: boolean;
	id: string;
	classId: string;
	createdAt: string;
	updatedAt: string;
}

export type FieldErrors = Partial<Record<keyof AssignmentInput | 'target', string>>;

function toAssignment(r: Selectable<AssignmentTable>): Assignment {
	return {
		id: r.id,
		classId: r.class_id,
		moduleId: r.module_id,
		kind: r.kind,
		targetId: r.target_id,
		opensAt: r.opens_at,
		dueAt: r.due_at,
		attemptsAllowed: r.attempts_allowed,
		timeLimitMinutes: r.time_limit_minutes,
		feedbackPolicy: r.feedback_policy,
		latePolicy: r.late_policy,
		sameQuestions: r.same_questions === 1,
		createdAt: r.created_at,
		updatedAt: r.updated_at
	};
}

export function timesOf(a: AssignmentInput): AssignmentTimes {
	return {
		opensAt: a.opensAt,
		dueAt: a.dueAt,
		attemptsAllowed: a.attemptsAllowed,
		timeLimitMinutes: a.timeLimitMinutes,
		latePolicy: a.latePolicy
	};
}

function optionalInt(raw: string, min: number, max: number): number | null | 'bad' {
	const v = raw.trim();
	if (v === '') return null;
	if (!/^\d+$/.test(v)) return 'bad';
	const n = Number(v);
	return n >= min && n <= max ? n : 'bad';
}

/**
 * The assignment form → a checked input, or a message per field. Dates arrive as datetime-local values
 * in the instructor's browser zone (`tz`, UTC when the browser did not say).
 */
export function parseAssignmentForm(
	get: (name: string) => string,
	targets: readonly AssignableTarget[]
): { ok: true; input: AssignmentInput } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const target = targets.find((t) => t.key === get('target'));
	if (!target) errors.target = 'Choose what to assign.';
	const tz = isTimeZone(get('tz')) ? get('tz') : 'UTC';
	const opens = zonedToUtc(get('opensAt'), tz);
	const due = zonedToUtc(get('dueAt'), tz);
	if (!opens) errors.opensAt = 'Enter the open date and time.';
	if (!due) errors.dueAt = 'Enter the due date and time.';
	else if (opens && due.getTime() <= opens.getTime())
		errors.dueAt = 'The due date must be after the open date.';
	const attempts = optionalInt(get('attemptsAllowed'), 1, MAX_ATTEMPTS);
	if (attempts === 'bad')
		errors.attemptsAllowed = `Enter a whole number from 1 to ${MAX_ATTEMPTS}, or leave it empty for each quiz's own setting.`;
	const limit = optionalInt(get('timeLimitMinutes'), 1, MAX_TIME_LIMIT_MINUTES);
	if (limit === 'bad')
		errors.timeLimitMinutes = `Enter minutes from 1 to ${MAX_TIME_LIMIT_MINUTES}, or leave it empty for each quiz's own setting.`;
	const feedback = get('feedbackPolicy');
	if (!(feedback in FEEDBACK_POLICIES)) errors.feedbackPolicy = 'Choose when students see feedback.';
	const late = get('latePolicy');
	if (!(late in LATE_POLICIES)) errors.latePolicy = 'Choose what happens to late work.';
	const same = get('sameQuestions');
	// A checkbox sends "on" when ticked and nothing otherwise; anything else is a forged form.
	if (same !== '' && same !== 'on') errors.sameQuestions = 'Tick the box, or leave it empty.';
	if (Object.keys(errors).length || !target || !opens || !due || attempts === 'bad' || limit === 'bad')
		return { ok: false, errors };
	// Lessons have no attempts or timer: the fields apply to quizzes (a module's quizzes for a whole module).
	const quizRules = target.kind !== 'lesson';
	return {
		ok: true,
		input: {
			moduleId: target.moduleId,
			kind: target.kind,
			targetId: target.targetId,
			opensAt: opens.toISOString(),
			dueAt: due.toISOString(),
			attemptsAllowed: quizRules ? attempts : null,
			timeLimitMinutes: quizRules ? limit : null,
			feedbackPolicy: feedback as FeedbackPolicy,
			latePolicy: late as LatePolicy,
			sameQuestions: quizRules && same === 'on'
		}
	};
}

const columns = (input: AssignmentInput) => ({
	module_id: input.moduleId,
	kind: input.kind,
	target_id: input.targetId,
	opens_at: input.opensAt,
	due_at: input.dueAt,
	attempts_allowed: input.attemptsAllowed,
	time_limit_minutes: input.timeLimitMinutes,
	feedback_policy: input.feedbackPolicy,
	late_policy: input.latePolicy,
	same_questions: input.sameQuestions ? 1 : 0
});

type NotFound = { ok: false; status: 404; message: string };
const notFound = (what = 'assignment'): NotFound => ({ ok: false, status: 404, message: `No such ${what}.` });

export async function createAssignment(
	db: Db,
	{
		classId,
		instructorId,
		input,
		now
	}: { classId: string; instructorId: string; input: AssignmentInput; now: Date }
): Promise<{ ok: true; id: string } | NotFound> {
	if (!(await ownedClass(db, { classId, instructorId }))) return notFound('class');
	const id = randomUUID();
	const at = now.toISOString();
	await db.kysely
		.insertInto('assignments')
		.values({ id, class_id: classId, ...columns(input), created_at: at, updated_at: at })
		.execute();
	return { ok: true, id };
}

/** The assignment if `instructorId` owns its class. */
export async function ownedAssignment(
	db: Db,
	{ assignmentId, instructorId }: { assignmentId: string; instructorId: string }
): Promise<(Assignment & { className: string }) | null> {
	const row = await db.kysely
		.selectFrom('assignments')
		.innerJoin('classes', 'classes.id', 'assignments.class_id')
		.selectAll('assignments')
		.select('classes.name as class_name')
		.where('assignments.id', '=', assignmentId)
		.where('classes.instructor_id', '=', instructorId)
		.executeTakeFirst();
	return row ? { ...toAssignment(row), className: row.class_name } : null;
}

export async function updateAssignment(
	db: Db,
	{
		assignmentId,
		instructorId,
		input,
		now
	}: { assignmentId: string; instructorId: string; input: AssignmentInput; now: Date }
): Promise<{ ok: true } | NotFound> {
	if (!(await ownedAssignment(db, { assignmentId, instructorId }))) return notFound();
	await db.kysely
		.updateTable('assignments')
		.set({ ...columns(input), updated_at: now.toISOString() })
		.where('id', '=', assignmentId)
		.execute();
	return { ok: true };
}

export async function deleteAssignment(
	db: Db,
	{ assignmentId, instructorId }: { assignmentId: string; instructorId: string }
): Promise<{ ok: true; classId: string } | NotFound> {
	const owned = await ownedAssignment(db, { assignmentId, instructorId });
	if (!owned) return notFound();
	await db.kysely.deleteFrom('assignments').where('id', '=', assignmentId).execute();
	return { ok: true, classId: owned.classId };
}

export async function assignmentsOfClass(
	db: Db,
	{ classId, instructorId }: { classId: string; instructorId: string }
): Promise<Assignment[]> {
	const rows = await db.kysely
		.selectFrom('assignments')
		.innerJoin('classes', 'classes.id', 'assignments.class_id')
		.selectAll('assignments')
		.where('assignments.class_id', '=', classId)
		.where('classes.instructor_id', '=', instructorId)
		.orderBy('assignments.due_at')
		.orderBy('assignments.id')
		.execute();
	return rows.map(toAssignment);
}

export interface StudentProgress {
	userId: string;
	username: string;
	displayName: string;
	extensionDueAt: string | null;
	dueAt: string;
	status: WorkStatus;
	startedAt: string | null;
	submittedAt: string | null;
	score: number | null;
	/** For lesson and module assignments: lessons and quizzes done, of all it covers. */
	partsDone: number | null;
	parts: number | null;
}

/** Every current member's status on one assignment (instructor view), read through ./work-status.ts. */
export async function assignmentProgress(
	db: Db,
	{ assignment, now, content }: { assignment: Assignment; now: Date; content?: ContentIndex }
): Promise<StudentProgress[]> {
	const members = await db.kysely
		.selectFrom('class_members')
		.innerJoin('users', 'users.id', 'class_members.user_id')
		.select(['users.id', 'users.username', 'users.display_name'])
		.where('class_members.class_id', '=', assignment.classId)
		.orderBy('users.display_name')
		.orderBy('users.username')
		.execute();
	const work = await workStatuses(db, {
		assignments: [assignment],
		userIds: members.map((m) => m.id),
		now,
		content
	});
	return members.map((m) => {
		const w = work.get(workKey(assignment.id, m.id))!;
		return {
			userId: m.id,
			username: m.username,
			displayName: m.display_name,
			extensionDueAt: w.extensionDueAt,
			dueAt: w.dueAt,
			status: w.status,
			startedAt: w.startedAt,
			submittedAt: w.submittedAt,
			score: w.score,
			partsDone: w.partsDone,
			parts: w.parts
		};
	});
}

export interface StudentAssignment extends Assignment {
	className: string;
	extensionDueAt: string | null;
	/** The student's own due date (with the extension). */
	effectiveDueAt: string;
	status: WorkStatus;
	startedAt: string | null;
	submittedAt: string | null;
	/** The stored score: show it only when visibleScore() says so. */
	score: number | null;
	/** The latest due date in the class (the assignment's or any extension's): after-due feedback waits for it. */
	releaseAt: string;
}

/** The score a student may see now, by the assignment's feedback policy; null while it is withheld. */
export function visibleScore(a: StudentAssignment, now: Date): number | null {
	const visible = feedbackVisibility({
		policy: a.feedbackPolicy,
		submitted: a.submittedAt !== null,
		answersReleaseAt: a.releaseAt,
		now
	});
	return visible.score ? a.score : null;
}

/**
 * A student's assignments in every class they are in (or one class's, or one, by id), with their status
 * (./work-status.ts).
 * With `content`, lesson and module assignments read the student's lesson progress and quiz attempts.
 */
export async function studentAssignments(
	db: Db,
	{
		userId,
		now,
		assignmentId,
		classId,
		content
	}: { userId: string; now: Date; assignmentId?: string; classId?: string; content?: ContentIndex }
): Promise<StudentAssignment[]> {
	let query = db.kysely
		.selectFrom('assignments')
		.innerJoin('class_members as m', (j) =>
			j.onRef('m.class_id', '=', 'assignments.class_id').on('m.user_id', '=', userId)
		)
		.innerJoin('classes', 'classes.id', 'assignments.class_id')
		.selectAll('assignments')
		.select([
			'classes.name as class_name',
			(eb) =>
				eb
					.selectFrom('assignment_extensions as all_ext')
					.select((e) => e.fn.max('all_ext.due_at').as('latest'))
					.whereRef('all_ext.assignment_id', '=', 'assignments.id')
					.as('latest_extension')
		]);
	if (assignmentId) query = query.where('assignments.id', '=', assignmentId);
	if (classId) query = query.where('assignments.class_id', '=', classId);
	const rows = await query.orderBy('assignments.due_at').orderBy('assignments.id').execute();
	const assignments = rows.map(toAssignment);
	const work = await workStatuses(db, { assignments, userIds: [userId], now, content });
	return rows.map((r, i) => {
		const a = assignments[i]!;
		const w = work.get(workKey(a.id, userId))!;
		return {
			...a,
			className: r.class_name,
			extensionDueAt: w.extensionDueAt,
			effectiveDueAt: w.dueAt,
			status: w.status,
			startedAt: w.startedAt,
			submittedAt: w.submittedAt,
			score: w.score,
			releaseAt: r.latest_extension && r.latest_extension > a.dueAt ? r.latest_extension : a.dueAt
		};
	});
}

/** The latest due date in the class for an assignment (answers under `after-due` wait for it). */
export async function answersReleaseAt(
	db: Db,
	assignment: Pick<Assignment, 'id' | 'dueAt'>
): Promise<string> {
	const row = await db.kysely
		.selectFrom('assignment_extensions')
		.select((eb) => eb.fn.max('due_at').as('latest'))
		.where('assignment_id', '=', assignment.id)
		.executeTakeFirst();
	const latest = row?.latest ?? null;
	return latest && latest > assignment.dueAt ? latest : assignment.dueAt;
}

export async function setExtension(
	db: Db,
	{
		assignmentId,
		instructorId,
		studentId,
		dueAt,
		now
	}: { assignmentId: string; instructorId: string; studentId: string; dueAt: Date; now: Date }
): Promise<{ ok: true } | NotFound | { ok: false; status: 400; message: string }> {
	const a = await ownedAssignment(db, { assignmentId, instructorId });
	if (!a) return notFound();
	const member = await db.kysely
		.selectFrom('class_members')
		.select('user_id')
		.where('class_id', '=', a.classId)
		.where('user_id', '=', studentId)
		.executeTakeFirst();
	if (!member) return { ok: false, status: 400, message: 'That student is not in this class.' };
	if (dueAt.getTime() <= Date.parse(a.dueAt))
		return { ok: false, status: 400, message: 'An extension must end after the assignment’s due date.' };
	const at = now.toISOString();
	await db.kysely
		.insertInto('assignment_extensions')
		.values({ assignment_id: assignmentId, user_id: studentId, due_at: dueAt.toISOString(), created_at: at })
		.onConflict((oc) =>
			oc.columns(['assignment_id', 'user_id']).doUpdateSet({ due_at: dueAt.toISOString(), created_at: at })
		)
		.execute();
	return { ok: true };
}

export async function clearExtension(
	db: Db,
	{ assignmentId, instructorId, studentId }: { assignmentId: string; instructorId: string; studentId: string }
): Promise<{ ok: true } | NotFound> {
	if (!(await ownedAssignment(db, { assignmentId, instructorId }))) return notFound();
	const removed = await db.kysely
		.deleteFrom('assignment_extensions')
		.where('assignment_id', '=', assignmentId)
		.where('user_id', '=', studentId)
		.executeTakeFirst();
	return Number(removed.numDeletedRows) ? { ok: true } : notFound('extension');
}
