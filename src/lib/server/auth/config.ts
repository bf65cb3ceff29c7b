/**
 * Account and session settings in one place, with the reasons. Times are milliseconds.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SESSION_COOKIE = 'sb_session';

export const sessionPolicy = {
	/** Signed out after this long without a request (a shared school computer left signed in). */
	idleMs: 2 * DAY,
	/** Signed out this long after signing in, however active: a stolen cookie does not live forever. */
	absoluteMs: 14 * DAY,
	/** last_seen_at is written at most this often: idle expiry is accurate to it, and reads stay reads. */
	touchMs: 5 * MINUTE,
	/**
	 * Live sessions per account; a new sign-in past it ends the oldest. Without a cap, 50 sign-ins kept 50
	 * sessions (issue 12, finding 11). Ten covers a student's phone, laptop and school computers.
	 */
	maxPerAccount: 10
} as const;

export interface ThrottlePolicy {
	windowMs: number;
	/** Failed sign-ins for one username within the window before it answers 429. */
	perUsername: number;
	/** Failed sign-ins from one address within the window; high, because a school shares one address. */
	perAddress: number;
}

export const throttlePolicy: ThrottlePolicy = {
	windowMs: 15 * MINUTE,
	perUsername: 5,
	perAddress: 100
};

/**
 * Wrong join codes, throttled like wrong passwords (issue 12, finding 9): a code is a capability, and 300
 * guesses from one client were all answered. A student who mistypes a few times is not slowed.
 */
export const joinCodePolicy: ThrottlePolicy = {
	windowMs: 15 * MINUTE,
	perUsername: 10,
	perAddress: 100
};
