import { error } from '@sveltejs/kit';
import { isId, requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { ownedClassStudent, visibleAttempt } from '$lib/server/progress/student-work';
import { answersOf, settleAttempt } from '$lib/server/quiz/attempts';
import { instructorReview } from '$lib/server/quiz/views';
import type { PageServerLoad } from './$types';

/**
 * One quiz attempt of a class member, for the class's instructor: every answer with the key. The rule of
 * which attempts they may open is in $lib/server/progress/student-work.ts; anything else is the same 404.
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
		view: instructorReview({ content, quiz, attempt, answers })
	};
};
