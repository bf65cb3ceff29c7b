import { describe, expect, it } from 'vitest';
import {
	CURRENT_PARAMS,
	DUMMY_HASH,
	generateInitialPassword,
	hashPassword,
	needsRehash,
	passwordProblem,
	TEST_PARAMS,
	verifyPassword
} from './password';

describe('password hashing', () => {
	it('hashes with the current scrypt parameters, a fresh salt each time, and verifies', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword('correct horse battery', a)).toBe(true);
		expect(await verifyPassword('correct horse batterY', a)).toBe(false);
		expect(needsRehash(a)).toBe(false);
	});

	it('verifies hashes made with other parameters and asks for a rehash when they are weaker', async () => {
		const weak = await hashPassword('s3cret-pass', TEST_PARAMS);
		expect(await verifyPassword('s3cret-pass', weak)).toBe(true);
		expect(needsRehash(weak)).toBe(true);
		expect(needsRehash(weak, TEST_PARAMS)).toBe(false);
	});

	it('treats malformed stored hashes as a failed check, not an exception', async () => {
		for (const bad of ['', 'plain', 'scrypt$15$8$1$$', 'scrypt$99$8$1$abc$def', 'bcrypt$x$y$z$a$b']) {
			expect(await verifyPassword('whatever1', bad)).toBe(false);
			expect(needsRehash(bad)).toBe(true);
		}
	});

	it('keeps the timing decoy on the current parameters', () => {
		const [, logN, r, p] = DUMMY_HASH.split('$').map(Number);
		expect({ logN, r, p }).toEqual(CURRENT_PARAMS);
	});

	it('normalises Unicode so the same password typed on another keyboard still matches', async () => {
		const hash = await hashPassword('caf\u00e9-au-lait', TEST_PARAMS);
		expect(await verifyPassword('cafe\u0301-au-lait', hash)).toBe(true);
	});

	it('explains why a new password is refused', () => {
		expect(passwordProblem('short', 'ana')).toMatch(/at least 8/);
		expect(passwordProblem('x'.repeat(300), 'ana')).toMatch(/at most/);
		expect(passwordProblem('Ana.Lopez', 'ana.lopez')).toMatch(/differ/);
		expect(passwordProblem('a long passphrase', 'ana')).toBeNull();
	});

	it('generates readable initial passwords without look-alike characters', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) {
			const pw = generateInitialPassword();
			expect(pw).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
			seen.add(pw);
		}
		expect(seen.size).toBe(200);
	});
});
