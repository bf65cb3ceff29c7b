/** A learner's lesson statuses as the catalog page shows them (worked out on the server: server/lessons/). */
export type LessonStatus =
	| { state: 'not-started' }
	| { state: 'in-progress'; step: number; steps: number; completedBefore: boolean }
	| { state: 'completed' };

/** One row of the catalog's "Lessons" list. */
export interface CatalogLesson {
	id: string;
	title: string;
	blurb: string;
	steps: number;
	href: string;
	status: LessonStatus;
}
