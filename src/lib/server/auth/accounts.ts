/**
 * Accounts: sign up, sign in, change password, and the account's learner (where self-study progress
 * lives). Each function takes one object, re-checks everything itself, and answers with a result the
 * route turns into a status: 400 for bad input, 409 for a taken username, 429 when throttled.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '$lib/server/db';
import { isUniqueViolation } from '$lib/server/db/errors';
import type { Database, Role } from '$lib/server/db/schema';
import { hashToken, newToken } from '$lib/server/learner';
import { learnerKeyedTables, mergeLearners, type LearnerKeyedTable } from '$lib/server/learner-tables';
import { throttlePolicy, type ThrottlePolicy } from './config';
import {
	CURRENT_PARAMS,
	DUMMY_HASH,
	hashPassword,
	MAX_PASSWORD_LENGTH,
	needsRehash,
	passwordProblem,
	verifyPassword,
	type ScryptParams
} from './password';
import { createSession, deleteOtherSessions, type SessionUser } from './sessions';
import { claimSignIn, forgive } from './throttle';

export const USERNAME_RULE = '2–32 characters: lower-case letters, digits, dots, hyphens or underscores';
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function normaliseUsername(raw: string): string {
	return raw.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
	if (!username) return 'Enter a username.';
	return USERNAME_PATTERN.test(username)
		? null
		: `A username has ${USERNAME_RULE}, starting with a letter or digit.`;
}

export function displayNameProblem(name: string): string | null {
	if (!name) return 'Enter a display name.';
	if (name.length > 80) return 'Use at most 80 characters for the display name.';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(name)) return 'The display name contains control characters.';
	return null;
}

export function normaliseDisplayName(raw: string): string {
	return raw.trim().replace(/\s+/g, ' ');
}

/** Timing-safe check of the instance's instructor code (INSTRUCTOR_CODE); no code configured = closed. */
export function instructorCodeMatches(given: string, configured: string | undefined): boolean {
	if (!configured) return false;
	const digest = (s: string) => createHash('sha256').update(s).digest();
	return timingSafeEqual(digest(given.trim()), digest(configured.trim()));
}

export type Failure = { ok: false; status: 400 | 403 | 409 | 429; message: string; retryAfterS?: number };
export type SignedIn = { ok: true; user: SessionUser; learnerId: string; token: string; expiresAt: Date };

interface Common {
	now: Date;
	/** The client address, for throttling. */
	address: string;
	/** The anonymous learner of this browser; its progress follows into the account. */
	anonymousLearnerId: string | null;
	params?: ScryptParams;
	throttle?: ThrottlePolicy;
	learnerTables?: readonly LearnerKeyedTable[];
}

interface NewUser {
	username: string;
	displayName: string;
	role: Role;
	passwordHash: string;
	mustChangePassword?: boolean;
	now: Date;
}

/** Inserts a user row; throws on a taken username (callers check isUniqueViolation). */
export async function insertUser(executor: Kysely<Database>, user: NewUser): Promise<string> {
	const id = randomUUID();
	const at = user.now.toISOString();
	await executor
		.insertInto('users')
		.values({
			id,
			username: user.username,
			display_name: user.displayName,
			role: user.role,
			password_hash: user.passwordHash,
			must_change_password: user.mustChangePassword ? 1 : 0,
			created_at: at,
			password_changed_at: at
		})
		.execute();
	return id;
}

/**
 * The account's learner id, attaching this browser's anonymous learner on the way: if the account has no
 * learner yet, the anonymous one becomes it (nothing moves); otherwise the anonymous learner's rows move
 * into the account's learner and the anonymous learner is deleted. One transaction; retried once if a
 * concurrent first sign-in won the race for the unique learners.user_id.
 */
export async function attachLearner(
	db: Db,
	{
		userId,
		anonymousLearnerId,
		now,
		tables = learnerKeyedTables
	}: { userId: string; anonymousLearnerId: string | null; now: Date; tables?: readonly LearnerKeyedTable[] }
): Promise<string> {
	const attempt = () =>
		db.kysely.transaction().execute(async (trx) => {
			const account = await trx
				.selectFrom('learners')
				.select('id')
				.where('user_id', '=', userId)
				.executeTakeFirst();
			const anon = anonymousLearnerId
				? await trx
						.selectFrom('learners')
						.select(['id', 'user_id'])
						.where('id', '=', anonymousLearnerId)
						.executeTakeFirst()
				: undefined;
			const usableAnon = anon && anon.user_id === null ? anon.id : null;
			if (account) {
				if (usableAnon) {
					await mergeLearners(trx, { from: usableAnon, to: account.id, tables });
					await trx.deleteFrom('learners').where('id', '=', usableAnon).execute();
				}
				return account.id;
			}
			if (usableAnon) {
				await trx.updateTable('learners').set({ user_id: userId }).where('id', '=', usableAnon).execute();
				return usableAnon;
			}
			const id = randomUUID();
			const at = now.toISOString();
			// The token is thrown away: this learner is reached through the account's session only.
			await trx
				.insertInto('learners')
				.values({ id, token_hash: hashToken(newToken()), user_id: userId, created_at: at, last_seen_at: at })
				.execute();
			return id;
		});
	try {
		return await attempt();
	} catch (err) {
		if (!isUniqueViolation(err)) throw err;
		return attempt();
	}
}

