#!/usr/bin/env node
/**
 * npm start: build the app if the build is missing or older than its sources, then serve it.
 * The server itself verifies content and applies database migrations before it listens (hooks.server.ts).
 * PORT (default 3000), HOST, ORIGIN (default http://localhost:PORT) and DATABASE_URL (default file:data/sourcebook.db) pass through.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_STAMP = 'build/handler.js';
const INPUTS = ['src', 'static', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const builtAt = existsSync(BUILD_STAMP) ? statSync(BUILD_STAMP).mtimeMs : 0;
const sourcesAt = Math.max(...INPUTS.map(newestMtime));
if (builtAt < sourcesAt) {
	console.log(builtAt ? 'Sources changed since the last build: rebuilding…' : 'No build yet: building…');
	const result = spawnSync('npx', ['--yes', 'vite', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const env = { ...process.env, PORT: process.env.PORT || '3000' };
const port = env.PORT;
// Without ORIGIN adapter-node assumes https, and SvelteKit's CSRF check would refuse every form post made
// over plain http. Behind a proxy or on another host name, set ORIGIN to the public URL.
env.ORIGIN ||= `http://localhost:${port}`;
console.log(
	`Sourcebook: starting on http://localhost:${port} (database: ${env.DATABASE_URL || 'file:data/sourcebook.db'})`
);
const server = spawn(process.execPath, ['server'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
