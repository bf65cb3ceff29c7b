/**
 * `npm run demo`: a demo instructor and a class of 30 students with realistic, deterministic work, so a
 * newcomer sees real instructor views at once. Deterministic: the same names, statuses and scores every
 * run (a fixed seed); dates are relative to the start of the current UTC day, so "due last week" stays
 * true. Re-running replaces the previous demo data (demo accounts are recognised by their usernames).
 */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { attachLearner, insertUser } from '$lib/server/auth/accounts';
import { CURRENT_PARAMS, hashPassword, type ScryptParams } from '$lib/server/auth/password';
import { learnerKeyedTables } from '$lib/server/learner-tables';
import type { AssignmentInput } from './assignments';
import { createAssignment } from './assignments';
import { createClass } from './classes';
import { recordStarted, recordSubmitted } from './work';

export const DEMO_INSTRUCTOR = {
	username: 'demo-teacher',
	password: 'demo-teacher-pass',
	displayName: 'Ms. Rivera'
};
export const DEMO_STUDENT_PASSWORD = 'demo-student-pass';
export const DEMO_CLASS = 'World History 10B (demo)';
const STUDENT_PREFIX = 'demo-student-';

export const DEMO_STUDENT_NAMES = [
	'Amara Okafor',
	'Ben Kowalski',
	'Chen Wei',
	'Diego Hernández',
	'Elif Yıldız',
	'Farah Haddad',
	'Gabriel Silva',
	'Hana Suzuki',
	'Ibrahim Diallo',
	'Jade Thompson',
	'Kofi Mensah',
	'Lena Fischer',
	'Mateo Rossi',
	'Nadia Petrova',
	'Omar Farouk',
	'Priya Raman',
	'Quentin Dubois',
	'Rosa Martínez',
	'Sami Virtanen',
	'Tara O’Neill',
	'Umar Siddiqui',
	'Valentina Cruz',
	'Wen Li',
	'Ximena Flores',
	'Yusuf Kaya',
	'Zoe Papadopoulos',
	'Aiko Tanaka',
	'Bilal Rahman',
	'Clara Novak',
	'Dmitri Volkov'
] as const;

