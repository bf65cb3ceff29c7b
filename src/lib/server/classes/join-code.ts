/**
 * Join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as `ABCD-EFGH`.
 * 31^8 ≈ 8.5 × 10^11 codes; a code is a capability (whoever has it may join), so it is random, not
 * derived, and the instructor can regenerate it.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateJoinCode(): string {
	const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
	return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What a person typed (any case, spaces, with or without the hyphen) → the stored form, or null. */
export function normaliseJoinCode(raw: string): string | null {
	const compact = raw.toUpperCase().replace(/[\s-]/g, '');
	if (compact.length !== 8 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
	return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
