/**
 * Anonymous learner identity: a random token in an httpOnly cookie, a row in the database keyed by the
 * token's hash. Self-study progress hangs off the learner id, with or without an account.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from './db';
import { unlessBusy } from './db/sqlite-driver';

export interface Learner {
	id: string;
	userId: string | null;
}

export const LEARNER_COOKIE = 'sb_learner';

/**
 * The learner of a visitor who has written nothing yet: no row has this id, so reads find nothing, and a
 * write must first call ensureLearner() (auth/learner-request.ts), which creates the row. Creating a row on every
 * cookie-less visit made 2,000 rows out of 2,000 GETs and halved cookie-less throughput (issue 12, finding 3).
 */
export const NO_LEARNER_ID = 'not-yet-stored';

export const isStored = (learner: Learner) => learner.id !== NO_LEARNER_ID;
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export async function findLearner(db: Db, token: string, now: Date): Promise<Learner | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const row = await db.kysely
		.selectFrom('learners')
		.select(['id', 'user_id', 'last_seen_at'])
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row) return null;
	// Record activity at most hourly: a write on every request would cost more than it tells.
	if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
		await unlessBusy(
			db.kysely
				.updateTable('learners')
				.set({ last_seen_at: now.toISOString() })
				.where('id', '=', row.id)
				.execute()
		);
	}
	return { id: row.id, userId: row.user_id };
}

export async function createLearner(db: Db, now: Date): Promise<{ learner: Learner; token: string }> {
	const token = newToken();
	const id = randomUUID();
	const at = now.toISOString();
	await db.kysely
		.insertInto('learners')
		.values({ id, token_hash: hashToken(token), user_id: null, created_at: at, last_seen_at: at })
		.execute();
	return { learner: { id, userId: null }, token };
}
