/**
 * `npm run demo`: a demo instructor and a class of 30 students with realistic, deterministic work, so a
 * newcomer sees real instructor views at once: real quiz attempts (drawn, answered, graded by the quiz
 * code under each assignment's rules), some late, some struggling, some still in progress. Deterministic: the same names, statuses and scores every
 * run (a fixed seed); dates are relative to the start of the current UTC day, so "due last week" stays
 * true. Re-running replaces the previous demo data (demo accounts are recognised by their usernames).
 * The class works on one module; demo-plan.ts chooses its quizzes and lessons from the module's content.
 * It lives under scripts/ (not in the app) and writes through the app's services (createClass, joinClass,
 * createAssignment, setExtension, startAssignedQuiz, saveAnswers, submitAttempt) with past dates; only the
 * user rows and the removal of a previous demo are written directly.
 */
import { sql } from 'kysely';
import type { Db } from '$lib/server/db';
import { attachLearner, insertUser } from '$lib/server/auth/accounts';
import { CURRENT_PARAMS, hashPassword, type ScryptParams } from '$lib/server/auth/password';
import { learnerKeyedTables } from '$lib/server/learner-tables';
import type { Question } from '$lib/content/types';
import { keyResponse } from '$lib/grading';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { ContentIndex } from '$lib/server/content/content-index';
import { attemptQuestionIds, saveAnswers, submitAttempt } from '$lib/server/quiz/attempts';
import { seededRandom } from '$lib/server/quiz/draw';
import { startAssignedQuiz } from '$lib/server/classes/assigned-quizzes';
import type { AssignmentInput } from '$lib/server/classes/assignments';
import { createAssignment, setExtension } from '$lib/server/classes/assignments';
import { createClass, joinClass } from '$lib/server/classes/classes';
import { seedLessonProgress } from './demo-lessons';
import { demoPlan } from './demo-plan';

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

interface DemoStudent {
	user: SessionUser;
	learnerId: string;
}

/**
 * A plausible response: the key when the student knows it; otherwise a wrong choice where the type has
 * choices, or nothing (left unanswered).
 */
function demoResponse(question: Question, knows: boolean, random: () => number): unknown {
	if (knows) return keyResponse(question);
	if (question.type === 'single') {
		const wrong = question.options.filter((o) => o.id !== question.answer);
		return wrong[Math.floor(random() * wrong.length)]?.id ?? null;
	}
	if (question.type === 'true-false') return !question.answer;
	return null;
}

