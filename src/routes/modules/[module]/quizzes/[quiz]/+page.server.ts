import { fail, redirect } from '@sveltejs/kit';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { ensureLearner } from '$lib/server/auth/learner-request';
import { listAttempts, settleAttempt, startAttempt } from '$lib/server/quiz/attempts';
import { quizOr404 } from '$lib/server/quiz/route-helpers';
import { attemptPath, attemptSummary, quizInfo } from '$lib/server/quiz/views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const content = appContent();
	const db = appDb();
	const quiz = quizOr404(content, params.module, params.quiz);
	const rows = await listAttempts({
		db,
		learnerId: locals.learner.id,
		moduleId: quiz.moduleId,
		quizId: quiz.id
	});
	const attempts = await Promise.all(
		rows.map((attempt) => settleAttempt({ db, content, attempt, now: locals.now }))
	);
	const open = attempts.find((a) => a.status === 'open');
	return {
		quiz: quizInfo(content, quiz),
		attempts: attempts.map((a) => attemptSummary(a, locals.now)),
		openAttempt: open ? { id: open.id, number: open.number } : null,
		// Attempts made for an assignment count against the assignment, not self-study.
		canStart: Boolean(open) || attempts.filter((a) => !a.assignment_id).length < quiz.attemptsAllowed
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { params, locals } = event;
		const content = appContent();
		const quiz = quizOr404(content, params.module, params.quiz);
		// The visitor's first write: the learner (and its cookie) is created here, not on a page view.
		const learner = await ensureLearner(event);
		const started = await startAttempt({
			db: appDb(),
			content,
			learnerId: learner.id,
			quiz,
			now: locals.now
		});
		if (!started.ok) return fail(started.status, { message: started.message });
		redirect(303, attemptPath(started.attempt));
	}
};
