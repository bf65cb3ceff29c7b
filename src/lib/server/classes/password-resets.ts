/**
 * The password-reset log (issue 12, finding 11). An instructor's reset lets them sign in as the student,
 * in every class the student is in, so each reset is written down and shown to the student (on their
 * account page) and to the instructors of the student's classes (on the class page), reset by whom and from
 * which class. Entries go with the student's account.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';

export interface PasswordResetEntry {
	userId: string;
	displayName: string;
	byName: string;
	className: string;
	/** The reset was made from this class (by its instructor), not from another one. */
	here: boolean;
	at: string;
}

/** How many recent resets a page lists. */
const SHOWN = 50;

export async function logPasswordReset(
	trx: Kysely<Database>,
	entry: { userId: string; byUserId: string; classId: string; now: Date }
): Promise<void> {
	const about = await trx
		.selectFrom('classes')
		.innerJoin('users', 'users.id', 'classes.instructor_id')
		.select(['classes.name', 'users.display_name'])
		.where('classes.id', '=', entry.classId)
		.where('users.id', '=', entry.byUserId)
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('password_resets')
		.values({
			id: randomUUID(),
			user_id: entry.userId,
			by_user_id: entry.byUserId,
			by_name: about.display_name,
			class_id: entry.classId,
			class_name: about.name,
			at: entry.now.toISOString()
		})
		.execute();
}

/** The resets of one account's password, newest first (the student's own view). */
export async function resetsOfUser(db: Db, { userId }: { userId: string }) {
	const rows = await db.kysely
		.selectFrom('password_resets')
		.select(['by_name', 'class_name', 'at'])
		.where('user_id', '=', userId)
		.orderBy('at', 'desc')
		.limit(SHOWN)
		.execute();
	return rows.map((r) => ({ byName: r.by_name, className: r.class_name, at: r.at }));
}

/**
 * Resets of the current students of a class, from any class, newest first. The caller has checked that
 * the instructor owns the class.
 */
export async function resetsOfClassStudents(
	db: Db,
	{ classId }: { classId: string }
): Promise<PasswordResetEntry[]> {
	const rows = await db.kysely
		.selectFrom('password_resets')
		.innerJoin('class_members', 'class_members.user_id', 'password_resets.user_id')
		.innerJoin('users', 'users.id', 'password_resets.user_id')
		.select([
			'password_resets.user_id',
			'users.display_name',
			'password_resets.by_name',
			'password_resets.class_name',
			'password_resets.class_id',
			'password_resets.at'
		])
		.where('class_members.class_id', '=', classId)
		.orderBy('password_resets.at', 'desc')
		.limit(SHOWN)
		.execute();
	return rows.map((r) => ({
		userId: r.user_id,
		displayName: r.display_name,
		byName: r.by_name,
		className: r.class_name,
		here: r.class_id === classId,
		at: r.at
	}));
}