export async function seedDemo(
	db: Db,
	{
		content,
		moduleId: requestedModule,
		now = new Date(),
		params = CURRENT_PARAMS
	}: {
		content: ContentIndex;
		/** Default: the first module in catalog order. */
		moduleId?: string;
		now?: Date;
		params?: ScryptParams;
	}
): Promise<DemoSummary> {
	// Checked before anything is removed, so a module that cannot be seeded leaves the database as it was.
	const planned = demoPlan(content, requestedModule);
	if (!planned.ok) throw new Error(planned.message);
	const { plan } = planned;
	const moduleId = plan.moduleId;
	await removePreviousDemo(db);
	const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
	const at = (days: number, hours = 0) =>
		new Date(day.getTime() + (days * 24 + hours) * 3_600_000).toISOString();
	// Seeded (the quiz draw's PRNG), so the demo is the same on every machine.
	const random = seededRandom(20240619);

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

	const students: DemoStudent[] = [];
	for (const [i, name] of DEMO_STUDENT_NAMES.entries()) {
		const id = await insertUser(db.kysely, {
			username: studentUsername(i),
			displayName: name,
			role: 'student',
			passwordHash: studentHashes[i]!,
			now: new Date(at(-29))
		});
		const user: SessionUser = {
			id,
			username: studentUsername(i),
			displayName: name,
			role: 'student',
			mustChangePassword: false
		};
		// Joined through the service, as a student typing the code would (on a past day).
		const joined = await joinClass(db, { user, code: klass.joinCode, now: new Date(at(-29, i % 5)) });
		if (!joined.ok) throw new Error(joined.message);
		const learnerId = await attachLearner(db, {
			userId: id,
			anonymousLearnerId: null,
			now: new Date(at(-29))
		});
		students.push({ user, learnerId });
	}

	const assign = async (input: AssignmentInput, createdDaysAgo: number) => {
		const made = await createAssignment(db, {
			classId: klass.id,
			instructorId: teacherId,
			input,
			now: new Date(at(-createdDaysAgo))
		});
		if (!made.ok) throw new Error(made.message);
		return made.id;
	};
	// Last week: the past quiz (most on time, some late, a few never). This week: the current quiz (after-due
	// feedback, refuse-late) and a lesson. In two weeks: the whole module. For the treaty module these are
	// its final, its actors quiz and its lineage lesson (demo-plan.ts).
	const pastQuiz = await assign(
		{
			moduleId,
			kind: 'quiz',
			targetId: plan.pastQuiz.id,
			opensAt: at(-14, 8),
			dueAt: at(-7, 17),
			attemptsAllowed: 2,
			timeLimitMinutes: null,
			feedbackPolicy: 'on-submit',
			latePolicy: 'accept'
		},
		15
	);
	const currentQuiz = await assign(
		{
			moduleId,
			kind: 'quiz',
			targetId: plan.currentQuiz.id,
			opensAt: at(-2, 8),
			dueAt: at(5, 17),
			attemptsAllowed: 1,
			timeLimitMinutes: 20,
			feedbackPolicy: 'after-due',
			latePolicy: 'refuse'
		},
		3
	);
	const lessonAssignment = await assign(
		{
			moduleId,
			kind: 'lesson',
			targetId: plan.lesson.id,
			opensAt: at(-4, 8),
			dueAt: at(3, 17),
			attemptsAllowed: null,
			timeLimitMinutes: null,
			feedbackPolicy: 'on-submit',
			latePolicy: 'accept'
		},
		5
	);
	const wholeModule = await assign(
		{
			moduleId,
			kind: 'module',
			targetId: null,
			opensAt: at(-1, 8),
			dueAt: at(12, 17),
			attemptsAllowed: null,
			timeLimitMinutes: null,
			feedbackPolicy: 'on-submit',
			latePolicy: 'accept'
		},
		2
	);
	const extended = await setExtension(db, {
		assignmentId: currentQuiz,
		instructorId: teacherId,
		studentId: students[4]!.user.id,
		dueAt: new Date(at(8, 17)),
		now: new Date(at(-1))
	});
	if (!extended.ok) throw new Error(extended.message);

	/** One attempt, answered the way this student would, submitted (or left open). */
	const take = async (
		s: DemoStudent,
		assignmentId: string,
		quizId: string,
		startAt: string,
		{ submitAfterMinutes, skill }: { submitAfterMinutes: number | null; skill: number }
	) => {
		const started = await startAssignedQuiz({
			db,
			content,
			user: s.user,
			learnerId: s.learnerId,
			assignmentId,
			quizId,
			now: new Date(startAt),
			seed: Math.floor(random() * 2 ** 31)
		});
		if (!started.ok) throw new Error(`demo: ${s.user.username} ${quizId}: ${started.message}`);
		const ids = attemptQuestionIds(started.attempt);
		const responses = new Map<string, unknown>();
		for (const id of ids) {
			const question = content.question(moduleId, id);
			if (question) responses.set(id, demoResponse(question, random() < skill, random));
		}
		const saveAt = new Date(Date.parse(startAt) + 5 * 60_000);
		const saved = await saveAnswers({
			db,
			content,
			learnerId: s.learnerId,
			attemptId: started.attempt.id,
			responses,
			now: saveAt
		});
		if (!saved.ok) throw new Error(`demo: ${saved.message}`);
		if (submitAfterMinutes !== null)
			await submitAttempt({
				db,
				content,
				learnerId: s.learnerId,
				attemptId: started.attempt.id,
				now: new Date(Date.parse(startAt) + submitAfterMinutes * 60_000)
			});
	};

	for (const [i, s] of students.entries()) {
		// A steady skill per student; every seventh struggles.
		const skill = i % 7 === 3 ? 0.2 + random() * 0.15 : 0.6 + random() * 0.35;
		const r = random();
		if (r < 0.7) {
			await take(s, pastQuiz, plan.pastQuiz.id, at(-10 - Math.floor(random() * 3), 9 + (i % 8)), {
				submitAfterMinutes: 25 + (i % 12),
				skill
			});
			// The struggling ones use their second attempt, and do a little better.
			if (i % 7 === 3)
				await take(s, pastQuiz, plan.pastQuiz.id, at(-8, 18), {
					submitAfterMinutes: 30,
					skill: skill + 0.05
				});
		} else if (r < 0.87) {
			await take(s, pastQuiz, plan.pastQuiz.id, at(-6 + Math.floor(random() * 3), 19), {
				submitAfterMinutes: 35,
				skill
			});
		}
		const q = random();
		if (q < 0.33)
			await take(s, currentQuiz, plan.currentQuiz.id, at(-1, 10 + (i % 8)), {
				submitAfterMinutes: 12,
				skill
			});
		else if (q < 0.55)
			await take(s, currentQuiz, plan.currentQuiz.id, at(0, -1 - (i % 3)), {
				submitAfterMinutes: null,
				skill
			});
		// The assigned lesson: half have finished it (some after a remediation or two), some are part-way.
		const l = random();
		const lesson = (lessonId: string, steps: number | null, when: string) =>
			seedLessonProgress(db, {
				content,
				learnerId: s.learnerId,
				moduleId,
				lessonId,
				steps,
				remediate: skill < 0.5,
				now: new Date(when),
				runId: `demo-run-${i}-${lessonId}`
			});
		if (l < 0.5) await lesson(plan.lesson.id, null, at(-2, 16 + (i % 5)));
		else if (l < 0.7) await lesson(plan.lesson.id, 3, at(-1, 18));
		// A few have started on the whole module: another lesson and a quiz under that assignment.
		if (i % 5 === 0) {
			await lesson(plan.moduleStart.lessonId, null, at(0, -4));
			await take(s, wholeModule, plan.moduleStart.quizId, at(0, -3), { submitAfterMinutes: 10, skill });
		}
	}

	return {
		classId: klass.id,
		students: students.length,
		assignments: [
			{ title: `Quiz: ${plan.pastQuiz.title} (due last week)`, id: pastQuiz },
			{ title: `Quiz: ${plan.currentQuiz.title} (due this week)`, id: currentQuiz },
			{ title: `Lesson: ${plan.lesson.title} (due this week)`, id: lessonAssignment },
			{ title: `${plan.moduleTitle}: the whole module (due in two weeks)`, id: wholeModule }
		]
	};
}
