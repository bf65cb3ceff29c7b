import { error } from '@sveltejs/kit';
import { loadLessonModule } from '$lib/lessons/loaders';
import type { PageLoad } from './$types';

/** The lesson's machine and cards, loaded on their own so the page ships only this lesson's code. */
export const load: PageLoad = async ({ data }) => {
	const lessonModule = await loadLessonModule(data.lessonId);
	if (!lessonModule) error(404, 'No such lesson');
	return { ...data, lesson: lessonModule.lesson, machine: lessonModule.machine };
};
