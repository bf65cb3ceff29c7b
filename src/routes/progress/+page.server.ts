import { studentAssignments } from '$lib/server/classes/assignments';
import { assignableTargets, targetTitle } from '$lib/server/classes/targets';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { syncReviewCards } from '$lib/server/progress/review-cards';
import { studentProgress } from '$lib/server/progress/student-progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const input = { db: appDb(), content: appContent(), learnerId: locals.learner.id, now: locals.now };
	await syncReviewCards(input);
	// Signed-in students also see their assignments still to do, soonest due first.
	const user = locals.user;
	const targets = assignableTargets(input.content);
	const due =
		user?.role === 'student'
			? (await studentAssignments(input.db, { userId: user.id, now: locals.now }))
					.filter((a) => a.status === 'not-started' || a.status === 'in-progress' || a.status === 'overdue')
					.sort((a, b) => a.effectiveDueAt.localeCompare(b.effectiveDueAt))
					.map((a) => ({
						id: a.id,
						title: targetTitle(targets, a),
						className: a.className,
						dueAt: a.effectiveDueAt,
						status: a.status
					}))
			: null;
	return { progress: await studentProgress(input), assignments: due };
};
