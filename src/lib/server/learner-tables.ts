/**
 * Every table keyed by a learner id, so that anonymous progress can follow a learner into their account.
 * When someone signs in on a browser where they studied anonymously and their account already has a
 * learner, mergeLearners() moves the anonymous learner's rows to the account's learner (one transaction),
 * then the anonymous learner is deleted.
 *
 * A feature that adds a learner-keyed table adds an entry here. The default move is
 * `UPDATE <table> SET <column> = :to WHERE <column> = :from`; give `merge` when that could collide with a
 * unique key (e.g. one progress row per learner and lesson: keep the better row, delete the other).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema';
import { onLearnersMerged } from './effects';

export interface LearnerKeyedTable {
	table: string;
	column: string;
	merge?: (trx: Kysely<Database>, from: string, to: string) => Promise<void>;
}

export const learnerKeyedTables: readonly LearnerKeyedTable[] = [
	{
		// Attempts are numbered 1, 2, … per learner and quiz (a unique key): moved attempts continue after
		// the account's own. Their answers follow through attempt_id.
		table: 'quiz_attempts',
		column: 'learner_id',
		merge: async (trx, from, to) => {
			const highest = await trx
				.selectFrom('quiz_attempts')
				.select(['module_id', 'quiz_id', (eb) => eb.fn.max('number').as('top')])
				.where('learner_id', '=', to)
				.groupBy(['module_id', 'quiz_id'])
				.execute();
			const next = new Map(highest.map((h) => [`${h.module_id}/${h.quiz_id}`, Number(h.top)]));
			const moving = await trx
				.selectFrom('quiz_attempts')
				.select(['id', 'module_id', 'quiz_id'])
				.where('learner_id', '=', from)
				.orderBy('number')
				.execute();
			for (const a of moving) {
				const key = `${a.module_id}/${a.quiz_id}`;
				const number = (next.get(key) ?? 0) + 1;
				next.set(key, number);
				await trx
					.updateTable('quiz_attempts')
					.set({ learner_id: to, number })
					.where('id', '=', a.id)
					.execute();
			}
		}
	},
	{
		// Review cards (issue 6): one per learner and missed question. On a clash the account's card wins (it
		// holds the longer history); the anonymous one goes, with its log rows for that question.
		table: 'review_cards',
		column: 'learner_id',
		merge: async (trx, from, to) => {
			const clash = (table: 'review_cards' | 'review_log') =>
				sql`exists (select 1 from review_cards t where t.learner_id = ${to}
					and t.module_id = ${sql.table(table)}.module_id and t.question_id = ${sql.table(table)}.question_id)`;
			await sql`delete from review_log where learner_id = ${from} and ${clash('review_log')}`.execute(trx);
			await sql`delete from review_cards where learner_id = ${from} and ${clash('review_cards')}`.execute(
				trx
			);
			await trx.updateTable('review_cards').set({ learner_id: to }).where('learner_id', '=', from).execute();
		}
	},
	{ table: 'review_log', column: 'learner_id' },
	{
		// One progress row per learner and lesson. On a clash the better row stays: a completed lesson over
		// one in progress, else the more recently saved.
		table: 'lesson_progress',
		column: 'learner_id',
		merge: async (trx, from, to) => {
			const same = (other: string) =>
				sql`o.module_id = lesson_progress.module_id and o.lesson_id = lesson_progress.lesson_id and o.learner_id = ${other}`;
			await sql`delete from lesson_progress where learner_id = ${from} and exists (
				select 1 from lesson_progress o where ${same(to)}
					and (o.done > lesson_progress.done or (o.done = lesson_progress.done and o.updated_at >= lesson_progress.updated_at)))`.execute(
				trx
			);
			await sql`delete from lesson_progress where learner_id = ${to} and exists (
				select 1 from lesson_progress o where ${same(from)})`.execute(trx);
			await trx
				.updateTable('lesson_progress')
				.set({ learner_id: to })
				.where('learner_id', '=', from)
				.execute();
		}
	},
	{
		// Lesson events are keyed by learner and the browser's event id: a replay already recorded under the
		// account stays once.
		table: 'lesson_events',
		column: 'learner_id',
		merge: async (trx, from, to) => {
			await sql`delete from lesson_events where learner_id = ${from} and event_id in (
				select event_id from lesson_events where learner_id = ${to})`.execute(trx);
			// One answer per run, step and item counts (lesson_events_answer_once): the account's stays counted.
			await sql`update lesson_events set type = 'check.repeated'
				where learner_id = ${from} and type = 'check.answered' and exists (
					select 1 from lesson_events o where o.learner_id = ${to} and o.type = 'check.answered'
						and o.module_id = lesson_events.module_id and o.lesson_id = lesson_events.lesson_id
						and o.run_id = lesson_events.run_id and o.step_id = lesson_events.step_id
						and o.item_id = lesson_events.item_id)`.execute(trx);
			await trx.updateTable('lesson_events').set({ learner_id: to }).where('learner_id', '=', from).execute();
		}
	},
	{
		// Derived from the tables above, so it comes last: the anonymous rows go and the account's are
		// recomputed from the merged answers.
		table: 'learner_mastery',
		column: 'learner_id',
		merge: async (trx, from, to) => {
			await trx.deleteFrom('learner_mastery').where('learner_id', '=', from).execute();
			await onLearnersMerged(trx, to);
		}
	}
];

export async function mergeLearners(
	trx: Kysely<Database>,
	{
		from,
		to,
		tables = learnerKeyedTables
	}: { from: string; to: string; tables?: readonly LearnerKeyedTable[] }
): Promise<void> {
	if (from === to) return;
	for (const t of tables) {
		if (t.merge) await t.merge(trx, from, to);
		else
			await sql`update ${sql.table(t.table)} set ${sql.ref(t.column)} = ${to} where ${sql.ref(t.column)} = ${from}`.execute(
				trx
			);
	}
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Housekeeping for anonymous learners (issue 12, finding 3): one that owns no row in any learner-keyed
 * table has nothing to lose and goes after a day without a visit (a write that was refused can leave one);
 * one idle longer than its cookie lives (a year) can never be reached again and goes with its data.
 * Account learners are never swept.
 */
export async function deleteIdleAnonymousLearners(
	db: Kysely<Database>,
	{
		now,
		emptyIdleMs = DAY_MS,
		unreachableMs = 400 * DAY_MS,
		tables = learnerKeyedTables
	}: { now: Date; emptyIdleMs?: number; unreachableMs?: number; tables?: readonly LearnerKeyedTable[] }
): Promise<number> {
	const emptyCutoff = new Date(now.getTime() - emptyIdleMs).toISOString();
	const goneCutoff = new Date(now.getTime() - unreachableMs).toISOString();
	const ownsNothing = sql.join(
		tables.map(
			({ table, column }) =>
				sql`not exists (select 1 from ${sql.table(table)} t where t.${sql.ref(column)} = learners.id)`
		),
		sql` and `
	);
	const result = await sql`delete from learners where user_id is null and (
		last_seen_at <= ${goneCutoff} or (last_seen_at <= ${emptyCutoff} and ${ownsNothing}))`.execute(db);
	return Number(result.numAffectedRows ?? 0);
}
