/**
 * Classes and their members. Every function takes one object with the acting user and checks that
 * user's right to act itself (owner for instructor actions, membership for student reads), so a route
 * that forgets a check still cannot reach another class. "Not yours" and "does not exist" look the same
 * (null / 404): class ids are not confirmed to outsiders.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '$lib/server/db';
import { isUniqueViolation } from '$lib/server/db/errors';
import type { SessionUser } from '$lib/server/auth/sessions';
import {
	CURRENT_PARAMS,
	generateInitialPassword,
	hashPassword,
	type ScryptParams
} from '$lib/server/auth/password';
import type { ThrottlePolicy } from '$lib/server/auth/config';
import { generateJoinCode, normaliseJoinCode } from './join-code';
import { guardedClassByJoinCode, tooManyJoinGuesses } from './join-guard';
import { logPasswordReset } from './password-resets';

export interface ClassSummary {
	id: string;
	name: string;
	joinCode: string;
	students: number;
	assignments: number;
}

export interface OwnedClass {
	id: string;
	name: string;
	joinCode: string;
	instructorId: string;
	createdAt: string;
}

export interface RosterEntry {
	userId: string;
	username: string;
	displayName: string;
	joinedAt: string;
	mustChangePassword: boolean;
}

export function classNameProblem(name: string): string | null {
	if (!name) return 'Give the class a name.';
	if (name.length > 100) return 'Use at most 100 characters for the class name.';
	return null;
}

async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
	for (let i = 0; ; i++) {
		try {
			return await write(generateJoinCode());
		} catch (err) {
			// A collision is ~1 in 10^11 per class; retry a few times rather than fail the request.
			if (!isUniqueViolation(err) || i >= 4) throw err;
		}
	}
}

export async function createClass(
	db: Db,
	{ instructor, name, now }: { instructor: SessionUser; name: string; now: Date }
): Promise<{ ok: true; id: string; joinCode: string } | { ok: false; status: 400 | 403; message: string }> {
	if (instructor.role !== 'instructor')
		return { ok: false, status: 403, message: 'Only instructors create classes.' };
	const clean = name.trim().replace(/\s+/g, ' ');
	const problem = classNameProblem(clean);
	if (problem) return { ok: false, status: 400, message: problem };
	const id = randomUUID();
	const joinCode = await withFreshCode(async (code) => {
		await db.kysely
			.insertInto('classes')
			.values({
				id,
				name: clean,
				instructor_id: instructor.id,
				join_code: code,
				created_at: now.toISOString()
			})
			.execute();
		return code;
	});
	return { ok: true, id, joinCode };
}

export async function classesOfInstructor(
	db: Db,
	{ instructorId }: { instructorId: string }
): Promise<ClassSummary[]> {
	const rows = await db.kysely
		.selectFrom('classes')
		.select((eb) => [
			'classes.id',
			'classes.name',
			'classes.join_code',
			eb
				.selectFrom('class_members')
				.select((e) => e.fn.countAll<string | number>().as('n'))
				.whereRef('class_members.class_id', '=', 'classes.id')
				.as('students'),
			eb
				.selectFrom('assignments')
				.select((e) => e.fn.countAll<string | number>().as('n'))
				.whereRef('assignments.class_id', '=', 'classes.id')
				.as('assignments')
		])
		.where('instructor_id', '=', instructorId)
		.orderBy('classes.created_at')
		.orderBy('classes.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		joinCode: r.join_code,
		students: Number(r.students ?? 0),
		assignments: Number(r.assignments ?? 0)
	}));
}

export async function classesOfStudent(db: Db, { userId }: { userId: string }) {
	const rows = await db.kysely
		.selectFrom('class_members')
		.innerJoin('classes', 'classes.id', 'class_members.class_id')
		.innerJoin('users', 'users.id', 'classes.instructor_id')
		.select(['classes.id', 'classes.name', 'users.display_name as instructor', 'class_members.joined_at'])
		.where('class_members.user_id', '=', userId)
		.orderBy('class_members.joined_at')
		.orderBy('classes.id')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, instructor: r.instructor, joinedAt: r.joined_at }));
}

/** The class if `instructorId` owns it, else null. */
export async function ownedClass(
	db: Db,
	{ classId, instructorId }: { classId: string; instructorId: string }
): Promise<OwnedClass | null> {
	const row = await db.kysely
		.selectFrom('classes')
		.selectAll()
		.where('id', '=', classId)
		.where('instructor_id', '=', instructorId)
		.executeTakeFirst();
	return row
		? {
				id: row.id,
				name: row.name,
				joinCode: row.join_code,
				instructorId: row.instructor_id,
				createdAt: row.created_at
			}
		: null;
}

/** The class (name and instructor only) if `userId` is a member, else null. */
export async function memberClass(db: Db, { classId, userId }: { classId: string; userId: string }) {
	const row = await db.kysely
		.selectFrom('class_members')
		.innerJoin('classes', 'classes.id', 'class_members.class_id')
		.innerJoin('users', 'users.id', 'classes.instructor_id')
		.select(['classes.id', 'classes.name', 'users.display_name as instructor'])
		.where('class_members.class_id', '=', classId)
		.where('class_members.user_id', '=', userId)
		.executeTakeFirst();
	return row ? { id: row.id, name: row.name, instructor: row.instructor } : null;
}

