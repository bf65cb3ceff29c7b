/**
 * Class mastery per objective (issue 6): per student and objective, the weighted mean of the last RECENT
 * answers (quiz items weigh 1, lesson checks ½), computed in SQL with a running count over the union of graded quiz
 * items and lesson checks, tied to objectives through CASE … IN lists built from the content index. The level
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
		// Question → objective as CASE … WHEN id IN (…) (SQLite and PostgreSQL both look IN lists up fast);
		// a join to a VALUES table was several times slower at 60,000 answers.
		const byObjective = new Map<string, string[]>();
		for (const q of mod.questions)
			byObjective.set(q.objective, [...(byObjective.get(q.objective) ?? []), q.id]);
		if (byObjective.size === 0) continue;
		const objectiveOf = (column: string) =>
			sql`case ${sql.join(
				[...byObjective].map(
					([objective, ids]) => sql`when ${sql.ref(column)} in (${sql.join(ids)}) then ${objective}`
				),
				sql` `
			)} end`;
		const rows = await sql<{
			objective: string;
			score: number;
			answers: number | string;
			quiz_answers: number | string;
		}>`
			with obs as (
				select a.learner_id as learner_id, ${objectiveOf('qa.question_id')} as objective, qa.score as score,
					1.0 as w, 1 as quiz, a.submitted_at as at
				from quiz_answers qa
				inner join quiz_attempts a on a.id = qa.attempt_id
				where a.module_id = ${mod.id} and a.status = 'graded' and qa.score is not null and a.learner_id in (${learnerIds})
				union all
				select e.learner_id, ${objectiveOf('e.item_id')}, coalesce(e.score, e.correct), ${MASTERY_RULES.lessonWeight}, 0, e.created_at
				from lesson_events e
				where e.module_id = ${mod.id} and e.type = 'check.answered' and e.learner_id in (${learnerIds})
			),
			-- Answers recorded at the same instant (one attempt, one lesson save) are grouped first, so the window
			-- ranks about a third as many rows; a group straddling the RECENT boundary counts in proportion.
			tied as (
				select learner_id, objective, at, quiz, count(*) as n, sum(w * score) as ws, sum(w) as sw
				from obs where objective is not null
				group by learner_id, objective, at, quiz
			),
			ranked as (
				select tied.*, sum(n) over (
					partition by learner_id, objective order by at desc rows between unbounded preceding and current row
				) as upto
				from tied
			),
			counted as (
				select learner_id, objective, ws, sw, quiz,
					case when upto <= ${MASTERY_RULES.recent} then 1.0 else (${MASTERY_RULES.recent} - (upto - n)) * 1.0 / n end as part, n
				from ranked where upto - n < ${MASTERY_RULES.recent}
			)
			select objective, sum(ws * part) / sum(sw * part) as score, sum(n * part) as answers,
				sum(n * part * quiz) as quiz_answers
			from counted
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
