/**
 * The app's database handle. Opened once per process at start-up (hooks.server.ts `init`) from
 * DATABASE_URL; tests open their own with connect().
 */
import { connect, DEFAULT_DATABASE_URL, migrateToLatest, type Db } from './connect';

let current: Db | undefined;

export async function openAppDb(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Promise<Db> {
	if (current) return current;
	const db = connect(url);
	await migrateToLatest(db);
	current = db;
	return db;
}

export function appDb(): Db {
	if (!current) throw new Error('database not opened: openAppDb() runs in the server init hook');
	return current;
}

export type { Db } from './connect';
