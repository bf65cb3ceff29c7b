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
	{ table: 'review_log', column: 'learner_id' }
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
