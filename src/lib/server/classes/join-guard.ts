/**
 * Join-code look-ups for a signed-in user, throttled like password guesses (issue 12, finding 9): each
 * look-up is claimed before the code is checked, a hit is forgiven, and a miss counts against the account
 * and the client address. Anonymous visitors do not look codes up at all (the join page shows them no names).
 */
import type { Db } from '$lib/server/db';
import { joinCodePolicy, type ThrottlePolicy } from '$lib/server/auth/config';
import { claim, forgive } from '$lib/server/auth/throttle';
import { normaliseJoinCode } from './join-code';

/** What a join link shows before joining: the class name and instructor, nothing else. */
export async function classByJoinCode(db: Db, { code }: { code: string }) {
	const normal = normaliseJoinCode(code);
	if (!normal) return null;
	const row = await db.kysely
		.selectFrom('classes')
		.innerJoin('users', 'users.id', 'classes.instructor_id')
		.select(['classes.id', 'classes.name', 'users.display_name as instructor'])
		.where('classes.join_code', '=', normal)
		.executeTakeFirst();
	return row ? { id: row.id, name: row.name, instructor: row.instructor, code: normal } : null;
}

type Found = Awaited<ReturnType<typeof classByJoinCode>>;

export type GuardedLookup = { blocked: true; retryAfterS: number } | { blocked: false; found: Found };

export async function guardedClassByJoinCode(
	db: Db,
	{
		code,
		userId,
		address,
		now,
		policy = joinCodePolicy
	}: { code: string; userId: string; address: string; now: Date; policy?: ThrottlePolicy }
): Promise<GuardedLookup> {
	// A malformed code cannot hit, so it is no guess: it costs nothing and tells nothing.
	if (!normaliseJoinCode(code)) return { blocked: false, found: null };
	const claimed = await claim(db, {
		keys: [
			{ key: `join-user:${userId}`, limit: policy.perUsername },
			{ key: `join-ip:${address}`, limit: policy.perAddress }
		],
		now,
		windowMs: policy.windowMs
	});
	if (claimed.blocked) return claimed;
	const found = await classByJoinCode(db, { code });
	if (found) await forgive(db, claimed);
	return { blocked: false, found };
}

export function tooManyJoinGuesses(retryAfterS: number) {
	const minutes = Math.ceil(retryAfterS / 60);
	return {
		ok: false as const,
		status: 429 as const,
		message: `Too many wrong join codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your instructor for the code.`,
		retryAfterS
	};
}
