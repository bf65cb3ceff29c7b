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

export const learnerKeyedTables: readonly LearnerKeyedTable[] = [];

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
