/** Driver errors that mean the same thing on both engines. */

/** A UNIQUE or PRIMARY KEY constraint refused the row (better-sqlite3 or pg). */
export function isUniqueViolation(err: unknown): boolean {
	if (typeof err !== 'object' || err === null || !('code' in err)) return false;
	const code = (err as { code: unknown }).code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
