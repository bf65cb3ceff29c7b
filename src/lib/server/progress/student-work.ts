/**
 * Which of a student's quiz attempts and lesson runs the instructor of a class may open (issue 11), and
 * finding them. The rule, also in docs/classes.md:
 *
 *   An instructor of class C may open a quiz attempt or lesson run of learner L when L's account is a
 *   member of C now, and the attempt or run is of something C has been assigned: an attempt started from
 *   an assignment of C, or any attempt at a quiz that C has as a quiz assignment or within a whole-module
 *   assignment; a run of a lesson that C has as a lesson assignment or within a whole-module assignment.
 *
 * The join date does not limit it: the class's numbers (mastery per objective, a lesson assignment that a
 * lesson finished earlier satisfies) already count the student's earlier work on that content, and a number
 * the teacher cannot check is the problem this fixes. Content C was never assigned stays private, and so
 * does everything after the student leaves the class.
 *
 * Every function takes the instructor id and re-checks ownership itself, so a wrong call cannot read
 * another class's students.
 */
import type { Db } from '$lib/server/db';
import type { AssignmentKind } from '$lib/server/db/schema';
import { findAttempt, listAttempts, type AttemptRow } from '$lib/server/quiz/attempts';

export interface ClassCoverage {
	/** `module/quiz` of quizzes C was assigned (by a quiz or whole-module assignment). */
	quizzes: (moduleId: string, quizId: string) => boolean;
	lessons: (moduleId: string, lessonId: string) => boolean;
	/** Assignment ids of C (an attempt started from one is always visible). */
	assignmentIds: ReadonlySet<string>;
}

export interface ClassStudentRef {
	userId: string;
	username: string;
	displayName: string;
	learnerId: string | null;
}

/**
 * The member of a class the instructor owns, or null (not theirs, not a member: the same answer). With
 * `lock` (inside a transaction) the membership row is share-locked on PostgreSQL, so the student cannot be
 * removed from the class until the transaction ends; SQLite serialises writers already.
 */
export async function ownedClassStudent(
	db: Db,
	input: { classId: string; instructorId: string; userId: string; lock?: boolean }
): Promise<ClassStudentRef | null> {
	const query = db.kysely
		.selectFrom('class_members as m')
		.innerJoin('classes as c', 'c.id', 'm.class_id')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('learners as l', 'l.user_id', 'u.id')
		.select(['u.id', 'u.username', 'u.display_name', 'l.id as learner_id'])
		.where('m.class_id', '=', input.classId)
		.where('c.instructor_id', '=', input.instructorId)
		.where('m.user_id', '=', input.userId);
	const row = await (input.lock && db.engine === 'postgres' ? query.forShare('m') : query).executeTakeFirst();
	return row
		? { userId: row.id, username: row.username, displayName: row.display_name, learnerId: row.learner_id }
		: null;
}

export async function classCoverage(db: Db, classId: string): Promise<ClassCoverage> {
	const rows = await db.kysely
		.selectFrom('assignments')
		.select(['id', 'kind', 'module_id', 'target_id'])
		.where('class_id', '=', classId)
		.execute();
	const modules = new Set(rows.filter((r) => r.kind === 'module').map((r) => r.module_id));
	const targets = new Set(
		rows.filter((r) => r.kind !== 'module').map((r) => `${r.kind}/${r.module_id}/${r.target_id}`)
	);
	return {
		quizzes: (m, q) => modules.has(m) || targets.has(`quiz/${m}/${q}`),
		lessons: (m, l) => modules.has(m) || targets.has(`lesson/${m}/${l}`),
		assignmentIds: new Set(rows.map((r) => r.id))
	};
}

export function attemptVisible(coverage: ClassCoverage, a: AttemptRow): boolean {
	return (
		(a.assignment_id !== null && coverage.assignmentIds.has(a.assignment_id)) ||
		coverage.quizzes(a.module_id, a.quiz_id)
	);
}

/** Every attempt of the student the instructor may open, oldest first. */
export async function visibleAttempts(
	db: Db,
	input: { classId: string; student: ClassStudentRef; coverage?: ClassCoverage }
): Promise<AttemptRow[]> {
	if (!input.student.learnerId) return [];
	const coverage = input.coverage ?? (await classCoverage(db, input.classId));
	const rows = await listAttempts({ db, learnerId: input.student.learnerId });
	return rows
		.filter((a) => attemptVisible(coverage, a))
		.sort((x, y) => x.started_at.localeCompare(y.started_at));
}

