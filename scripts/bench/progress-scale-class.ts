/**
 * The class part of the progress benchmark: one instructor, a class holding every generated learner as a
 * student account (learners.user_id linked), and three assignments of the final quiz with a work row per
 * student, so the dashboard's grid, class mastery and "who is stuck" run over the whole class.
 */
import { randomUUID } from 'node:crypto';
import type { ContentIndex } from '../../src/lib/server/content/content-index';
import { SESSION_COOKIE } from '../../src/lib/server/auth/config';
import { createSession } from '../../src/lib/server/auth/sessions';
import type { Db } from '../../src/lib/server/db';
import { classDashboard, classScope, parseGridQuery } from '../../src/lib/server/progress/class-analytics';
import type { Scope } from '../../src/lib/server/progress/item-analysis';

const INSTRUCTOR = 'bench-instructor';
// Class ids are UUIDs (the routes refuse anything else).
export const BENCH_CLASS = '00000000-0000-4000-8000-00000000bec1';
const CLASS = BENCH_CLASS;

export async function benchClass(db: Db, learnerIds: string[], start: number): Promise<Scope | null> {
	const at = new Date(start).toISOString();
	const user = (id: string, username: string, role: 'student' | 'instructor') => ({
		id,
		username,
		display_name: username,
		role,
		password_hash: 'x',
		must_change_password: 0,
		created_at: at,
		password_changed_at: at
	});
	await db.kysely.transaction().execute(async (tx) => {
		await tx
			.insertInto('users')
			.values(user(INSTRUCTOR, INSTRUCTOR, 'instructor'))
			.execute();
		await tx
			.insertInto('classes')
			.values({
				id: CLASS,
				name: 'Bench class',
				instructor_id: INSTRUCTOR,
				join_code: 'BNCH-BNCH',
				created_at: at
			})
			.execute();
		const assignments = [0, 1, 2].map((i) => ({
			id: randomUUID(),
			class_id: CLASS,
			module_id: 'treaty-2024',
			kind: 'quiz' as const,
			target_id: 'final',
			opens_at: new Date(start - 7 * 86_400_000).toISOString(),
			due_at: new Date(start + (i - 1) * 86_400_000).toISOString(),
			attempts_allowed: 3,
			time_limit_minutes: null,
			feedback_policy: 'on-submit' as const,
			late_policy: 'accept' as const,
			created_at: at,
			updated_at: at
		}));
		await tx.insertInto('assignments').values(assignments).execute();
		for (const [i, learnerId] of learnerIds.entries()) {
			const userId = `bench-user-${i}`;
			await tx
				.insertInto('users')
				.values(user(userId, `student-${String(i).padStart(4, '0')}`, 'student'))
				.execute();
			await tx.updateTable('learners').set({ user_id: userId }).where('id', '=', learnerId).execute();
			await tx
				.insertInto('class_members')
				.values({ class_id: CLASS, user_id: userId, joined_at: at })
				.execute();
			await tx
				.insertInto('assignment_work')
				.values(
					assignments
						.filter((_, k) => (i + k) % 5 !== 0)
						.map((a, k) => ({
							assignment_id: a.id,
							user_id: userId,
							started_at: at,
							submitted_at: (i + k) % 7 === 0 ? null : at,
							late: (i + k) % 11 === 0 ? 1 : 0,
							score: (i + k) % 7 === 0 ? null : ((i * 37 + k * 11) % 100) / 100,
							updated_at: at
						}))
				)
				.execute();
		}
	});
	return classScope(CLASS);
}

export async function benchDashboard(db: Db, content: ContentIndex, start: number): Promise<unknown> {
	return classDashboard({
		db,
		content,
		classId: CLASS,
		instructorId: INSTRUCTOR,
		now: new Date(start),
		query: parseGridQuery(new URLSearchParams('sort=a:x&dir=desc'))
	});
}

/** A signed-in session for the class's instructor, as the cookie header that carries it. */
export async function benchInstructorSession(db: Db, start: number): Promise<string> {
	// Sessions expire after an idle spell: date it now, not at the generated data's date.
	const { token } = await createSession(db, {
		userId: INSTRUCTOR,
		now: new Date(Math.max(start, Date.now()))
	});
	return `${SESSION_COOKIE}=${token}`;
}
