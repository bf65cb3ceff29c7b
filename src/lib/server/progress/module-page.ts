/**
 * A module's own page (/modules/[module], issue 13): what it teaches (objectives, lessons, quizzes, sources)
 * and where this learner stands in it (lessons done, best quiz scores, mastery per objective). Built from the
 * content index and the learner's own rows by explicit picking; quiz scores whose review has not opened stay
 * out, as on /progress.
 */
import type { ModuleProgress, StudentProgressView } from '$lib/progress/types';
import type { CatalogLesson } from '$lib/lessons/lesson-status';
import type { QuizProgress } from '$lib/quiz/types';
import { catalogModules, type CatalogModule } from '$lib/server/catalog/catalog';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { moduleLessons } from '$lib/server/lessons/catalog-lessons';
import { listAttempts } from '$lib/server/quiz/attempts';
import { quizProgress } from '$lib/server/quiz/views';
import { studentProgress } from './student-progress';

export interface ModulePageView {
	module: CatalogModule;
	lessons: CatalogLesson[];
	lessonsCompleted: number;
	quizzes: (QuizProgress & { href: string })[];
	progress: Pick<ModuleProgress, 'objectives' | 'attempts'>;
	/** Attempts in this module graded but waiting for their review to open. */
	pendingReviews: number;
	rules: StudentProgressView['rules'];
	/** Two or more sources: the side-by-side view is worth offering. */
	canCompare: boolean;
}

/** The page for `moduleId`, or null when there is no such module. */
export async function modulePage(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	moduleId: string;
	now: Date;
}): Promise<ModulePageView | null> {
	const { db, content, learnerId, moduleId, now } = input;
	const mod = content.module(moduleId);
	const card = catalogModules(content).find((m) => m.id === moduleId);
	if (!mod || !card) return null;
	const [lessons, attempts, view] = await Promise.all([
		moduleLessons({ db, learnerId, index: content, moduleId }),
		listAttempts({ db, learnerId }),
		studentProgress({ db, content, learnerId, now, moduleId })
	]);
	const mine = view.modules[0];
	const base = `/modules/${encodeURIComponent(mod.id)}`;
	return {
		module: card,
		lessons,
		lessonsCompleted: lessons.filter((l) => l.status.state === 'completed').length,
		quizzes: mod.quizzes.map((q) => ({
			...quizProgress(q, attempts, now),
			href: `${base}/quizzes/${encodeURIComponent(q.id)}`
		})),
		progress: { objectives: mine?.objectives ?? [], attempts: mine?.attempts ?? [] },
		pendingReviews: view.pendingReviews,
		rules: view.rules,
		canCompare: mod.sources.length >= 2
	};
}
