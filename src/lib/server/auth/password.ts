/**
 * Password hashing with scrypt from node:crypto (memory-hard; no native add-on, no new dependency).
 *
 * Parameters: N = 2^15, r = 8, p = 1 (32 MiB, about 95 ms on this project's 2-core CI machine), a 16-byte
 * random salt per password and a 32-byte key. They are stored with the hash
 * (`scrypt$15$8$1$<salt>$<key>`, base64url) so they can be raised later: verifyPassword() reads them from
 * the stored string, and needsRehash() tells the sign-in path to re-hash with the current ones.
 * OWASP's floor for scrypt is N = 2^17; 2^15 keeps a sign-in near 100 ms on small machines. Raise
 * CURRENT_PARAMS when the hardware allows: old hashes upgrade themselves at the next sign-in.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
	/** log2 of the CPU/memory cost N. */
	logN: number;
	r: number;
	p: number;
}

export const CURRENT_PARAMS: ScryptParams = { logN: 15, r: 8, p: 1 };
/** Cheap parameters for tests that create many accounts; never used by the app. */
export const TEST_PARAMS: ScryptParams = { logN: 10, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Longer inputs are refused before hashing: scrypt's cost does not depend on length, but bodies do. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
	const N = 2 ** params.logN;
	const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

export async function hashPassword(password: string, params: ScryptParams = CURRENT_PARAMS): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, params);
	return [
		'scrypt',
		params.logN,
		params.r,
		params.p,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

interface ParsedHash {
	params: ScryptParams;
	salt: Buffer;
	key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
	const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
	if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 22) return null;
	const salt = Buffer.from(parts[4] ?? '', 'base64url');
	const key = Buffer.from(parts[5] ?? '', 'base64url');
	if (salt.length === 0 || key.length !== KEY_BYTES) return null;
	return { params: { logN, r, p }, salt, key };
}

/** Constant-time comparison of the derived key; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed || password.length > MAX_PASSWORD_LENGTH) return false;
	const key = await derive(password, parsed.salt, parsed.params);
	return timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string, params: ScryptParams = CURRENT_PARAMS): boolean {
	const parsed = parseHash(stored);
	if (!parsed) return true;
	const { logN, r, p } = parsed.params;
	return logN < params.logN || r < params.r || p < params.p;
}

/**
 * Checked against on sign-ins for unknown usernames so that they take as long as a wrong password (no
 * username probing by timing). The hash of a random password that was thrown away; its parameters must
 * stay equal to CURRENT_PARAMS (a unit test checks).
 */
export const DUMMY_HASH = 'scrypt$15$8$1$qyZn7X1d41qScqFqVCOFyg$AvdfkDVLDtluR-Vtncc2X4p-lJub_yJQkTYXHTaJCNI';

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
	if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
	if (password.trim().toLowerCase() === username.trim().toLowerCase())
		return 'Your password must differ from your username.';
	return null;
}

// No look-alike characters (0/o, 1/l/i): initial passwords are read off a printout.
const INITIAL_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A generated first password: 12 characters from 31 (about 59 bits), grouped `xxxx-xxxx-xxxx`. */
export function generateInitialPassword(): string {
	const chars = Array.from({ length: 12 }, () => INITIAL_ALPHABET[randomInt(INITIAL_ALPHABET.length)]);
	return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}
