/** The catalog's "Lessons" list for one learner: each module's lessons in order, with the learner's status. */
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { CatalogLesson } from '$lib/lessons/lesson-status';
import { selectLessonStatuses } from './progress';

export type { CatalogLesson };

export async function catalogLessons({
	db,
	learnerId,
	index
}: {
	db: Db;
	learnerId: string;
	index: ContentIndex;
}): Promise<Record<string, CatalogLesson[]>> {
	const out: Record<string, CatalogLesson[]> = {};
	for (const mod of index.modules)
		out[mod.id] = await moduleLessons({ db, learnerId, index, moduleId: mod.id });
	return out;
}

/** One module's lessons in teaching order with the learner's status (empty for an unknown module). */
export async function moduleLessons({
	db,
	learnerId,
	index,
	moduleId
}: {
	db: Db;
	learnerId: string;
	index: ContentIndex;
	moduleId: string;
}): Promise<CatalogLesson[]> {
	const mod = index.module(moduleId);
	if (!mod) return [];
	const statuses = await selectLessonStatuses({ db, learnerId, moduleId: mod.id });
	return mod.lessons.flatMap((id) => {
		const lesson = index.lesson(mod.id, id)?.lesson;
		if (!lesson) return [];
		return [
			{
				id,
				title: lesson.title,
				blurb: lesson.blurb,
				steps: lesson.steps.length,
				href: `/modules/${encodeURIComponent(mod.id)}/lessons/${encodeURIComponent(id)}`,
				status: statuses.get(id) ?? { state: 'not-started' }
			}
		];
	});
}
