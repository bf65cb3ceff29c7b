import { error } from '@sveltejs/kit';
import { isId, requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { studentProgress } from '$lib/server/progress/student-progress';
import {
	classCoverage,
	ownedClassStudent,
	studentAttemptPath,
	studentLessonPath,
	visibleAttempts
} from '$lib/server/progress/student-work';
import type { PageServerLoad } from './$types';

/**
 * What the student sees on their own progress page, for the instructor who owns their class, with links
 * to the work behind it: every attempt and lesson run the class's instructor may open (student-work.ts).
 */
export const load: PageServerLoad = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const db = appDb();
	const content = appContent();
	const student = isId(event.params.userId)
		? await ownedClassStudent(db, { classId: klass.id, instructorId: user.id, userId: event.params.userId })
		: null;
	if (!student) error(404, 'No such student in this class.');
	const coverage = await classCoverage(db, klass.id);
	const [progress, attempts] = await Promise.all([
		studentProgress({ db, content, learnerId: student.learnerId ?? '', now: event.locals.now }),
		visibleAttempts(db, { classId: klass.id, student, coverage })
	]);
	const visibleIds = new Set(attempts.map((a) => a.id));
	// The student's links lead to their own pages; here each leads to the instructor's view, when it may.
	for (const mod of progress.modules) {
		for (const p of mod.attempts)
			p.reviewHref = visibleIds.has(p.attemptId)
				? studentAttemptPath(klass.id, student.userId, p.attemptId)
				: null;
		for (const l of mod.lessons)
			l.href =
				l.state !== 'not-started' && coverage.lessons(mod.id, l.id)
					? studentLessonPath(klass.id, student.userId, mod.id, l.id)
					: null;
	}
	return {
		klass: { id: klass.id, name: klass.name },
		student: { displayName: student.displayName, username: student.username },
		progress,
		attempts: attempts.map((a) => ({
			id: a.id,
			href: studentAttemptPath(klass.id, student.userId, a.id),
			quizTitle: content.quiz(a.module_id, a.quiz_id)?.title ?? a.quiz_id,
			number: a.number,
			fromAssignment: a.assignment_id !== null,
			startedAt: a.started_at,
			submittedAt: a.submitted_at,
			percent:
				a.status === 'graded' && a.score !== null && a.max_score
					? Math.round((100 * a.score) / a.max_score)
					: null
		}))
	};
};
