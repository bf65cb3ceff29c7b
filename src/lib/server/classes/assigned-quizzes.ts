/**
 * Quizzes taken as assignments: which quizzes an assignment covers, starting one under the assignment's
 * rules (open date, attempts, time limit, feedback, due date with the student's extension, late policy),
 * and the student's attempts under it, settled on read. The quiz code does the attempt itself
 * ($lib/server/quiz/attempts.ts, with the assignment's rules passed in).
 */
import type { Quiz } from '$lib/content/types';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/sessions';
import { settleAttempt, startAttempt, type AttemptRow, type StartResult } from '$lib/server/quiz/attempts';
import { studentAssignments, type StudentAssignment } from './assignments';
import { startDecision } from './rules';

/** The quizzes an assignment covers: its quiz, every quiz of its module, or none for a lesson. */
export function assignedQuizzes(
	content: ContentIndex,
	a: Pick<StudentAssignment, 'kind' | 'moduleId' | 'targetId'>
): Quiz[] {
	if (a.kind === 'lesson') return [];
	const quizzes = content.module(a.moduleId)?.quizzes ?? [];
	return a.kind === 'quiz' ? quizzes.filter((q) => q.id === a.targetId) : quizzes;
}

/** The assignment's rules for one quiz: empty attempts or time limit mean the quiz's own setting. */
export function effectiveRules(a: StudentAssignment, quiz: Quiz) {
	return {
		attemptsAllowed: a.attemptsAllowed ?? quiz.attemptsAllowed,
		timeLimitMinutes: a.timeLimitMinutes ?? quiz.timeLimitMinutes
	};
}

/** The learner's attempts under an assignment (all its quizzes, or one), open ones settled if expired. */
export async function assignmentAttempts({
	db,
	content,
	learnerId,
	assignmentId,
	now
}: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	assignmentId: string;
	now: Date;
}): Promise<AttemptRow[]> {
	const rows = await db.kysely
		.selectFrom('quiz_attempts')
		.selectAll()
		.where('learner_id', '=', learnerId)
		.where('assignment_id', '=', assignmentId)
		.orderBy('quiz_id')
		.orderBy('number')
		.execute();
	return Promise.all(rows.map((attempt) => settleAttempt({ db, content, attempt, now })));
}

/**
 * Open assignment attempts past their deadline, graded before a status is read (finalize-on-read): one
 * assignment's (the instructor's views) or one learner's (My assignments). The sweeper does the same on a
 * timer; whichever comes first grades, the other finds nothing to do.
 */
export async function settleAssignmentAttempts({
	db,
	content,
	now,
	assignmentId,
	learnerId
}: {
	db: Db;
	content: ContentIndex;
	now: Date;
	assignmentId?: string;
	learnerId?: string;
}): Promise<void> {
	let query = db.kysely
		.selectFrom('quiz_attempts')
		.selectAll()
		.where('status', '=', 'open')
		.where('assignment_id', 'is not', null);
	if (assignmentId) query = query.where('assignment_id', '=', assignmentId);
	if (learnerId) query = query.where('learner_id', '=', learnerId);
	for (const attempt of await query.execute()) await settleAttempt({ db, content, attempt, now });
}

/**
 * Starts (or resumes) a quiz under an assignment. Everything is re-checked here, whatever the page
 * showed: membership (404), the quiz belongs to the assignment (404), open date, attempts left and the
 * late policy (409). Under refuse-late the attempt also closes at the student's due date, so even a start
 * racing the due date cannot take answers after it.
 */
export async function startAssignedQuiz({
	db,
	content,
	user,
	learnerId,
	assignmentId,
	quizId,
	now,
	seed
}: {
	db: Db;
	content: ContentIndex;
	user: SessionUser;
	learnerId: string;
	assignmentId: string;
	quizId: string;
	now: Date;
	/** Fixes the draw (demo data, tests); random otherwise. */
	seed?: number;
}): Promise<StartResult> {
	const [a] = await studentAssignments(db, { userId: user.id, now, assignmentId });
	if (!a) return { ok: false, status: 404, message: 'No such assignment.' };
	const quiz = assignedQuizzes(content, a).find((q) => q.id === quizId);
	if (!quiz) return { ok: false, status: 404, message: 'That quiz is not part of this assignment.' };
	const rules = effectiveRules(a, quiz);
	const attempts = (await assignmentAttempts({ db, content, learnerId, assignmentId, now })).filter(
		(x) => x.quiz_id === quiz.id
	);
	if (!attempts.some((x) => x.status === 'open')) {
		const decision = startDecision({
			times: { ...a, ...rules },
			extensionDueAt: a.extensionDueAt,
			attemptsUsed: attempts.length,
			now
		});
		if (!decision.ok) return { ok: false, status: 409, message: decision.message };
	}
	return startAttempt({
		db,
		content,
		learnerId,
		quiz,
		now,
		seed,
		assignment: {
			id: a.id,
			attemptsAllowed: rules.attemptsAllowed,
			timeLimitMinutes: rules.timeLimitMinutes,
			feedback: a.feedbackPolicy,
			dueAt: a.effectiveDueAt,
			acceptLate: a.latePolicy === 'accept',
			reviewOpensAt: a.feedbackPolicy === 'after-due' ? a.releaseAt : null,
			sameQuestions: a.sameQuestions
		}
	});
}
