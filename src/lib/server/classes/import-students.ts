/**
 * Bulk-create student accounts from the roster CSV into a class. All or nothing: every row is checked
 * (format, duplicates, usernames already taken) before anything is written, and the accounts are created
 * in one transaction. The generated passwords are returned once and never stored in the clear.
 */
import type { Db } from '$lib/server/db';
import { isUniqueViolation } from '$lib/server/db/errors';
import { insertUser } from '$lib/server/auth/accounts';
import {
	CURRENT_PARAMS,
	generateInitialPassword,
	hashPassword,
	type ScryptParams
} from '$lib/server/auth/password';
import { ownedClass } from './classes';
import { studentsFromCsv, type RowProblem } from './roster-csv';

export interface CreatedStudent {
	username: string;
	displayName: string;
	password: string;
}

export type ImportResult =
	{ ok: true; created: CreatedStudent[] } | { ok: false; status: 400 | 404 | 409; problems: RowProblem[] };

export async function importStudents(
	db: Db,
	{
		classId,
		instructorId,
		csv,
		now,
		params = CURRENT_PARAMS
	}: { classId: string; instructorId: string; csv: string; now: Date; params?: ScryptParams }
): Promise<ImportResult> {
	if (!(await ownedClass(db, { classId, instructorId })))
		return { ok: false, status: 404, problems: [{ line: 0, message: 'No such class.' }] };
	const parsed = studentsFromCsv(csv);
	if (!parsed.ok) return { ok: false, status: 400, problems: parsed.problems };

	const usernames = parsed.students.map((s) => s.username);
	const taken = new Set(
		(await db.kysely.selectFrom('users').select('username').where('username', 'in', usernames).execute()).map(
			(r) => r.username
		)
	);
	const takenProblems = parsed.students
		.filter((s) => taken.has(s.username))
		.map((s) => ({
			line: s.line,
			message: `The username “${s.username}” is taken. Choose another, or have that student join with the class code.`
		}));
	if (takenProblems.length) return { ok: false, status: 409, problems: takenProblems };

	// Hash before the transaction (slow, CPU-bound; the thread pool runs a few at once).
	const students = await Promise.all(
		parsed.students.map(async (s) => {
			const password = generateInitialPassword();
			return { ...s, password, hash: await hashPassword(password, params) };
		})
	);
	try {
		await db.kysely.transaction().execute(async (trx) => {
			for (const s of students) {
				const id = await insertUser(trx, {
					username: s.username,
					displayName: s.displayName,
					role: 'student',
					passwordHash: s.hash,
					mustChangePassword: true,
					now
				});
				await trx
					.insertInto('class_members')
					.values({ class_id: classId, user_id: id, joined_at: now.toISOString() })
					.execute();
			}
		});
	} catch (err) {
		// Someone signed up with one of these usernames since the check: nothing was imported.
		if (isUniqueViolation(err))
			return {
				ok: false,
				status: 409,
				problems: [
					{ line: 0, message: 'A username in the file was just taken. Nothing was imported; try again.' }
				]
			};
		throw err;
	}
	return {
		ok: true,
		created: students.map((s) => ({ username: s.username, displayName: s.displayName, password: s.password }))
	};
}