export async function roster(db: Db, { classId, instructorId }: { classId: string; instructorId: string }) {
	const rows = await db.kysely
		.selectFrom('class_members')
		.innerJoin('classes', 'classes.id', 'class_members.class_id')
		.innerJoin('users', 'users.id', 'class_members.user_id')
		.select([
			'users.id',
			'users.username',
			'users.display_name',
			'users.must_change_password',
			'class_members.joined_at'
		])
		.where('class_members.class_id', '=', classId)
		.where('classes.instructor_id', '=', instructorId)
		.orderBy('users.display_name')
		.orderBy('users.username')
		.execute();
	return rows.map((r): RosterEntry => ({
		userId: r.id,
		username: r.username,
		displayName: r.display_name,
		joinedAt: r.joined_at,
		mustChangePassword: r.must_change_password === 1
	}));
}

export { classByJoinCode } from './join-guard';

export type JoinResult =
	| { ok: true; classId: string; alreadyMember: boolean }
	| { ok: false; status: 400 | 403 | 404 | 429; message: string; retryAfterS?: number };

/** Joining is idempotent: a second join of the same class changes nothing. Wrong codes are throttled. */
export async function joinClass(
	db: Db,
	{
		user,
		code,
		now,
		address = 'unknown',
		policy
	}: { user: SessionUser; code: string; now: Date; address?: string; policy?: ThrottlePolicy }
): Promise<JoinResult> {
	if (user.role !== 'student')
		return { ok: false, status: 403, message: 'Only students join classes; instructors create them.' };
	if (!normaliseJoinCode(code))
		return { ok: false, status: 400, message: 'A join code has 8 letters and digits, like ABCD-EFGH.' };
	const lookup = await guardedClassByJoinCode(db, { code, userId: user.id, address, now, policy });
	if (lookup.blocked) return tooManyJoinGuesses(lookup.retryAfterS);
	const found = lookup.found;
	if (!found)
		return { ok: false, status: 404, message: 'No class has that join code. Check it with your instructor.' };
	const inserted = await db.kysely
		.insertInto('class_members')
		.values({ class_id: found.id, user_id: user.id, joined_at: now.toISOString() })
		.onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing())
		.executeTakeFirst();
	return { ok: true, classId: found.id, alreadyMember: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0 };
}

export async function removeStudent(
	db: Db,
	{ classId, instructorId, studentId }: { classId: string; instructorId: string; studentId: string }
): Promise<{ ok: true } | { ok: false; status: 404; message: string }> {
	if (!(await ownedClass(db, { classId, instructorId })))
		return { ok: false, status: 404, message: 'No such class.' };
	return db.kysely.transaction().execute(async (trx) => {
		const removed = await trx
			.deleteFrom('class_members')
			.where('class_id', '=', classId)
			.where('user_id', '=', studentId)
			.executeTakeFirst();
		if (Number(removed.numDeletedRows) === 0)
			return { ok: false as const, status: 404 as const, message: 'That student is not in this class.' };
		// Their extensions go with them; their work records stay, so a re-joined student keeps their history.
		await trx
			.deleteFrom('assignment_extensions')
			.where('user_id', '=', studentId)
			.where('assignment_id', 'in', (eb) =>
				eb.selectFrom('assignments').select('id').where('class_id', '=', classId)
			)
			.execute();
		return { ok: true as const };
	});
}

export async function regenerateJoinCode(
	db: Db,
	{ classId, instructorId }: { classId: string; instructorId: string }
): Promise<{ ok: true; joinCode: string } | { ok: false; status: 404; message: string }> {
	if (!(await ownedClass(db, { classId, instructorId })))
		return { ok: false, status: 404, message: 'No such class.' };
	const joinCode = await withFreshCode(async (code) => {
		await db.kysely
			.updateTable('classes')
			.set({ join_code: code })
			.where('id', '=', classId)
			.where('instructor_id', '=', instructorId)
			.execute();
		return code;
	});
	return { ok: true, joinCode };
}

/**
 * A forgotten password: the class's instructor gives the student a new generated password (shown once),
 * which the student replaces at the next sign-in; the student's sessions end. Only for a student in one
 * of the instructor's classes.
 */
export async function resetStudentPassword(
	db: Db,
	{
		classId,
		instructorId,
		studentId,
		now,
		params = CURRENT_PARAMS
	}: { classId: string; instructorId: string; studentId: string; now: Date; params?: ScryptParams }
): Promise<
	| { ok: true; username: string; displayName: string; password: string }
	| { ok: false; status: 404; message: string }
> {
	if (!(await ownedClass(db, { classId, instructorId })))
		return { ok: false, status: 404, message: 'No such class.' };
	const student = await db.kysely
		.selectFrom('class_members')
		.innerJoin('users', 'users.id', 'class_members.user_id')
		.select(['users.id', 'users.username', 'users.display_name'])
		.where('class_members.class_id', '=', classId)
		.where('class_members.user_id', '=', studentId)
		.where('users.role', '=', 'student')
		.executeTakeFirst();
	if (!student) return { ok: false, status: 404, message: 'That student is not in this class.' };
	const password = generateInitialPassword();
	const hash = await hashPassword(password, params);
	await db.kysely.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set({ password_hash: hash, must_change_password: 1, password_changed_at: now.toISOString() })
			.where('id', '=', student.id)
			.execute();
		await trx.deleteFrom('sessions').where('user_id', '=', student.id).execute();
		await logPasswordReset(trx, { userId: student.id, byUserId: instructorId, classId, now });
	});
	return { ok: true, username: student.username, displayName: student.display_name, password };
}
