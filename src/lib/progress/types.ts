/**
 * What progress pages send to the browser (issue 6). Built on the server by explicit picking
 * (src/lib/server/progress/student-progress.ts); scores of attempts whose review is not open are left out.
 */
import type { MasteryLevel } from './mastery';

export interface ObjectiveProgress {
	id: string;
	title: string;
	description: string;
	level: MasteryLevel;
	label: string;
	/** Weighted score 0–100, or null without evidence. */
	percent: number | null;
	answers: number;
	quizAnswers: number;
}

export interface LessonProgressRow {
	id: string;
	title: string;
	/** The lesson for its learner; on an instructor's page the student's run, or null if not theirs to open. */
	href: string | null;
	state: 'not-started' | 'in-progress' | 'completed';
	step: number | null;
	steps: number;
}

export interface AttemptPoint {
	attemptId: string;
	quizId: string;
	quizTitle: string;
	number: number;
	submittedAt: string;
	percent: number;
	passed: boolean;
	/** The learner's review; on an instructor's page the attempt view, or null if not theirs to open. */
	reviewHref: string | null;
}

export interface ModuleProgress {
	id: string;
	title: string;
	objectives: ObjectiveProgress[];
	lessons: LessonProgressRow[];
	lessonsCompleted: number;
	attempts: AttemptPoint[];
}

export interface StudentProgressView {
	modules: ModuleProgress[];
	/** Attempts graded but waiting for their review to open (their scores are not shown yet). */
	pendingReviews: number;
	reviewsDue: number;
	rules: MasteryRulesView;
}

export interface MasteryRulesView {
	recent: number;
	lessonWeightPercent: number;
	masteredPercent: number;
	masteredAnswers: number;
	masteredQuizAnswers: number;
	practisingPercent: number;
}
