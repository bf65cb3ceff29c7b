import { error } from '@sveltejs/kit';
import { isId, requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { classStudent } from '$lib/server/progress/class-analytics';
import { studentProgress } from '$lib/server/progress/student-progress';
import type { PageServerLoad } from './$types';

/** What the student sees on their own progress page, for the instructor who owns their class. */
export const load: PageServerLoad = async (event) => {
	const { klass } = await requireOwnedClass(event, event.params.classId);
	const db = appDb();
	const student = isId(event.params.userId)
		? await classStudent(db, { classId: klass.id, userId: event.params.userId })
		: null;
	if (!student) error(404, 'No such student in this class.');
	return {
		klass: { id: klass.id, name: klass.name },
		student: { displayName: student.displayName, username: student.username },
		progress: await studentProgress({
			db,
			content: appContent(),
			learnerId: student.learnerId ?? '',
			now: event.locals.now
		})
	};
};
