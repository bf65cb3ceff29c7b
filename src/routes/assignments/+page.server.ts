import { requireStudent } from '$lib/server/auth/request';
import { settleAssignmentAttempts } from '$lib/server/classes/assigned-quizzes';
import { studentAssignments, visibleScore } from '$lib/server/classes/assignments';
import { classesOfStudent } from '$lib/server/classes/classes';
import { assignableTargets, targetTitle } from '$lib/server/classes/targets';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** My assignments: every assignment in every class the student is in, soonest due first. */
export const load: PageServerLoad = async (event) => {
	const user = requireStudent(event);
	const db = appDb();
	const content = appContent();
	const targets = assignableTargets(content);
	// Finalize-on-read: this student's attempts past their deadline are graded before statuses are read.
	await settleAssignmentAttempts({ db, content, now: event.locals.now, learnerId: event.locals.learner.id });
	const mine = await studentAssignments(db, { userId: user.id, now: event.locals.now, content });
	const classes = await classesOfStudent(db, { userId: user.id });
	return {
		classCount: classes.length,
		assignments: mine.map((a) => ({
			id: a.id,
			title: targetTitle(targets, a),
			className: a.className,
			opensAt: a.opensAt,
			dueAt: a.effectiveDueAt,
			extended: a.extensionDueAt !== null,
			status: a.status,
			score: visibleScore(a, event.locals.now)
		}))
	};
};
