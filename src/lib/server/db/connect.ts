/**
 * One query layer, two engines: Kysely over better-sqlite3 (the embedded default, a file under data/) or
 * over pg when DATABASE_URL is a postgres:// URL.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';
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

function openSqlite(url: string): SQLite.Database {
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	// WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged commit survive power
	// loss (NORMAL could lose the last transactions); the busy timeout queues writers instead of failing.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('foreign_keys = ON');
	return sqlite;
}

export function connect(url: string = DEFAULT_DATABASE_URL): Db {
	if (isPostgresUrl(url)) {
		const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
		const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { kysely, engine: 'postgres', close: () => kysely.destroy() };
	}
	const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(url) }) });
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
