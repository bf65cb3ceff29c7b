#!/usr/bin/env node
/**
 * The account, class and authorization journeys again, with the app on PostgreSQL (issue 5: several app
 * instances share one PostgreSQL). Needs DATABASE_URL_PG (scripts/pg-test-server.sh) and a build; creates
 * a throw-away database, runs Playwright against it, drops it. `npm test` runs it last when DATABASE_URL_PG is set.
 *   DATABASE_URL_PG=postgres://… node scripts/e2e-postgres.js [playwright args]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const admin = process.env.DATABASE_URL_PG;
if (!admin) {
	console.log('DATABASE_URL_PG is not set: skipping the PostgreSQL journeys.');
	process.exit(0);
}
const name = `sb_e2e_${randomBytes(5).toString('hex')}`;
const query = async (sql) => {
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
};
await query(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
const args = process.argv.slice(2);
const files = args.length ? args : ['tests/authz-matrix.e2e.ts', 'tests/classes.e2e.ts'];
console.log(`▶ journeys on PostgreSQL (${name}): ${files.join(' ')}`);
const result = spawnSync('npx', ['--yes', 'playwright', 'test', ...files], {
	stdio: 'inherit',
	env: { ...process.env, E2E_DATABASE_URL: url.toString() }
});
await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
process.exit(result.status ?? 1);
