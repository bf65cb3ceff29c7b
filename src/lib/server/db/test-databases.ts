/**
 * For data-layer tests: every engine available here, each as a fresh, migrated, empty database.
 * SQLite (in memory) always; PostgreSQL too when DATABASE_URL_PG points at a server (see README), in a
 * throw-away database created for the test and dropped after it.
 *
 *   describe.each(testEngines())('%s', (engine) => { let db: Db; beforeEach(async () => (db = await engine.open())); afterEach(() => db.close()); … })
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, migrateToLatest, type Db } from './connect';

export interface TestEngine {
	name: 'sqlite' | 'postgres';
	open(): Promise<Db>;
	toString(): string;
}

async function openPostgres(adminUrl: string): Promise<Db> {
	const name = `sb_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const db = connect(url.toString());
	await migrateToLatest(db);
	return {
		...db,
		close: async () => {
			await db.close();
			const cleanup = new pg.Client({ connectionString: adminUrl });
			await cleanup.connect();
			// pg's pool.end() resolves before its sockets have closed; forcing the drop while they close makes
			// the server kill them and the client emit an unhandled error. Wait (briefly) for them to go.
			for (let i = 0; i < 100; i++) {
				const { rows } = await cleanup.query<{ n: number }>(
					'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
					[name]
				);
				if (rows[0]?.n === 0) break;
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await cleanup.end();
		}
	};
}

export function testEngines(): TestEngine[] {
	const engines: TestEngine[] = [
		{
			name: 'sqlite',
			open: async () => {
				const db = connect(':memory:');
				await migrateToLatest(db);
				return db;
			},
			toString: () => 'sqlite'
		}
	];
	const pgUrl = process.env.DATABASE_URL_PG;
	if (pgUrl) engines.push({ name: 'postgres', open: () => openPostgres(pgUrl), toString: () => 'postgres' });
	return engines;
}
