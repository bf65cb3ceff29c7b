import { error, fail, redirect } from '@sveltejs/kit';
import { requireStudent } from '$lib/server/auth/request';
import {
	assignedQuizzes,
	assignmentAttempts,
	effectiveRules,
	startAssignedQuiz
} from '$lib/server/classes/assigned-quizzes';
import {
	FEEDBACK_POLICIES,
	LATE_POLICIES,
	studentAssignments,
	visibleScore
} from '$lib/server/classes/assignments';
import { isId } from '$lib/server/classes/route-guards';
import { selectLessonStatuses } from '$lib/server/lessons/progress';
import { startDecision } from '$lib/server/classes/rules';
import { assignableTargets, targetTitle } from '$lib/server/classes/targets';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { ensureLearner } from '$lib/server/auth/learner-request';
import { parseForm } from '$lib/server/form';
import { z } from 'zod';
import { attemptPath, attemptSummary, reviewPath } from '$lib/server/quiz/views';
import type { Actions, PageServerLoad } from './$types';

/** One assignment as its student sees it; 404 unless the student is in its class. */
export const load: PageServerLoad = async (event) => {
	const user = requireStudent(event);
	const { assignmentId } = event.params;
	const now = event.locals.now;
	const db = appDb();
	const content = appContent();
	// Finalize-on-read: attempts past their deadline are graded before the status is read.
	const attempts = isId(assignmentId)
		? await assignmentAttempts({ db, content, learnerId: event.locals.learner.id, assignmentId, now })
		: [];
	const [a] = isId(assignmentId)
		? await studentAssignments(db, { userId: user.id, now, assignmentId, content })
		: [];
	if (!a) error(404, 'No such assignment.');
	const mod = content.module(a.moduleId);
	const quizzes = assignedQuizzes(content, a).map((quiz) => {
		const rules = effectiveRules(a, quiz);
		const mine = attempts.filter((x) => x.quiz_id === quiz.id);
		const open = mine.find((x) => x.status === 'open');
		const decision = startDecision({
			times: { ...a, ...rules },
			extensionDueAt: a.extensionDueAt,
			attemptsUsed: mine.length,
			now
		});
		return {
			id: quiz.id,
			title: quiz.title,
			summary: quiz.summary,
			itemCount: quiz.itemCount,
			attemptsAllowed: rules.attemptsAllowed,
			timeLimitMinutes: rules.timeLimitMinutes,
			attempts: mine.map((x) => ({
				...attemptSummary(x, now),
				href: x.status === 'open' ? attemptPath(x) : reviewPath(x)
			})),
			openHref: open ? attemptPath(open) : null,
			canStart: !open && decision.ok,
			startLate: !open && decision.ok && decision.late,
			refusal: open || decision.ok ? null : decision.message
		};
	});
	// The lessons the assignment covers, with this learner's place in each (the lesson player saves it).
	const lessonIds =
		a.kind === 'lesson' ? [a.targetId ?? ''] : a.kind === 'module' ? (mod?.lessons ?? []) : [];
	const lessonStatuses = lessonIds.length
		? await selectLessonStatuses({ db, learnerId: event.locals.learner.id, moduleId: a.moduleId })
		: new Map();
	const lessons = lessonIds.map((id) => {
		const status = lessonStatuses.get(id) ?? { state: 'not-started' as const };
		return {
			id,
			title: content.lesson(a.moduleId, id)?.lesson.title ?? id,
			href: `/modules/${encodeURIComponent(a.moduleId)}/lessons/${encodeURIComponent(id)}`,
			state: status.state,
			step: status.state === 'in-progress' ? `step ${status.step} of ${status.steps}` : null
		};
	});
	// The same refusal for every quiz (not open yet, closed) is said once, above them.
	const refusals = new Set(quizzes.map((q) => q.refusal));
	const commonRefusal = quizzes.length && refusals.size === 1 ? [...refusals][0]! : null;
	return {
		commonRefusal,
		lessons,
		assignment: {
			id: a.id,
			title: targetTitle(assignableTargets(content), a),
			kind: a.kind,
			className: a.className,
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
		quizzes,
		sources: mod ? mod.sources.map((s) => ({ id: s.id, title: s.title })) : [],
		moduleId: a.moduleId
	};
};

const CHOOSE_QUIZ = 'Choose a quiz to start.';
// Any id is looked up against the assignment's quizzes; a long one is cut before the look-up.
const startForm = z.object({
	quiz: z
		.string({ error: CHOOSE_QUIZ })
		.min(1, CHOOSE_QUIZ)
		.transform((quiz) => quiz.slice(0, 100))
});

export const actions: Actions = {
	/** Starts (or resumes) one of the assignment's quizzes under its rules; every rule re-checked here. */
	start: async (event) => {
		const user = requireStudent(event);
		const { assignmentId } = event.params;
		if (!isId(assignmentId)) error(404, 'No such assignment.');
		const parsed = await parseForm(event.request, startForm);
		if (!parsed.ok) return fail(400, { message: parsed.errors.quiz ?? CHOOSE_QUIZ });
		const quizId = parsed.data.quiz;
		const learner = await ensureLearner(event);
		const started = await startAssignedQuiz({
			db: appDb(),
			content: appContent(),
			user,
			learnerId: learner.id,
			assignmentId,
			quizId,
			now: event.locals.now
		});
		if (!started.ok) {
			if (started.status === 404) error(404, started.message);
			return fail(started.status, { message: started.message });
		}
		redirect(303, attemptPath(started.attempt));
	}
};
