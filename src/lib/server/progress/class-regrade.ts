/**
 * A class's instructor regrades the class's attempts after a question's content changed (issue 11, point 2):
 * the attempts of current members that the instructor may open (student-work.ts's rule), through the same
 * regrade as `npm run regrade`. The attempts are chosen inside the regrade's transaction, with the
 * membership rows share-locked on PostgreSQL, so a student leaving the class meanwhile is either regraded
 * as a member or left out. The runs for the class stay listed on its progress page.
 */
import type { RegradeRunView } from '$lib/progress/regrade';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { regrade, type AttemptChange, type KeptAnswer } from '$lib/server/quiz/regrade';
import { attemptVisible, classCoverage, studentAttemptPath } from './student-work';

interface Member {
	userId: string;
	displayName: string;
}

/**
 * Members of the class with a learner record, by learner id; with `lock` (inside a transaction) their
 * membership rows are share-locked on PostgreSQL until it ends.
 */
async function membersByLearner(db: Db, classId: string, lock = false): Promise<Map<string, Member>> {
	const query = db.kysely
		.selectFrom('class_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.innerJoin('learners as l', 'l.user_id', 'u.id')
		.select(['l.id as learner_id', 'u.id as user_id', 'u.display_name'])
		.where('m.class_id', '=', classId);
	const rows = await (lock && db.engine === 'postgres' ? query.forShare('m') : query).execute();
	return new Map(rows.map((r) => [r.learner_id, { userId: r.user_id, displayName: r.display_name }]));
}

function describe(
	classId: string,
	members: Map<string, Member>,
	run: {
		id: string;
		at: string;
		byName: string;
		questions: string[];
		attempts: AttemptChange[];
		kept: KeptAnswer[];
	}
): RegradeRunView {
	const who = (learnerId: string, attemptId: string) => {
		const m = members.get(learnerId);
		return {
			displayName: m?.displayName ?? 'A former member',
			href: m ? studentAttemptPath(classId, m.userId, attemptId) : null
		};
	};
	return {
		id: run.id,
		at: run.at,
		byName: run.byName,
		questions: run.questions,
		attempts: run.attempts.map((a) => ({
			...who(a.learnerId, a.attemptId),
			quizId: a.quizId,
			moduleId: a.moduleId,
			number: a.number,
			oldScore: a.oldScore,
			newScore: a.newScore,
			maxScore: a.maxScore
		})),
		kept: run.kept.map(({ learnerId, attemptId, ...k }) => ({ ...k, ...who(learnerId, attemptId) }))
	};
}

/** Ids of the graded attempts of current members that the instructor may open (run in the regrade's transaction). */
async function visibleGradedAttempts(db: Db, classId: string): Promise<string[]> {
	const members = await membersByLearner(db, classId, true);
	const coverage = await classCoverage(db, classId);
	const learnerIds = [...members.keys()];
	const attempts = learnerIds.length
		? await db.kysely
				.selectFrom('quiz_attempts')
				.selectAll()
				.where('learner_id', 'in', learnerIds)
				.where('status', '=', 'graded')
				.execute()
		: [];
	return attempts.filter((a) => attemptVisible(coverage, a)).map((a) => a.id);
}

/** Regrades the class's visible graded attempts; returns the recorded run as the page shows it. */
export async function regradeClass(
	db: Db,
	input: {
		content: ContentIndex;
		classId: string;
		instructor: { id: string; displayName: string };
		now: Date;
	}
): Promise<RegradeRunView> {
	const report = await regrade({
		db,
		content: input.content,
		attemptIds: (tx) => visibleGradedAttempts({ ...db, kysely: tx }, input.classId),
		classId: input.classId,
		by: { userId: input.instructor.id, name: input.instructor.displayName },
		now: input.now
	});
	const members = await membersByLearner(db, input.classId);
	return describe(input.classId, members, {
		id: report.runId ?? '',
		at: input.now.toISOString(),
		byName: input.instructor.displayName,
		...report
	});
}

/** The class's regrade runs, newest first. */
export async function classRegradeRuns(db: Db, classId: string, limit = 10): Promise<RegradeRunView[]> {
	const [rows, members] = await Promise.all([
		db.kysely
			.selectFrom('regrade_runs')
			.selectAll()
			.where('class_id', '=', classId)
			.orderBy('at', 'desc')
			.limit(limit)
			.execute(),
		membersByLearner(db, classId)
	]);
	return rows.map((r) =>
		describe(classId, members, {
			id: r.id,
			at: r.at,
			byName: r.by_name,
			questions: JSON.parse(r.questions) as string[],
			attempts: JSON.parse(r.attempts) as AttemptChange[],
			kept: JSON.parse(r.kept) as KeptAnswer[]
		})
	);
}
