/**
 * Database sessions (SvelteKit's cookie + server-side session pattern). The cookie holds a random 256-bit
 * token; the database holds only its SHA-256, so several app instances share sessions through the one
 * database and a leaked table cannot be replayed. Sessions end after `idleMs` without a request or
 * `absoluteMs` after sign-in, whichever comes first.
 */
import type { Role } from '$lib/server/db/schema';
import type { Db } from '$lib/server/db';
import { unlessBusy } from '$lib/server/db/sqlite-driver';
import { hashToken, newToken } from '$lib/server/learner';
import { sessionPolicy } from './config';

export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	role: Role;
	mustChangePassword: boolean;
}

export interface ActiveSession {
	id: string;
	user: SessionUser;
	/** The account's learner id, or null if the account has none yet (see accounts.ts). */
	learnerId: string | null;
	expiresAt: Date;
}

type Policy = typeof sessionPolicy;

export async function createSession(
	db: Db,
	{ userId, now, policy = sessionPolicy }: { userId: string; now: Date; policy?: Policy }
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const id = hashToken(token);
	const expiresAt = new Date(now.getTime() + policy.absoluteMs);
	await db.kysely.transaction().execute(async (trx) => {
		await trx
			.insertInto('sessions')
			.values({
				id,
				user_id: userId,
				created_at: now.toISOString(),
				last_seen_at: now.toISOString(),
				expires_at: expiresAt.toISOString()
			})
			.execute();
		// Past the cap, the oldest sessions end (never the new one).
		await trx
			.deleteFrom('sessions')
			.where('user_id', '=', userId)
			.where('id', '!=', id)
			.where('id', 'not in', (eb) =>
				eb
					.selectFrom('sessions')
					.select('id')
					.where('user_id', '=', userId)
					.where('id', '!=', id)
					.orderBy('created_at', 'desc')
					.orderBy('id')
					.limit(policy.maxPerAccount - 1)
			)
			.execute();
	});
	return { token, expiresAt };
}

/** The live session for a cookie token, or null; an expired one is deleted on sight. */
export async function findSession(
	db: Db,
	{ token, now, policy = sessionPolicy }: { token: string; now: Date; policy?: Policy }
): Promise<ActiveSession | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const id = hashToken(token);
	const row = await db.kysely
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.leftJoin('learners', 'learners.user_id', 'users.id')
		.select([
			'sessions.id',
			'sessions.last_seen_at',
			'sessions.expires_at',
			'users.id as user_id',
			'users.username',
			'users.display_name',
			'users.role',
			'users.must_change_password',
			'learners.id as learner_id'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const idleEnd = Date.parse(row.last_seen_at) + policy.idleMs;
	const absoluteEnd = Date.parse(row.expires_at);
	if (now.getTime() >= Math.min(idleEnd, absoluteEnd)) {
		// Also swept on a timer: a locked database leaves it for then.
		await unlessBusy(db.kysely.deleteFrom('sessions').where('id', '=', id).execute());
		return null;
	}
	if (now.getTime() - Date.parse(row.last_seen_at) >= policy.touchMs) {
		await unlessBusy(
			db.kysely
				.updateTable('sessions')
				.set({ last_seen_at: now.toISOString() })
				.where('id', '=', id)
				.execute()
		);
	}
	return {
		id,
		user: {
			id: row.user_id,
			username: row.username,
			displayName: row.display_name,
			role: row.role,
			mustChangePassword: row.must_change_password === 1
		},
		learnerId: row.learner_id,
		expiresAt: new Date(absoluteEnd)
	};
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.kysely.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user except `keep` (after a password change: other devices sign in again). */
export async function deleteOtherSessions(db: Db, { userId, keep }: { userId: string; keep?: string }) {
	let query = db.kysely.deleteFrom('sessions').where('user_id', '=', userId);
	if (keep) query = query.where('id', '!=', keep);
	await query.execute();
}

/** Housekeeping: expired sessions are also deleted when seen; this clears the ones never seen again. */
export async function deleteExpiredSessions(
	db: Db,
	now: Date,
	policy: Policy = sessionPolicy
): Promise<number> {
	const idleCutoff = new Date(now.getTime() - policy.idleMs).toISOString();
	const result = await db.kysely
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleCutoff)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
