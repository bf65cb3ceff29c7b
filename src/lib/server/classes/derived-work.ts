/**
 * Status for lesson and whole-module assignments, derived when read from the learner's own records:
 * lesson progress (saved by the lesson player, not tied to any assignment: a lesson finished before it was
 * assigned counts) and, for a module, the quiz attempts graded under that assignment. Quiz assignments are
 * recorded as they happen instead ($lib/server/effects/assignment-work.ts, reported in the grading transaction).
 *
 * A whole module is submitted once every one of its lessons is completed and every quiz has a graded
 * attempt under the assignment; it is late if the last of those came after the student's due date. Its
 * score is the mean of the best quiz scores so far.
 */
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { AssignmentKind } from '$lib/server/db/schema';
import { effectiveDueAt, type WorkRecord } from './rules';

export interface DerivedWork {
	record: WorkRecord | null;
	score: number | null;
	/** Lessons and quizzes done, of all the assignment covers. */
	partsDone: number;
	parts: number;
}

interface AssignmentRef {
	id: string;
	kind: AssignmentKind;
	moduleId: string;
	targetId: string | null;
	dueAt: string;
}

const key = (assignmentId: string, userId: string) => `${assignmentId}/${userId}`;
const latest = (times: string[]) => times.reduce((a, b) => (a > b ? a : b));
const earliest = (times: string[]) => times.reduce((a, b) => (a < b ? a : b));

/** Derived work for each (assignment, user) pair of lesson or module assignments; other kinds are skipped. */
export async function deriveWork(
	db: Db,
	{
		content,
		assignments,
		userIds,
		extensions
	}: {
		content: ContentIndex;
		assignments: readonly AssignmentRef[];
		userIds: readonly string[];
		/** `${assignmentId}/${userId}` → the student's extended due date. */
		extensions: ReadonlyMap<string, string>;
	}
): Promise<Map<string, DerivedWork>> {
	const out = new Map<string, DerivedWork>();
	const relevant = assignments.filter((a) => a.kind !== 'quiz');
	if (!relevant.length || !userIds.length) return out;
	const learners = await db.kysely
		.selectFrom('learners')
		.select(['id', 'user_id'])
		.where('user_id', 'in', [...userIds])
		.execute();
	const learnerOf = new Map(learners.map((l) => [l.user_id!, l.id]));
	const learnerIds = learners.map((l) => l.id);
	const moduleIds = [...new Set(relevant.map((a) => a.moduleId))];
	const lessonRows = learnerIds.length
		? await db.kysely
				.selectFrom('lesson_progress')
				.select(['learner_id', 'module_id', 'lesson_id', 'started_at', 'completed_at'])
				.where('learner_id', 'in', learnerIds)
				.where('module_id', 'in', moduleIds)
				.execute()
		: [];
	const moduleAssignments = relevant.filter((a) => a.kind === 'module').map((a) => a.id);
	const attempts =
		learnerIds.length && moduleAssignments.length
			? await db.kysely
					.selectFrom('quiz_attempts')
					.select([
						'learner_id',
						'assignment_id',
						'quiz_id',
						'status',
						'started_at',
						'submitted_at',
						'score',
						'max_score'
					])
					.where('learner_id', 'in', learnerIds)
					.where('assignment_id', 'in', moduleAssignments)
					.execute()
			: [];

	for (const a of relevant) {
		const mod = content.module(a.moduleId);
		const lessonIds = a.kind === 'lesson' ? [a.targetId ?? ''] : (mod?.lessons ?? []);
		const quizIds = a.kind === 'module' ? (mod?.quizzes.map((q) => q.id) ?? []) : [];
		for (const userId of userIds) {
			const learnerId = learnerOf.get(userId);
			const lessons = lessonRows.filter(
				(r) => r.learner_id === learnerId && r.module_id === a.moduleId && lessonIds.includes(r.lesson_id)
			);
			const mine = attempts.filter((x) => x.learner_id === learnerId && x.assignment_id === a.id);
			const started = [...lessons.map((l) => l.started_at), ...mine.map((x) => x.started_at)];
			const finished: string[] = lessons.filter((l) => l.completed_at).map((l) => l.completed_at!);
			const best = new Map<string, number>();
			const firstGraded = new Map<string, string>();
			for (const x of mine) {
				if (x.status !== 'graded' || !x.submitted_at) continue;
				best.set(
					x.quiz_id,
					Math.max(best.get(x.quiz_id) ?? 0, x.max_score ? (x.score ?? 0) / x.max_score : 0)
				);
				const prev = firstGraded.get(x.quiz_id);
				if (!prev || x.submitted_at < prev) firstGraded.set(x.quiz_id, x.submitted_at);
			}
			const quizzesDone = quizIds.filter((id) => best.has(id));
			finished.push(...quizzesDone.map((id) => firstGraded.get(id)!));
			const parts = lessonIds.length + quizIds.length;
			const partsDone = finished.length;
			const complete = parts > 0 && partsDone === parts;
			const submittedAt = complete ? latest(finished) : null;
			const dueAt = effectiveDueAt(a, extensions.get(key(a.id, userId)) ?? null);
			const score = quizzesDone.length
				? Math.round((quizzesDone.reduce((s, id) => s + best.get(id)!, 0) / quizzesDone.length) * 10_000) /
					10_000
				: null;
			out.set(key(a.id, userId), {
				record:
					started.length || submittedAt
						? {
								startedAt: started.length ? earliest(started) : submittedAt,
								submittedAt,
								late: submittedAt !== null && submittedAt > dueAt
							}
						: null,
				score,
				partsDone,
				parts
			});
		}
	}
	return out;
}

export const workKey = key;
