/**
 * Latency of one autosave (POST …/attempts/<id>/answers) against the production build:
 *
 *   npx vite build && npx tsx scripts/bench/answer-save.ts [--saves 2000] [--url http://localhost:3000]
 *
 * Without --url it starts `node server` on a free port with a throw-away SQLite database (synchronous=FULL,
 * as in production) — or, with `--engine postgres`, a throw-away database on DATABASE_URL_PG — starts the
 * final quiz as a fresh learner and fires sequential saves that alternate between two options of one
 * question, each with the next revision. Prints p50/p90/p99/max and writes bench-results/answer-save-<engine>.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const args = process.argv.slice(2);
const flag = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const SAVES = Number(flag('saves') ?? 2000);
const QUIZ = flag('quiz') ?? '/modules/treaty-2024/quizzes/final';
const ENGINE = flag('engine') === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh PostgreSQL database on DATABASE_URL_PG, and how to drop it. */
async function throwAwayPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
	const admin = process.env.DATABASE_URL_PG;
	if (!admin)
		throw new Error(
			'--engine postgres needs DATABASE_URL_PG (see README: eval "$(bash scripts/pg-test-server.sh)")'
		);
	const name = `sb_bench_${process.pid}`;
	const run = async (sql: string) => {
		const client = new pg.Client({ connectionString: admin });
		await client.connect();
		await client.query(sql);
		await client.end();
	};
	await run(`CREATE DATABASE ${name}`);
	const url = new URL(admin);
	url.pathname = `/${name}`;
	return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

async function waitFor(url: string, ms = 30_000): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url} did not answer within ${ms} ms`);
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function main(): Promise<void> {
	let base = flag('url');
	let server: ChildProcess | undefined;
	const dbFile = join(tmpdir(), `sourcebook-bench-${process.pid}.db`);
	const postgres = !base && ENGINE === 'postgres' ? await throwAwayPostgres() : undefined;
	if (!base) {
		const port = await freePort();
		base = `http://localhost:${port}`;
		server = spawn(process.execPath, ['server'], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: base,
				DATABASE_URL: `file:${dbFile}`
			}
		});
	}
	try {
		await waitFor(`${base}/`);
		const home = await fetch(`${base}/`);
		const cookie = (home.headers.get('set-cookie') ?? '').split(';')[0] as string;
		const headers = { cookie, origin: base };

		const started = await fetch(`${base}${QUIZ}?/start`, {
			method: 'POST',
			headers: {
				...headers,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: ''
		});
		const { location } = (await started.json()) as { location?: string };
		if (!location) throw new Error(`could not start ${QUIZ} (${started.status})`);
		const html = await (
			await fetch(`${base}${location}`, { headers: { ...headers, accept: 'text/html' } })
		).text();
		// Any question with at least two radio options (single choice or true/false).
		const radios = [...html.matchAll(/<input type="radio" name="q\.([a-z0-9-]+)" value="([^"]+)"/g)];
		const questionId = radios[0]?.[1];
		const values = radios.filter((m) => m[1] === questionId).map((m) => m[2] as string);
		if (!questionId || values.length < 2) throw new Error('no radio question found on the attempt page');
		const toResponse = (v: string) => (v === 'true' ? true : v === 'false' ? false : v);

		const url = `${base}${location}/answers`;
		const times: number[] = [];
		for (let i = 0; i < SAVES; i++) {
			const body = JSON.stringify({
				questionId,
				response: toResponse(values[i % 2] as string),
				revision: i + 1
			});
			const t = performance.now();
			const response = await fetch(url, {
				method: 'POST',
				headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
				body
			});
			const result = (await response.json()) as { stored?: boolean };
			times.push(performance.now() - t);
			if (response.status !== 200 || result.stored !== true)
				throw new Error(`save ${i + 1}: ${response.status} ${JSON.stringify(result)}`);
		}
		const sorted = [...times].sort((a, b) => a - b);
		const ms = (n: number) => Math.round(n * 100) / 100;
		const summary = {
			saves: SAVES,
			engine: flag('url') ? 'external' : ENGINE,
			p50: ms(percentile(sorted, 50)),
			p90: ms(percentile(sorted, 90)),
			p99: ms(percentile(sorted, 99)),
			max: ms(sorted.at(-1) as number),
			mean: ms(times.reduce((a, b) => a + b, 0) / times.length)
		};
		console.log(
			`answer save on ${summary.engine}, ${SAVES} sequential: p50 ${summary.p50} ms · p90 ${summary.p90} ms · p99 ${summary.p99} ms · max ${summary.max} ms`
		);
		mkdirSync('bench-results', { recursive: true });
		writeFileSync(
			'bench-results/answer-save.json',
			JSON.stringify({ ...summary, at: new Date().toISOString() }, null, 2)
		);
	} finally {
		server?.kill();
		if (postgres) {
			await new Promise((r) => server?.once('exit', r));
			await postgres.drop();
		}
		for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
	}
}

await main();
