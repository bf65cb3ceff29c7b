/**
 * Class mastery per objective (issue 6): per student and objective, the weighted mean of the last RECENT
 * answers (quiz items weigh 1, lesson checks ½), computed in SQL with ROW_NUMBER over the union of graded quiz
 * items and lesson checks, tied to objectives through a VALUES table built from the content index. The level
 * rule (mastery.ts) then classifies those per-student aggregates; the page shows how many students are at each
 * level. Students in the scope without evidence count as "not started".
 */
import { sql } from 'kysely';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { Scope } from './item-analysis';
import { MASTERY_RULES, masteryLevel, type MasteryLevel } from './mastery';

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
	const totalRow = await sql<{ n: number | string }>`select count(*) as n from (${learnerIds}) t`.execute(
		db.kysely
	);
	const total = num(totalRow.rows[0]?.n);
	for (const mod of content.modules) {
		const pairs = mod.questions.map((q) => sql`(${q.id}, ${q.objective})`);
		if (pairs.length === 0) continue;
		const rows = await sql<{
			objective: string;
			score: number;
			answers: number | string;
			quiz_answers: number | string;
		}>`
			with qobj(question_id, objective) as (values ${sql.join(pairs, sql`, `)}),
			obs as (
				select a.learner_id as learner_id, qobj.objective as objective, qa.score as score, 1.0 as w, 1 as quiz, a.submitted_at as at
				from quiz_answers qa
				inner join quiz_attempts a on a.id = qa.attempt_id
				inner join qobj on qobj.question_id = qa.question_id
				where a.module_id = ${mod.id} and a.status = 'graded' and qa.score is not null and a.learner_id in (${learnerIds})
				union all
				select e.learner_id, qobj.objective, coalesce(e.score, e.correct), ${MASTERY_RULES.lessonWeight}, 0, e.created_at
				from lesson_events e
				inner join qobj on qobj.question_id = e.item_id
				where e.module_id = ${mod.id} and e.type = 'check.answered' and e.learner_id in (${learnerIds})
			),
			ranked as (
				select obs.*, row_number() over (partition by learner_id, objective order by at desc) as rn from obs
			)
			select objective, sum(w * score) / sum(w) as score, count(*) as answers, sum(quiz) as quiz_answers
			from ranked where rn <= ${MASTERY_RULES.recent}
			group by learner_id, objective`.execute(db.kysely);
		const tally = new Map<string, { counts: Record<MasteryLevel, number>; sum: number; n: number }>(
			mod.objectives.map((o) => [
				o.id,
				{ counts: { 'not-started': 0, 'needs-review': 0, practising: 0, mastered: 0 }, sum: 0, n: 0 }
			])
		);
		for (const r of rows.rows) {
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