/** mulberry32: a tiny seeded PRNG, so the demo is the same on every machine. */
function seeded(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const studentUsername = (i: number) => `${STUDENT_PREFIX}${String(i + 1).padStart(2, '0')}`;

async function removePreviousDemo(db: Db) {
	const users = await db.kysely
		.selectFrom('users')
		.select('id')
		.where((eb) =>
			eb.or([eb('username', '=', DEMO_INSTRUCTOR.username), eb('username', 'like', `${STUDENT_PREFIX}%`)])
		)
		.execute();
	const ids = users.map((u) => u.id);
	if (!ids.length) return;
	const learners = (
		await db.kysely.selectFrom('learners').select('id').where('user_id', 'in', ids).execute()
	).map((l) => l.id);
	await db.kysely.transaction().execute(async (trx) => {
		if (learners.length) {
			for (const t of learnerKeyedTables)
				await sql`delete from ${sql.table(t.table)} where ${sql.ref(t.column)} in (${sql.join(learners)})`.execute(
					trx
				);
			await trx.deleteFrom('learners').where('id', 'in', learners).execute();
		}
		// Classes, members, assignments, extensions, work and sessions go with the users (ON DELETE CASCADE).
		await trx.deleteFrom('users').where('id', 'in', ids).execute();
	});
}

export interface DemoSummary {
	classId: string;
	students: number;
	assignments: { title: string; id: string }[];
}

export async function seedDemo(
	db: Db,
	{ now = new Date(), params = CURRENT_PARAMS }: { now?: Date; params?: ScryptParams } = {}
): Promise<DemoSummary> {
	await removePreviousDemo(db);
	const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
	const at = (days: number, hours = 0) =>
		new Date(day.getTime() + (days * 24 + hours) * 3_600_000).toISOString();
	const random = seeded(20240619);

	const teacherHash = await hashPassword(DEMO_INSTRUCTOR.password, params);
	const studentHashes = await Promise.all(
		DEMO_STUDENT_NAMES.map(() => hashPassword(DEMO_STUDENT_PASSWORD, params))
	);
	const teacherId = await insertUser(db.kysely, {
		username: DEMO_INSTRUCTOR.username,
		displayName: DEMO_INSTRUCTOR.displayName,
		role: 'instructor',
		passwordHash: teacherHash,
		now: new Date(at(-30))
	});
	const klass = await createClass(db, {
		instructor: {
			id: teacherId,
			username: DEMO_INSTRUCTOR.username,
			displayName: DEMO_INSTRUCTOR.displayName,
			role: 'instructor',
			mustChangePassword: false
		},
		name: DEMO_CLASS,
		now: new Date(at(-30))
	});
	if (!klass.ok) throw new Error(klass.message);

	const students: string[] = [];
	for (const [i, name] of DEMO_STUDENT_NAMES.entries()) {
		const id = await insertUser(db.kysely, {
			username: studentUsername(i),
			displayName: name,
			role: 'student',
			passwordHash: studentHashes[i]!,
			now: new Date(at(-29))
		});
		await db.kysely
			.insertInto('class_members')
			.values({ class_id: klass.id, user_id: id, joined_at: at(-29, i % 5) })
			.execute();
		await attachLearner(db, { userId: id, anonymousLearnerId: null, now: new Date(at(-29)) });
		students.push(id);
	}

	const base: Omit<AssignmentInput, 'opensAt' | 'dueAt'> = {
		moduleId: 'treaty-2024',
		kind: 'module',
		targetId: null,
		attemptsAllowed: 2,
		timeLimitMinutes: 30,
		feedbackPolicy: 'after-due',
		latePolicy: 'accept'
	};
	const past = await createAssignment(db, {
		classId: klass.id,
		instructorId: teacherId,
		input: { ...base, opensAt: at(-14, 8), dueAt: at(-7, 17) },
		now: new Date(at(-15))
	});
	const current = await createAssignment(db, {
		classId: klass.id,
		instructorId: teacherId,
		input: { ...base, latePolicy: 'refuse', opensAt: at(-2, 8), dueAt: at(5, 17) },
		now: new Date(at(-3))
	});
	if (!past.ok || !current.ok) throw new Error('demo assignments');

	// Last week's assignment: most on time, some late, a few never submitted; a handful struggling.
	for (const [i, userId] of students.entries()) {
		const r = random();
		const struggling = i % 7 === 3;
		const score = Math.round((struggling ? 0.25 + random() * 0.25 : 0.6 + random() * 0.4) * 100) / 100;
		if (r < 0.7) {
			const started = at(-9 - Math.floor(random() * 4), 9 + Math.floor(random() * 8));
			await recordStarted(db.kysely, { assignmentId: past.id, userId, at: started });
			await recordSubmitted(db.kysely, {
				assignmentId: past.id,
				userId,
				at: new Date(Date.parse(started) + 25 * 60_000).toISOString(),
				late: false,
				score
			});
		} else if (r < 0.87) {
			const started = at(-6 + Math.floor(random() * 3), 19);
			await recordSubmitted(db.kysely, { assignmentId: past.id, userId, at: started, late: true, score });
		} else if (r < 0.93) {
			await recordStarted(db.kysely, { assignmentId: past.id, userId, at: at(-8, 20) });
		}
	}
	// This week's: a third done, a third under way, the rest not started; one student has an extension.
	for (const [i, userId] of students.entries()) {
		const r = random();
		if (r < 0.33) {
			const started = at(-1, 10 + (i % 8));
			await recordSubmitted(db.kysely, {
				assignmentId: current.id,
				userId,
				at: new Date(Date.parse(started) + 20 * 60_000).toISOString(),
				late: false,
				score: Math.round((0.5 + random() * 0.5) * 100) / 100
			});
		} else if (r < 0.66) {
			await recordStarted(db.kysely, { assignmentId: current.id, userId, at: at(0, 1 + (i % 6)) });
		}
	}
	await db.kysely
		.insertInto('assignment_extensions')
		.values({ assignment_id: current.id, user_id: students[4]!, due_at: at(8, 17), created_at: at(-1) })
		.execute();

	return {
		classId: klass.id,
		students: students.length,
		assignments: [
			{ title: 'Treaty module (due last week)', id: past.id },
			{ title: 'Treaty module (due this week)', id: current.id }
		]
	};
}
