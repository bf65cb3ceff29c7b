import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { testEngines } from './db/test-databases';
import { createLearner, findLearner, hashToken } from './learner';

describe.each(testEngines())('anonymous learners on %s', (engine) => {
	let db: Db;
	beforeEach(async () => {
		db = await engine.open();
	});
	afterEach(() => db.close());

	it('finds a learner by the cookie token and stores only the token hash', async () => {
		const now = new Date('2026-01-01T10:00:00Z');
		const { learner, token } = await createLearner(db, now);
		expect(await findLearner(db, token, now)).toEqual({ id: learner.id, userId: null });
		const row = await db.kysely.selectFrom('learners').selectAll().executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashToken(token));
		expect(JSON.stringify(row)).not.toContain(token);
	});

	it('refuses unknown and malformed tokens', async () => {
		const now = new Date();
		await createLearner(db, now);
		expect(await findLearner(db, 'x'.repeat(43), now)).toBeNull();
		expect(await findLearner(db, "' OR 1=1 --", now)).toBeNull();
	});

	it('records activity at most hourly', async () => {
		const start = new Date('2026-01-01T10:00:00Z');
		const { token, learner } = await createLearner(db, start);
		await findLearner(db, token, new Date('2026-01-01T10:30:00Z'));
		const seen = () =>
			db.kysely
				.selectFrom('learners')
				.select('last_seen_at')
				.where('id', '=', learner.id)
				.executeTakeFirstOrThrow();
		expect((await seen()).last_seen_at).toBe(start.toISOString());
		await findLearner(db, token, new Date('2026-01-01T11:30:00Z'));
		expect((await seen()).last_seen_at).toBe('2026-01-01T11:30:00.000Z');
	});
});
