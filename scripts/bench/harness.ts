/**
 * What the benchmarks, the load test and the crash test share: start the production build on a free port
 * with a throw-away database, make learners, start quiz attempts and read their questions, and choose a
 * valid answer for any question type.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unflatten } from 'devalue';
import type { PublicQuestion } from '../../src/lib/content/public';

export const FINAL_QUIZ = '/modules/treaty-2024/quizzes/final';

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export async function waitFor(url: string, ms = 30_000): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} did not answer within ${ms} ms`);
}

export interface RunningServer {
	base: string;
	port: number;
	dbFile: string;
	process: ChildProcess;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node server` (the production build behind our compression; run `vite build` first) on a free port. */
export async function startServer(
	options: { dbFile?: string; port?: number; env?: Record<string, string> } = {}
): Promise<RunningServer> {
	if (!existsSync('build/handler.js')) throw new Error('No production build: run `npx vite build` first.');
	const port = options.port ?? (await freePort());
	const base = `http://localhost:${port}`;
	const dbFile = options.dbFile ?? join(tmpdir(), `sourcebook-bench-${process.pid}-${port}.db`);
	const child = spawn(process.execPath, ['server'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			DATABASE_URL: `file:${dbFile}`,
			...options.env
		}
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	await waitFor(`${base}/healthz`);
	return {
		base,
		port,
		dbFile,
		process: child,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}

/**
 * A new anonymous learner and their first attempt of `quiz`: the cookie header value that identifies them
 * and the attempt's path. A learner is stored on its first write, so the quiz start is what makes one
 * (a page view sets no cookie: issue 12, finding 3).
 */
export async function newLearnerWithAttempt(
	base: string,
	quiz = FINAL_QUIZ
): Promise<{ cookie: string; path: string }> {
	const response = await fetch(`${base}${quiz}?/start`, {
		method: 'POST',
		headers: {
			origin: base,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: ''
	});
	const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
	const body = (await response.json()) as { location?: string };
	if (!cookie || !body.location) throw new Error(`no learner from ${quiz}?/start: ${response.status}`);
	return { cookie, path: body.location };
}

export const jsonHeaders = (base: string, cookie: string) => ({
	cookie,
	origin: base,
	accept: 'application/json',
	'content-type': 'application/json'
});

/** Starts a quiz attempt through the form action (as the enhanced page does) and returns its path. */
export async function startAttempt(base: string, cookie: string, quiz = FINAL_QUIZ): Promise<string> {
	const response = await fetch(`${base}${quiz}?/start`, {
		method: 'POST',
		headers: {
			cookie,
			origin: base,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: ''
	});
	const body = (await response.json()) as { type?: string; location?: string };
	if (!body.location) throw new Error(`could not start ${quiz}: ${response.status} ${JSON.stringify(body)}`);
	return body.location;
}

/** The attempt's questions as the browser sees them (from the page's __data.json). */
export async function attemptQuestions(
	base: string,
	cookie: string,
	attemptPath: string
): Promise<PublicQuestion[]> {
	const response = await fetch(`${base}${attemptPath}/__data.json`, { headers: { cookie } });
	const data = (await response.json()) as { nodes: ({ type: string; data?: unknown[] } | null)[] };
	for (const node of data.nodes) {
		if (node?.type !== 'data' || !node.data) continue;
		const value = unflatten(node.data) as { attempt?: { questions?: { question: PublicQuestion }[] } };
		if (value.attempt?.questions) return value.attempt.questions.map((q) => q.question);
	}
	throw new Error(`no questions in ${attemptPath}/__data.json`);
}

/** Some valid response for any question (right or wrong does not matter to a load test). */
export function someResponse(q: PublicQuestion, variant = 0): unknown {
	switch (q.type) {
		case 'single':
			return q.options[variant % q.options.length]?.id;
		case 'multiple':
			return [q.options[variant % q.options.length]?.id];
		case 'true-false':
			return variant % 2 === 0;
		case 'ordering':
			return q.items.map((i) => i.id);
		case 'matching':
			return Object.fromEntries(q.left.map((l, i) => [l.id, q.right[(i + variant) % q.right.length]?.id]));
		case 'short-text':
			return variant % 2 === 0 ? 'Federation Council' : 'State Duma';
		case 'numeric':
			return String(3 + (variant % 2)); // as typed into the field
		case 'evidence':
			return [variant % q.sentences.length];
	}
}

export const percentile = (values: number[], p: number): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length
		? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number)
		: NaN;
};

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * A plain node:http server in its own process that answers every request with a few bytes: the ceiling any
 * Node server on this machine can reach, measured in the same run as the app so the ratios mean something.
 */
export async function startReferenceServer(): Promise<{ base: string; stop(): Promise<void> }> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[
			'-e',
			`require('node:http').createServer((q, s) => { s.setHeader('content-type', 'text/plain'); s.end('ok'); }).listen(${port}, '127.0.0.1')`
		],
		{ stdio: 'ignore' }
	);
	const base = `http://127.0.0.1:${port}`;
	await waitFor(base);
	return {
		base,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
