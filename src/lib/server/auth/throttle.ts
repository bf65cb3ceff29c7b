/**
 * Sign-in throttling, stored in the database so that every app instance sees the same counts. Failed
 * attempts are counted per username and per client address over a sliding window; at the limit, sign-in
 * answers 429 without checking the password (so a blocked guesser also costs us no hashing).
 * Check-then-record is not atomic: concurrent guesses can overshoot a limit by the number in flight, which
 * bounds nothing important; the window still closes.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '$lib/server/db';
import { throttlePolicy, type ThrottlePolicy } from './config';

const userKey = (username: string) => `user:${username}`;
const addressKey = (address: string) => `ip:${address}`;

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterS: number };

interface Attempt {
	/** null when no username is involved (an instructor-code guess counts against the address only). */
	username: string | null;
	address: string;
	now: Date;
	policy?: ThrottlePolicy;
}

async function retryAfter(db: Db, key: string, limit: number, now: Date, policy: ThrottlePolicy) {
	const since = new Date(now.getTime() - policy.windowMs).toISOString();
	const rows = await db.kysely
		.selectFrom('sign_in_failures')
		.select('at')
		.where('key', '=', key)
		.where('at', '>', since)
		.orderBy('at', 'desc')
		.limit(limit)
		.execute();
	if (rows.length < limit) return 0;
	// Unblocked when the limit-th most recent failure leaves the window.
	const oldestCounted = Date.parse(rows[limit - 1]!.at);
	return Math.max(1, Math.ceil((oldestCounted + policy.windowMs - now.getTime()) / 1000));
}

export async function checkSignIn(
	db: Db,
	attempt: Attempt & { username: string | null }
): Promise<ThrottleVerdict> {
	const policy = attempt.policy ?? throttlePolicy;
	const waits = await Promise.all([
		attempt.username ? retryAfter(db, userKey(attempt.username), policy.perUsername, attempt.now, policy) : 0,
		retryAfter(db, addressKey(attempt.address), policy.perAddress, attempt.now, policy)
	]);
	const wait = Math.max(...waits);
	return wait > 0 ? { blocked: true, retryAfterS: wait } : { blocked: false };
}

/** Records a failure against the username (when there is one) and the address; prunes expired rows. */
export async function recordFailure(db: Db, attempt: Attempt) {
	const policy = attempt.policy ?? throttlePolicy;
	const at = attempt.now.toISOString();
	const keys = [addressKey(attempt.address), ...(attempt.username ? [userKey(attempt.username)] : [])];
	await db.kysely
		.insertInto('sign_in_failures')
		.values(keys.map((key) => ({ id: randomUUID(), key, at })))
		.execute();
	const cutoff = new Date(attempt.now.getTime() - policy.windowMs).toISOString();
	await db.kysely.deleteFrom('sign_in_failures').where('at', '<=', cutoff).execute();
}

/** A successful sign-in clears the username's count (not the address's: one success does not vouch for it). */
export async function clearUsernameFailures(db: Db, username: string) {
	await db.kysely.deleteFrom('sign_in_failures').where('key', '=', userKey(username)).execute();
}
