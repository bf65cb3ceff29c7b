/**
 * Class mastery per objective (issue 6): per student and objective, the weighted mean of the last RECENT
 * answers (quiz items weigh 1, lesson checks ½), read from learner_mastery, which the grading and lesson
 * transactions keep current ($lib/server/effects/mastery-index.ts) — one row per student and objective, however many answers the
 * class has given. The level rule ($lib/progress/mastery.ts) then classifies those per-student aggregates; the page shows
 * how many students are at each level. Students in the scope without evidence count as "not started", members
 * who never signed in (no learner row) included.
 */
import { sql } from 'kysely';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { scopeSize, type Scope } from './item-analysis';
import { masteryLevel, type MasteryLevel } from '$lib/progress/mastery';

const num = (v: unknown) => Number(v ?? 0);

export interface ObjectiveMasteryCount {
	moduleId: string;
	id: string;
	title: string;
	counts: Record<MasteryLevel, number>;
	/** Mean of the weighted scores of students with any evidence, 0–100. */
	meanPercent: number | null;
}

export async function classMastery(input: {
	db: Db;
	content: ContentIndex;
	scope: Scope;
}): Promise<ObjectiveMasteryCount[]> {
	const { db, content, scope } = input;
	const out: ObjectiveMasteryCount[] = [];
	const learnerIds = scope.kind === 'all' ? sql`select id from learners` : scope.ids;
	// Everyone in scope, signed in or not: whoever has no learner_mastery row counts as not started.
	const total = await scopeSize(db, scope);
	for (const mod of content.modules) {
		if (mod.questions.length === 0) continue;
		const rows = await db.kysely
			.selectFrom('learner_mastery')
			.select(['objective', 'score', 'answers', 'quiz_answers'])
			.where('module_id', '=', mod.id)
			.where(sql<boolean>`learner_id in (${learnerIds})`)
			.execute();
		const tally = new Map<string, { counts: Record<MasteryLevel, number>; sum: number; n: number }>(
			mod.objectives.map((o) => [
				o.id,
				{ counts: { 'not-started': 0, 'needs-review': 0, practising: 0, mastered: 0 }, sum: 0, n: 0 }
			])
		);
		for (const r of rows) {
			const t = tally.get(r.objective);
			if (!t) continue;
			const score = Math.round(Number(r.score) * 1000) / 1000;
			t.counts[masteryLevel(score, num(r.answers), num(r.quiz_answers))]++;
			t.sum += score;
			t.n++;
		}
		for (const o of mod.objectives) {
			const { counts, sum, n: withEvidence } = tally.get(o.id)!;
			counts['not-started'] = Math.max(0, total - withEvidence);
			out.push({
				moduleId: mod.id,
				id: o.id,
				title: o.title,
				counts,
				meanPercent: withEvidence ? Math.round((100 * sum) / withEvidence) : null
			});
		}
	}
	return out;
}
