/**
 * The student's own progress page (issue 6): mastery per objective, lesson completion, quiz attempts over
 * time. The instructor's per-student page builds the same view for one of their students.
 */
import type { AttemptPoint, ModuleProgress, StudentProgressView } from '$lib/progress/types';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { selectLessonStatuses } from '$lib/server/lessons/progress';
import { listAttempts } from '$lib/server/quiz/attempts';
import { reviewOpen } from '$lib/server/quiz/timing';
import { reviewPath } from '$lib/server/quiz/views';
import { MASTERY_LABELS, MASTERY_RULES } from '$lib/progress/mastery';
import { learnerObservations, masteryByObjective } from './observations';
import { countDueReviews } from './review-cards';

const pct = (v: number) => Math.round(v * 100);

export const masteryRules = () => ({
	recent: MASTERY_RULES.recent,
	lessonWeightPercent: pct(MASTERY_RULES.lessonWeight),
	masteredPercent: pct(MASTERY_RULES.masteredScore),
	masteredAnswers: MASTERY_RULES.masteredAnswers,
	masteredQuizAnswers: MASTERY_RULES.masteredQuizAnswers,
	practisingPercent: pct(MASTERY_RULES.practisingScore)
});

export async function studentProgress(input: {
	db: Db;
	content: ContentIndex;
	learnerId: string;
	now: Date;
	/** Only this module (its page); every module in catalog order without it. */
	moduleId?: string;
}): Promise<StudentProgressView> {
	const { db, content, learnerId, now } = input;
	const [observations, attempts, reviewsDue] = await Promise.all([
		learnerObservations(input),
		listAttempts({ db, learnerId }),
		countDueReviews({ db, learnerId, now })
	]);
	const masteries = masteryByObjective(observations);
	let pendingReviews = 0;
	const modules: ModuleProgress[] = [];
	for (const mod of content.modules) {
		if (input.moduleId !== undefined && mod.id !== input.moduleId) continue;
		const statuses = await selectLessonStatuses({ db, learnerId, moduleId: mod.id });
		const lessons = mod.lessons.flatMap((id) => {
			const lesson = content.lesson(mod.id, id)?.lesson;
			if (!lesson) return [];
			const status = statuses.get(id) ?? { state: 'not-started' as const };
			return [
				{
					id,
					title: lesson.title,
					href: `/modules/${encodeURIComponent(mod.id)}/lessons/${encodeURIComponent(id)}`,
					state: status.state,
					step: status.state === 'in-progress' ? status.step : null,
					steps: lesson.steps.length
				}
			];
		});
		const points: AttemptPoint[] = [];
		for (const a of attempts) {
			if (a.module_id !== mod.id || a.status !== 'graded') continue;
			if (!reviewOpen(a, now)) {
				pendingReviews++;
				continue;
			}
			if (a.score === null || !a.max_score) continue;
			points.push({
				attemptId: a.id,
				quizId: a.quiz_id,
				quizTitle: content.quiz(mod.id, a.quiz_id)?.title ?? a.quiz_id,
				number: a.number,
				submittedAt: a.submitted_at ?? a.started_at,
				percent: Math.round((100 * a.score) / a.max_score),
				passed: a.passed === 1,
				reviewHref: reviewPath(a)
			});
		}
		points.sort((x, y) => x.submittedAt.localeCompare(y.submittedAt));
		modules.push({
			id: mod.id,
			title: mod.title,
			objectives: mod.objectives.map((o) => {
				const m = masteries.get(`${mod.id}/${o.id}`) ?? {
					level: 'not-started' as const,
					score: null,
					answers: 0,
					quizAnswers: 0
				};
				return {
					id: o.id,
					title: o.title,
					description: o.description,
					level: m.level,
					label: MASTERY_LABELS[m.level],
					percent: m.score === null ? null : pct(m.score),
					answers: m.answers,
					quizAnswers: m.quizAnswers
				};
			}),
			lessons,
			lessonsCompleted: lessons.filter((l) => l.state === 'completed').length,
			attempts: points
		});
	}
	return { modules, pendingReviews, reviewsDue, rules: masteryRules() };
}
