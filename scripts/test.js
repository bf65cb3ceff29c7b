#!/usr/bin/env node
/**
 * npm test: every check, in the order that fails fastest. Type check, lint, content check, unit tests,
 * production build, then the Playwright journeys in Chromium (and, with DATABASE_URL_PG, the account and
 * class journeys again with the app on PostgreSQL). Installs Debian's chromium when it is
 * missing and it can (root + apt-get); otherwise says exactly what to do. Ends with one summary line
 * "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const started = Date.now();
const run = (label, cmd, args, env = {}) => {
	console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
	const t = Date.now();
	const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	console.log(
		`  ${label} ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s`
	);
	return result.status === 0;
};
const fail = (message) => {
	console.error(`\n✗ ${message}`);
	console.log('0 passed, 1 failed');
	process.exit(1);
};

function ensureChromium() {
	if (process.env.CHROMIUM_PATH) {
		if (!existsSync(process.env.CHROMIUM_PATH))
			fail(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
		return;
	}
	if (existsSync('/usr/bin/chromium')) return;
	const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
	if (canApt) {
		console.log('Chromium is missing: installing Debian’s chromium (apt-get install -y chromium)…');
		const ok =
			run('apt-get update', 'apt-get', ['update', '-qq']) &&
			run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium']);
		if (ok && existsSync('/usr/bin/chromium')) return;
	}
	// Elsewhere (macOS, a non-root Linux user) Playwright's own browser works if it was installed.
	const cache = join(homedir(), '.cache', 'ms-playwright');
	if (existsSync(cache) && readdirSync(cache).some((d) => d.startsWith('chromium'))) return;
	fail(
		'No Chromium found for the browser tests. Do one of:\n' +
			'  • Debian/Ubuntu as root:   apt-get update && apt-get install -y chromium\n' +
			'  • with sudo:               sudo apt-get install -y chromium\n' +
			'  • any browser build:       CHROMIUM_PATH=/path/to/chromium npm test\n' +
			'  • where downloads work:    npx playwright install chromium'
	);
}

function counts() {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	if (existsSync('reports/vitest.json')) {
		const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
		passed += v.numPassedTests ?? 0;
		failed += v.numFailedTests ?? 0;
		skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
	}
	for (const file of ['reports/playwright.json', 'reports/playwright-postgres.json']) {
		if (!existsSync(file)) continue;
		const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
		passed += (s.expected ?? 0) + (s.flaky ?? 0);
		failed += s.unexpected ?? 0;
		skipped += s.skipped ?? 0;
	}
	return { passed, failed, skipped };
}

rmSync('reports', { recursive: true, force: true });
const steps = [
	() => run('sync', 'npx', ['--yes', 'svelte-kit', 'sync']),
	() =>
		run('type check', 'npx', [
			'--yes',
			'svelte-check',
			'--tsconfig',
			'./tsconfig.json',
			'--fail-on-warnings'
		]),
	() => run('lint', 'npm', ['run', '--silent', 'lint']),
	() => run('content check', 'npm', ['run', '--silent', 'content:check']),
	() =>
		run('unit tests', 'npx', [
			'--yes',
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			'--outputFile.json=reports/vitest.json'
		]),
	() => run('production build', 'npx', ['--yes', 'vite', 'build', '--logLevel', 'warn']),
	() => {
		ensureChromium();
		return run('browser journeys', 'npx', ['--yes', 'playwright', 'test']);
	},
	// With DATABASE_URL_PG (README: "Testing on PostgreSQL too"), the account, class and authorization
	// journeys run once more with the app itself on PostgreSQL.
	() =>
		!process.env.DATABASE_URL_PG ||
		run('browser journeys on PostgreSQL', 'node', ['scripts/e2e-postgres.js'], {
			PLAYWRIGHT_JSON_FILE: 'reports/playwright-postgres.json'
		})
];

let ok = true;
for (const step of steps) {
	if (!step()) {
		ok = false;
		break;
	}
}
const { passed, failed, skipped } = counts();
console.log(`\nTotal wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (!ok && failed === 0) {
	console.log(`${passed} passed, 1 failed`);
	process.exit(1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 ? 0 : 1);
