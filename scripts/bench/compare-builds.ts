/**
 * Two production builds side by side, for a before/after figure on a shared, noisy machine: both servers
 * run at once and every load hits them at the same moments, so whatever else the machine is doing slows
 * both alike and the ratio means something even when the raw figures do not.
 *
 *   npx vite build && npx tsx scripts/bench/compare-builds.ts --before ../other-worktree [--duration 5] [--rounds 200]
 *
 * `--before` is a directory with its own `build/` (a `git worktree` of the older commit, built there); the
 * current directory is "after". For each hot path it reports
 *  - requests/s of both at 50 connections, run simultaneously (autocannon), and after ÷ before;
 *  - the median latency of single requests sent alternately to one and the other (`rounds` pairs).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import {
	attemptQuestions,
	freePort,
	jsonHeaders,
	newLearnerWithAttempt,
	percentile,
	round,
	someResponse,
	waitFor
} from './harness';

const args = process.argv.slice(2);
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const BEFORE = option('before');
const DURATION = Number(option('duration') ?? 5) || 5;
const ROUNDS = Number(option('rounds') ?? 200) || 200;
if (!BEFORE) throw new Error('--before <directory with the older build> is required');

/** `node server` when the build has our compression wrapper, else adapter-node's `node build`. */
async function start(dir: string) {
	const entry = existsSync(join(dir, 'server', 'index.js')) ? 'server' : 'build';
	if (!existsSync(join(dir, 'build', 'handler.js'))) throw new Error(`no build in ${dir}`);
	const port = await freePort();
	const base = `http://localhost:${port}`;
	const dbFile = join(tmpdir(), `sourcebook-compare-${process.pid}-${port}.db`);
	const child = spawn(process.execPath, [entry], {
		cwd: dir,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			DATABASE_URL: `file:${dbFile}`,
			// Compression off (the older build has none): the comparison is of the app, not of brotli.
			COMPRESSION: 'off'
		}
	});
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	await waitFor(`${base}/healthz`);
	const savers = await Promise.all(Array.from({ length: 20 }, () => newLearnerWithAttempt(base)));
	const questions = await Promise.all(savers.map((s) => attemptQuestions(base, s.cookie, s.path)));
	let n = 0;
	/** The next answer save: learners and revisions in turn, as many students saving. */
	const nextSave = () => {
		const i = n++;
		const s = savers[i % savers.length]!;
		const q = questions[i % savers.length]![0]!;
		return {
			path: `${s.path}/answers`,
			headers: jsonHeaders(base, s.cookie),
			body: JSON.stringify({ questionId: q.id, response: someResponse(q, i), revision: i + 1 })
		};
	};
	const reader = savers[0]!;
	return {
		base,
		nextSave,
		reader,
		stop: async () => {
			child.kill();
			await exited;
			for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
		}
	};
}
type Server = Awaited<ReturnType<typeof start>>;

interface Load {
	name: string;
	request(s: Server): {
		method: 'GET' | 'POST';
		path: string;
		headers?: Record<string, string>;
		body?: string;
	};
}

const page =
	(path: (s: Server) => string, learner: boolean): Load['request'] =>
	(s) => ({
		method: 'GET',
		path: path(s),
		headers: {
			accept: 'text/html',
			'accept-encoding': 'identity',
			...(learner ? { cookie: s.reader.cookie } : {})
		}
	});

const loads: Load[] = [
	{ name: '/healthz', request: () => ({ method: 'GET', path: '/healthz' }) },
	{ name: 'answer save', request: (s) => ({ method: 'POST', ...s.nextSave() }) },
	{ name: 'catalog, no cookie', request: page(() => '/', false) },
	{ name: 'catalog, learner', request: page(() => '/', true) },
	{ name: 'lesson page', request: page(() => '/modules/treaty-2024/lessons/alliance-logic', true) },
	{ name: 'quiz attempt page', request: page((s) => s.reader.path, true) }
];

async function throughput(s: Server, load: Load) {
	const r = await autocannon({
		url: s.base,
		connections: 50,
		duration: DURATION,
		requests: [{ setupRequest: (req) => ({ ...req, ...load.request(s) }) }]
	});
	return { rps: round(r.requests.total / r.duration, 0), errors: r.errors + r.timeouts + r.non2xx };
}

async function once(s: Server, load: Load) {
	const { path, ...init } = load.request(s);
	const t = performance.now();
	const response = await fetch(`${s.base}${path}`, init);
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`${load.name}: ${response.status}`);
	return performance.now() - t;
}

async function main() {
	const before = await start(resolve(BEFORE!));
	const after = await start(process.cwd());
	try {
		const warm = loads[0]!;
		await Promise.all([throughput(before, warm), throughput(after, warm)]);
		const rows: Record<string, unknown>[] = [];
		for (const load of loads) {
			const [b, a] = await Promise.all([throughput(before, load), throughput(after, load)]);
			const times: { before: number[]; after: number[] } = { before: [], after: [] };
			for (let i = 0; i < ROUNDS; i++) {
				// Alternate who goes first, so neither always meets a cache or the other's leftovers.
				const order =
					i % 2
						? ([
								['before', before],
								['after', after]
							] as const)
						: ([
								['after', after],
								['before', before]
							] as const);
				for (const [side, server] of order) times[side].push(await once(server, load));
			}
			const medB = percentile(times.before, 50);
			const medA = percentile(times.after, 50);
			rows.push({
				load: load.name,
				rpsBefore: b.rps,
				rpsAfter: a.rps,
				rpsRatio: round(a.rps / b.rps, 2),
				errors: b.errors + a.errors,
				medianMsBefore: round(medB, 2),
				medianMsAfter: round(medA, 2),
				medianRatio: round(medA / medB, 2)
			});
		}
		console.log(JSON.stringify({ at: new Date().toISOString(), duration: DURATION, rounds: ROUNDS, rows }));
	} finally {
		await Promise.all([before.stop(), after.stop()]);
	}
}

await main();
