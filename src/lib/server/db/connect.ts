/**
 * One query layer, two engines: Kysely over better-sqlite3 (the embedded default, a file under data/) or
 * over pg when DATABASE_URL is a postgres:// URL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';
import { AppSqliteDialect, type SqliteConnections } from './sqlite-driver';
import type { Database } from './schema';

export const DEFAULT_DATABASE_URL = 'file:data/sourcebook.db';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
	kysely: Kysely<Database>;
	engine: Engine;
	close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/** `file:data/x.db`, `data/x.db` or `:memory:` → a better-sqlite3 path. */
function sqlitePath(url: string): string {
	return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/** How long a write waits for another process's lock before the app answers 503 (SQLITE_WAIT_MS overrides). */
const SQLITE_WAIT_MS = Number(process.env.SQLITE_WAIT_MS ?? 4000);

function openSqlite(url: string, waitMs: number): SqliteConnections {
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	// timeout 0: SQLite's busy wait is synchronous and would block the event loop; sqlite-driver.ts retries
	// a locked statement on a timer instead.
	const writer = new SQLite(path, { timeout: 0 });
	// WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged commit survive power
	// loss (NORMAL could lose the last transactions).
	writer.pragma('journal_mode = WAL');
	writer.pragma('synchronous = FULL');
	writer.pragma('foreign_keys = ON');
	const reader = path === ':memory:' ? null : new SQLite(path, { readonly: true, timeout: 0 });
	return { writer, reader, waitMs };
}

export function connect(url: string = DEFAULT_DATABASE_URL, options: { waitMs?: number } = {}): Db {
	if (isPostgresUrl(url)) {
		const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
		const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { kysely, engine: 'postgres', close: () => kysely.destroy() };
	}
	const kysely = new Kysely<Database>({
		dialect: new AppSqliteDialect(openSqlite(url, options.waitMs ?? SQLITE_WAIT_MS))
	});
	return { kysely, engine: 'sqlite', close: () => kysely.destroy() };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Apply every pending migration; throws (and applies nothing more) if one fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
	// Parallel branches are given migration numbers ahead of time, so one numbered later can land first; a
	// database that already ran it must still accept the earlier-numbered one when it arrives.
	const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error instanceof Error ? error : new Error(String(error));
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