/** One attempt, if the rule above lets this class's instructor open it; null otherwise. */
export async function visibleAttempt(
	db: Db,
	input: { classId: string; student: ClassStudentRef; attemptId: string }
): Promise<AttemptRow | null> {
	if (!input.student.learnerId) return null;
	const attempt = await findAttempt({ db, learnerId: input.student.learnerId, attemptId: input.attemptId });
	if (!attempt) return null;
	return attemptVisible(await classCoverage(db, input.classId), attempt) ? attempt : null;
}

const seg = encodeURIComponent;
export const studentPath = (classId: string, userId: string) =>
	`/classes/${seg(classId)}/progress/students/${seg(userId)}`;
export const studentAttemptPath = (classId: string, userId: string, attemptId: string) =>
	`${studentPath(classId, userId)}/attempts/${seg(attemptId)}`;
export const studentLessonPath = (classId: string, userId: string, moduleId: string, lessonId: string) =>
	`${studentPath(classId, userId)}/lessons/${seg(moduleId)}/${seg(lessonId)}`;

export interface AnswerByName {
	userId: string;
	displayName: string;
	username: string;
	attemptId: string;
	attemptNumber: number;
	href: string;
	response: unknown;
	orders: string;
	score: number | null;
	submittedAt: string | null;
}

/**
 * Who answered one question how, by name (a question's analysis): graded answers of this class's members
 * in attempts the instructor may open, newest first. The caller turns responses into words.
 */
export async function answersByName(
	db: Db,
	input: { classId: string; instructorId: string; moduleId: string; questionId: string }
): Promise<AnswerByName[]> {
	const rows = await db.kysely
		.selectFrom('quiz_answers as qa')
		.innerJoin('quiz_attempts as a', 'a.id', 'qa.attempt_id')
		.innerJoin('learners as l', 'l.id', 'a.learner_id')
		.innerJoin('class_members as m', 'm.user_id', 'l.user_id')
		.innerJoin('classes as c', 'c.id', 'm.class_id')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.selectAll('a')
		.select([
			'u.id as user_id',
			'u.display_name',
			'u.username',
			'qa.response as answer_response',
			'qa.score as answer_score'
		])
		.where('m.class_id', '=', input.classId)
		.where('c.instructor_id', '=', input.instructorId)
		.where('a.module_id', '=', input.moduleId)
		.where('a.status', '=', 'graded')
		.where('qa.question_id', '=', input.questionId)
		.orderBy('u.display_name')
		.orderBy('a.submitted_at', 'desc')
		.execute();
	const coverage = await classCoverage(db, input.classId);
	return rows
		.filter((r) => attemptVisible(coverage, r))
		.map((r) => ({
			userId: r.user_id,
			displayName: r.display_name,
			username: r.username,
			attemptId: r.id,
			attemptNumber: r.number,
			href: studentAttemptPath(input.classId, r.user_id, r.id),
			response: r.answer_response === null ? null : (JSON.parse(r.answer_response) as unknown),
			orders: r.orders,
			score: r.answer_score,
			submittedAt: r.submitted_at
		}));
}

/**
 * Where a cell of the grid or a row of an assignment page leads: a quiz assignment to the student's latest
 * attempt under it, a lesson assignment to their runs of that lesson, a whole module to their progress
 * page. Null when there is nothing to open yet (no attempt started).
 */
export async function workLinks(
	db: Db,
	input: {
		classId: string;
		assignments: readonly { id: string; kind: AssignmentKind; moduleId: string; targetId: string | null }[];
	}
): Promise<(assignmentId: string, userId: string) => string | null> {
	const ids = input.assignments.map((a) => a.id);
	const rows = ids.length
		? await db.kysely
				.selectFrom('quiz_attempts as a')
				.innerJoin('learners as l', 'l.id', 'a.learner_id')
				.select(['a.id', 'a.assignment_id', 'l.user_id', 'a.started_at'])
				.where('a.assignment_id', 'in', ids)
				.where('l.user_id', 'is not', null)
				.orderBy('a.started_at')
				.execute()
		: [];
	// Oldest first, so the last one written per key is the latest attempt.
	const latest = new Map(rows.map((r) => [`${r.assignment_id}/${r.user_id}`, r.id]));
	const byId = new Map(input.assignments.map((a) => [a.id, a]));
	return (assignmentId, userId) => {
		const a = byId.get(assignmentId);
		if (!a) return null;
		if (a.kind === 'module') return studentPath(input.classId, userId);
		if (a.kind === 'lesson') return studentLessonPath(input.classId, userId, a.moduleId, a.targetId ?? '');
		const attempt = latest.get(`${assignmentId}/${userId}`);
		return attempt ? studentAttemptPath(input.classId, userId, attempt) : null;
	};
}
