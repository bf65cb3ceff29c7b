/** Review cards follow a learner into their account (learner-tables.ts); on a clash the account's card wins. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { createLearner } from '$lib/server/learner';
import { mergeLearners } from '$lib/server/learner-tables';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = T0.toISOString();

describe.each(testEngines())('review cards in a learner merge on %s', (engine) => {
	let db: Db;
	beforeEach(async () => (db = await engine.open()));
	afterEach(() => db.close());

	it('moves the anonymous cards and logs, keeping the account’s card where both have one', async () => {
		const from = (await createLearner(db, T0)).learner.id;
		const to = (await createLearner(db, T0)).learner.id;
		const card = (learner_id: string, question_id: string, reps: number) => ({
			learner_id,
			module_id: 'm',
			question_id,
			origin: 'quiz' as const,
			missed_at: at,
			card: '{}',
			due_at: at,
			reps,
			created_at: at,
			updated_at: at
		});
		const log = (learner_id: string, question_id: string) => ({
			learner_id,
			module_id: 'm',
			question_id,
			rep: 0,
			shown_question_id: question_id,
			response: null,
			score: 1,
			reviewed_at: at,
			next_due_at: at
		});
		await db.kysely
			.insertInto('review_cards')
			.values([card(from, 'q1', 1), card(from, 'q2', 1), card(to, 'q1', 3)])
			.execute();
		await db.kysely
			.insertInto('review_log')
			.values([log(from, 'q1'), log(from, 'q2'), log(to, 'q1')])
			.execute();
		await db.kysely.transaction().execute((trx) => mergeLearners(trx, { from, to }));
		const cards = await db.kysely.selectFrom('review_cards').selectAll().orderBy('question_id').execute();
		expect(cards.map((c) => [c.learner_id === to, c.question_id, c.reps])).toEqual([
			[true, 'q1', 3],
			[true, 'q2', 1]
		]);
		const logs = await db.kysely.selectFrom('review_log').selectAll().orderBy('question_id').execute();
		expect(logs.map((l) => [l.learner_id === to, l.question_id])).toEqual([
			[true, 'q1'],
			[true, 'q2']
		]);
	});
});