async function startSession(db: Db, user: SessionUser, input: Common): Promise<SignedIn> {
	const learnerId = await attachLearner(db, {
		userId: user.id,
		anonymousLearnerId: input.anonymousLearnerId,
		now: input.now,
		tables: input.learnerTables
	});
	const { token, expiresAt } = await createSession(db, { userId: user.id, now: input.now });
	return { ok: true, user, learnerId, token, expiresAt };
}

export async function signUp(
	db: Db,
	input: Common & {
		username: string;
		displayName: string;
		password: string;
		role: Role;
		instructorCode?: string;
		/** The instance's INSTRUCTOR_CODE; unset means instructor sign-up is closed. */
		configuredInstructorCode?: string;
	}
): Promise<SignedIn | Failure> {
	const username = normaliseUsername(input.username);
	const displayName = normaliseDisplayName(input.displayName);
	const problem =
		usernameProblem(username) ?? displayNameProblem(displayName) ?? passwordProblem(input.password, username);
	if (problem) return { ok: false, status: 400, message: problem };
	if (input.role === 'instructor') {
		// Guessing the instructor code counts as a failed sign-in for the address: the same 429 applies.
		const throttle = input.throttle ?? throttlePolicy;
		if (!input.configuredInstructorCode)
			return { ok: false, status: 403, message: 'Instructor sign-up is closed on this instance.' };
		const claimed = await claimSignIn(db, {
			username: null,
			address: input.address,
			now: input.now,
			policy: throttle
		});
		if (claimed.blocked) return tooManyFailures(claimed.retryAfterS);
		if (!instructorCodeMatches(input.instructorCode ?? '', input.configuredInstructorCode))
			return { ok: false, status: 403, message: 'That instructor code is not right.' };
		await forgive(db, claimed);
	}
	const passwordHash = await hashPassword(input.password, input.params ?? CURRENT_PARAMS);
	let id: string;
	try {
		id = await insertUser(db.kysely, {
			username,
			displayName,
			role: input.role,
			passwordHash,
			now: input.now
		});
	} catch (err) {
		if (isUniqueViolation(err))
			return { ok: false, status: 409, message: `The username “${username}” is taken.` };
		throw err;
	}
	const user: SessionUser = { id, username, displayName, role: input.role, mustChangePassword: false };
	return startSession(db, user, input);
}

/** The 429 every throttled form answers with: how long to wait, in minutes a person can act on. */
export function tooManyFailures(retryAfterS: number): Failure {
	const minutes = Math.ceil(retryAfterS / 60);
	return {
		ok: false,
		status: 429,
		message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
		retryAfterS
	};
}

export async function signIn(
	db: Db,
	input: Common & { username: string; password: string }
): Promise<SignedIn | Failure> {
	const username = normaliseUsername(input.username);
	if (!username || !input.password)
		return { ok: false, status: 400, message: 'Enter your username and password.' };
	const throttle = input.throttle ?? throttlePolicy;
	const attempt = { username, address: input.address, now: input.now, policy: throttle };
	const claimed = await claimSignIn(db, attempt);
	if (claimed.blocked) return tooManyFailures(claimed.retryAfterS);

	const row =
		username.length <= 64
			? await db.kysely.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
			: undefined;
	const matches = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
	// A wrong guess stays counted (it was recorded before hashing); a right one is forgiven.
	if (!row || !matches) return { ok: false, status: 400, message: 'Wrong username or password.' };
	await forgive(db, claimed);
	const params = input.params ?? CURRENT_PARAMS;
	if (needsRehash(row.password_hash, params)) {
		await db.kysely
			.updateTable('users')
			.set({ password_hash: await hashPassword(input.password, params) })
			.where('id', '=', row.id)
			.execute();
	}
	const user: SessionUser = {
		id: row.id,
		username: row.username,
		displayName: row.display_name,
		role: row.role,
		mustChangePassword: row.must_change_password === 1
	};
	return startSession(db, user, input);
}

export async function changePassword(
	db: Db,
	input: {
		userId: string;
		sessionId: string;
		current: string;
		next: string;
		confirm: string;
		now: Date;
		address: string;
		params?: ScryptParams;
		throttle?: ThrottlePolicy;
	}
): Promise<{ ok: true } | Failure> {
	const row = await db.kysely
		.selectFrom('users')
		.select(['username', 'password_hash'])
		.where('id', '=', input.userId)
		.executeTakeFirst();
	if (!row) return { ok: false, status: 400, message: 'No such account.' };
	const attempt = { username: row.username, address: input.address, now: input.now, policy: input.throttle };
	const claimed = await claimSignIn(db, attempt);
	if (claimed.blocked) return tooManyFailures(claimed.retryAfterS);
	if (input.current.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(input.current, row.password_hash)))
		return { ok: false, status: 400, message: 'Your current password is not right.' };
	await forgive(db, claimed);
	const problem = passwordProblem(input.next, row.username);
	if (problem) return { ok: false, status: 400, message: problem };
	if (input.next !== input.confirm)
		return { ok: false, status: 400, message: 'The two new passwords differ.' };
	if (input.next === input.current)
		return { ok: false, status: 400, message: 'Choose a password different from the current one.' };
	await db.kysely
		.updateTable('users')
		.set({
			password_hash: await hashPassword(input.next, input.params ?? CURRENT_PARAMS),
			must_change_password: 0,
			password_changed_at: input.now.toISOString()
		})
		.where('id', '=', input.userId)
		.execute();
	// Other devices signed in with the old password are signed out; this one stays.
	await deleteOtherSessions(db, { userId: input.userId, keep: input.sessionId });
	return { ok: true };
}
