/**
 * Throttling of guesses (passwords, the instructor code, join codes), stored in the database so that
 * every app instance sees the same counts. Each guess is *claimed* before it is checked: one transaction
 * counts the key's recent attempts and, below the limit, records this one. Checking first and recording
 * after the (slow) password hash let a parallel burst of 100 sign-ins all be checked (issue 12, finding 1);
 * claiming first means a burst gets at most the limit checked, and a blocked guesser costs us no hashing.
 * A claim that turns out right is forgiven (its rows deleted); a wrong one stays as a failure.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { throttlePolicy, type ThrottlePolicy } from './config';

const userKey = (username: string) => `user:${username}`;
const addressKey = (address: string) => `ip:${address}`;

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterS: number };

/** A guess allowed through: the rows that count it, deleted again if the guess was right. */
export type Claim =
	{ blocked: false; ids: string[]; username: string | null } | { blocked: true; retryAfterS: number };

interface Attempt {
	/** null when no username is involved (an instructor-code guess counts against the address only). */
	username: string | null;
	address: string;
	now: Date;
	policy?: ThrottlePolicy;
}

export interface ThrottleKey {
	key: string;
	limit: number;
}

async function retryAfter(
	trx: Kysely<Database>,
	{ key, limit }: ThrottleKey,
	now: Date,
	windowMs: number
): Promise<number> {
	const since = new Date(now.getTime() - windowMs).toISOString();
	const rows = await trx
		.selectFrom('sign_in_failures')
		.select('at')
		.where('key', '=', key)
		.where('at', '>', since)
		.orderBy('at', 'desc')
		.limit(limit)
		.execute();
	if (rows.length < limit) return 0;
	// Unblocked when the limit-th most recent attempt leaves the window.
	const oldestCounted = Date.parse(rows[limit - 1]!.at);
	return Math.max(1, Math.ceil((oldestCounted + windowMs - now.getTime()) / 1000));
}

/**
 * Counts and records in one transaction. SQLite runs the app's transactions one at a time on its one
 * connection; on PostgreSQL two transactions would not see each other's uncommitted rows, so each
 * key's count is serialised by a transaction-scoped advisory lock.
 */
export async function claim(
	db: Db,
	{ keys, now, windowMs }: { keys: ThrottleKey[]; now: Date; windowMs: number }
): Promise<Claim> {
	return db.kysely.transaction().execute(async (trx) => {
		if (db.engine === 'postgres') {
			for (const { key } of [...keys].sort((a, b) => a.key.localeCompare(b.key)))
				await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
		}
		let wait = 0;
		for (const key of keys) wait = Math.max(wait, await retryAfter(trx, key, now, windowMs));
		if (wait > 0) return { blocked: true as const, retryAfterS: wait };
		const rows = keys.map(({ key }) => ({ id: randomUUID(), key, at: now.toISOString() }));
		await trx.insertInto('sign_in_failures').values(rows).execute();
		return { blocked: false as const, ids: rows.map((r) => r.id), username: null };
	});
}

/** Claims a password or instructor-code guess against the username (when there is one) and the address. */
export async function claimSignIn(db: Db, attempt: Attempt): Promise<Claim> {
	const policy = attempt.policy ?? throttlePolicy;
	const keys: ThrottleKey[] = [{ key: addressKey(attempt.address), limit: policy.perAddress }];
	if (attempt.username) keys.push({ key: userKey(attempt.username), limit: policy.perUsername });
	const result = await claim(db, { keys, now: attempt.now, windowMs: policy.windowMs });
	return result.blocked ? result : { ...result, username: attempt.username };
}

/**
 * The guess was right: it is not a failure. Its own rows go, and so does the username's count (one
 * success vouches for the username, not for the address: other failures from the address stay).
 */
export async function forgive(db: Db, claimed: Claim) {
	if (claimed.blocked) return;
	await db.kysely.transaction().execute(async (trx) => {
		await trx.deleteFrom('sign_in_failures').where('id', 'in', claimed.ids).execute();
		if (claimed.username)
			await trx.deleteFrom('sign_in_failures').where('key', '=', userKey(claimed.username)).execute();
	});
}
