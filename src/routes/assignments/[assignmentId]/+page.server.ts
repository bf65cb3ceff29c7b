import { error } from '@sveltejs/kit';
import { requireStudent } from '$lib/server/auth/request';
import {
	FEEDBACK_POLICIES,
	LATE_POLICIES,
	studentAssignments,
	visibleScore
} from '$lib/server/classes/assignments';
import { isId } from '$lib/server/classes/route-guards';
import { startDecision } from '$lib/server/classes/rules';
import { assignableTargets, targetTitle } from '$lib/server/classes/targets';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** One assignment as its student sees it; 404 unless the student is in its class. */
export const load: PageServerLoad = async (event) => {
	const user = requireStudent(event);
	const { assignmentId } = event.params;
	const now = event.locals.now;
	const [a] = isId(assignmentId)
		? await studentAssignments(appDb(), { userId: user.id, now, assignmentId })
		: [];
	if (!a) error(404, 'No such assignment.');
	const content = appContent();
	const mod = content.module(a.moduleId);
	const start = startDecision({ times: a, extensionDueAt: a.extensionDueAt, attemptsUsed: 0, now });
	return {
		assignment: {
			id: a.id,
			title: targetTitle(assignableTargets(content), a),
			kind: a.kind,
			className: a.className,
			classId: a.classId,
			opensAt: a.opensAt,
			dueAt: a.effectiveDueAt,
			originalDueAt: a.dueAt,
			extended: a.extensionDueAt !== null,
			attemptsAllowed: a.attemptsAllowed,
			timeLimitMinutes: a.timeLimitMinutes,
			feedback: FEEDBACK_POLICIES[a.feedbackPolicy],
			late: LATE_POLICIES[a.latePolicy],
			status: a.status,
			submittedAt: a.submittedAt,
			score: visibleScore(a, now)
		},
		open: start.ok,
		closedReason: start.ok ? null : start.message,
		sources: mod ? mod.sources.map((s) => ({ id: s.id, title: s.title })) : [],
		moduleId: a.moduleId
	};
};
