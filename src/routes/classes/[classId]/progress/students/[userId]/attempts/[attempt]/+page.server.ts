import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isId, requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { parseForm } from '$lib/server/form';
import {
	attemptScoreChanges,
	overrideClassAnswer,
	undoClassOverride
} from '$lib/server/progress/answer-overrides';
import { ownedClassStudent, visibleAttempt } from '$lib/server/progress/student-work';
import { answersOf, settleAttempt } from '$lib/server/quiz/attempts';
import { BAD_SCORE, MAX_COMMENT, NEED_COMMENT } from '$lib/server/quiz/overrides';
import { instructorReview } from '$lib/server/quiz/views';
import type { Actions, PageServerLoad } from './$types';

/**
 * One quiz attempt of a class member, for the class's instructor: every answer with the key, and per answer
 * a form to override its score with a comment, or undo an override (issue 11). The rule of which attempts
 * they may open and change is in $lib/server/progress/student-work.ts; anything else is the same 404.
 */
export const load: PageServerLoad = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const db = appDb();
	const content = appContent();
	const { userId, attempt: attemptId } = event.params;
	const student = isId(userId)
		? await ownedClassStudent(db, { classId: klass.id, instructorId: user.id, userId })
		: null;
	const found = student ? await visibleAttempt(db, { classId: klass.id, student, attemptId }) : null;
	const quiz = found ? content.quiz(found.module_id, found.quiz_id) : undefined;
	if (!student || !found || !quiz) error(404, 'No such attempt.');
	// Finalize-on-read, as on the student's own pages: an attempt past its deadline is graded first.
	const attempt = await settleAttempt({ db, content, attempt: found, now: event.locals.now });
	const answers = await answersOf({ db, attemptId: attempt.id });
	return {
		klass: { id: klass.id, name: klass.name },
		student: { userId: student.userId, displayName: student.displayName, username: student.username },
		view: instructorReview({ content, quiz, attempt, answers }),
		changes: await attemptScoreChanges(db, attempt.id),
		maxComment: MAX_COMMENT
	};
};

const question = z.string().min(1, 'Choose a question.');
const overrideForm = z.object({
	question,
	score: z
		.string()
		.trim()
		.min(1, BAD_SCORE)
		.transform(Number)
		.pipe(z.number(BAD_SCORE).min(0, BAD_SCORE).max(1, BAD_SCORE)),
	comment: z.string().trim().min(1, NEED_COMMENT).max(MAX_COMMENT, NEED_COMMENT)
});
const undoForm = z.object({ question });
/** What the teacher typed, put back into the form after a refusal. */
const sent = (d: { score: number; comment: string }) => ({ score: String(d.score), comment: d.comment });

export const actions: Actions = {
	override: async (event) => {
		const { user, klass } = await requireOwnedClass(event, event.params.classId);
		const parsed = await parseForm(event.request, overrideForm);
		if (!parsed.ok) {
			const message = Object.values(parsed.errors)[0]!;
			return fail(400, { question: parsed.values.question ?? '', message, values: parsed.values });
		}
		const result = await overrideClassAnswer(appDb(), {
			classId: klass.id,
			userId: event.params.userId,
			attemptId: event.params.attempt,
			questionId: parsed.data.question,
			instructor: user,
			score: parsed.data.score,
			comment: parsed.data.comment,
			now: event.locals.now
		});
		if (!result.ok) {
			if (result.status === 404) error(404, result.message);
			return fail(result.status, {
				question: parsed.data.question,
				message: result.message,
				values: sent(parsed.data)
			});
		}
		return { question: parsed.data.question, done: 'The score is changed and the change is logged.' };
	},
	undo: async (event) => {
		const { user, klass } = await requireOwnedClass(event, event.params.classId);
		const parsed = await parseForm(event.request, undoForm);
		if (!parsed.ok)
			return fail(400, { question: '', message: parsed.errors.question!, values: parsed.values });
		const result = await undoClassOverride(appDb(), {
			classId: klass.id,
			userId: event.params.userId,
			attemptId: event.params.attempt,
			questionId: parsed.data.question,
			instructor: user,
			now: event.locals.now
		});
		if (!result.ok) {
			if (result.status === 404) error(404, result.message);
			return fail(result.status, {
				question: parsed.data.question,
				message: result.message
			});
		}
		return { question: parsed.data.question, done: 'The override is undone: the grader’s score is back.' };
	}
};
