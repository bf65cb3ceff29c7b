import { error } from '@sveltejs/kit';
import { isId, requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { lessonRuns } from '$lib/server/progress/lesson-runs';
import { classCoverage, ownedClassStudent } from '$lib/server/progress/student-work';
import type { PageServerLoad } from './$types';

/**
 * A class member's runs of one lesson, for the class's instructor: each check with what the student
 * answered and how it went. Only lessons the class was assigned (student-work.ts); anything else is 404.
 */
export const load: PageServerLoad = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const db = appDb();
	const content = appContent();
	const { userId, module: moduleId, lesson: lessonId } = event.params;
	const student = isId(userId)
		? await ownedClassStudent(db, { classId: klass.id, instructorId: user.id, userId })
		: null;
	const lesson = content.lesson(moduleId, lessonId)?.lesson;
	const visible = student && lesson ? (await classCoverage(db, klass.id)).lessons(moduleId, lessonId) : false;
	if (!student || !lesson || !visible) error(404, 'No such lesson for this student.');
	return {
		klass: { id: klass.id, name: klass.name },
		student: { userId: student.userId, displayName: student.displayName, username: student.username },
		lesson: { title: lesson.title, moduleTitle: content.module(moduleId)?.title ?? moduleId },
		runs: student.learnerId
			? await lessonRuns({ db, content, learnerId: student.learnerId, moduleId, lessonId })
			: []
	};
};
