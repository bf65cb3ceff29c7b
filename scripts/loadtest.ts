/**
 * npm run loadtest — a classroom at once: 500 simulated students start the same quiz within 10 s, answer
 * each question after 2–10 s of thought, autosave every answer and submit, against the production build on
 * a throw-away SQLite database. Afterwards every acknowledged answer must be in the database.
 *
 * Pass: 0 errors, 100% of acknowledged answers stored, p95 start ≤ 1 s, p99 save ≤ 100 ms.
 * Options: --students N (500), --ramp-s S (10), --think-min-s / --think-max-s (2 / 10).
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import {
	attemptQuestions,
	jsonHeaders,
	newLearnerWithAttempt,
	percentile,
	round,
	someResponse,
	startServer
} from './bench/harness';

const args = process.argv.slice(2);
const num = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const STUDENTS = num('students', 500);
const RAMP_MS = num('ramp-s', 10) * 1000;
const THINK_MIN_MS = num('think-min-s', 2) * 1000;
const THINK_MAX_MS = num('think-max-s', 10) * 1000;

interface Ack {
	attemptId: string;
	questionId: string;
	revision: number;
	response: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const startMs: number[] = [];
const saveMs: number[] = [];
const submitMs: number[] = [];
const errors: string[] = [];
const acks: Ack[] = [];
let submitted = 0;

async function student(base: string, index: number): Promise<void> {
	await sleep(Math.random() * RAMP_MS);
	try {
		let t = performance.now();
		// The first write makes the learner: the quiz start (which now also stores the learner).
		const { cookie, path: attemptPath } = await newLearnerWithAttempt(base);
		startMs.push(performance.now() - t);
		const attemptId = attemptPath.split('/').at(-1) as string;
		const questions = await attemptQuestions(base, cookie, attemptPath);
		for (const [i, q] of questions.entries()) {
			await sleep(THINK_MIN_MS + Math.random() * (THINK_MAX_MS - THINK_MIN_MS));
			const response = someResponse(q, index + i);
			t = performance.now();
			const r = await fetch(`${base}${attemptPath}/answers`, {
				method: 'POST',
				headers: jsonHeaders(base, cookie),
				body: JSON.stringify({ questionId: q.id, response, revision: 1 })
			});
			const body = (await r.json()) as { stored?: boolean; message?: string };
			saveMs.push(performance.now() - t);
			if (r.status !== 200 || !body.stored) errors.push(`save ${r.status} ${body.message ?? ''}`);
			else acks.push({ attemptId, questionId: q.id, revision: 1, response: JSON.stringify(response) });
		}
		t = performance.now();
		const r = await fetch(`${base}${attemptPath}?/submit`, {
			method: 'POST',
			headers: {
				cookie,
				origin: base,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'confirm=yes'
		});
		const body = (await r.json()) as { type?: string; location?: string };
		submitMs.push(performance.now() - t);
		if (body.type !== 'redirect' || !body.location?.endsWith('/review'))
			errors.push(`submit ${r.status} ${JSON.stringify(body)}`);
		else submitted++;
	} catch (e) {
		errors.push(`student ${index}: ${(e as Error).message}`);
	}
}

function verify(dbFile: string) {
	const db = new Database(dbFile, { readonly: true });
	const stmt = db.prepare(
		'select response, revision from quiz_answers where attempt_id = ? and question_id = ?'
	);
	let present = 0;
	for (const a of acks) {
		const row = stmt.get(a.attemptId, a.questionId) as { response: string; revision: number } | undefined;
		if (row && row.revision >= a.revision && row.response === a.response) present++;
		else if (process.env.LOADTEST_DEBUG) console.log('missing', a, row);
	}
	const attempts = db.prepare('select status, count(*) as n from quiz_attempts group by status').all() as {
		status: string;
		n: number;
	}[];
	const integrity = (db.prepare('pragma integrity_check').get() as { integrity_check: string })
		.integrity_check;
	db.close();
	return { present, attempts, integrity };
}

async function main() {
	const server = await startServer();
	const began = performance.now();
	console.log(
		`${STUDENTS} students on ${server.base}, starting within ${RAMP_MS / 1000} s, thinking ${THINK_MIN_MS / 1000}–${THINK_MAX_MS / 1000} s per answer…`
	);
	await Promise.all(Array.from({ length: STUDENTS }, (_, i) => student(server.base, i)));
	const wallS = (performance.now() - began) / 1000;
	await server.stop();
	const check = verify(server.dbFile);
	rmSync(server.dbFile, { force: true });
	rmSync(`${server.dbFile}-wal`, { force: true });
	rmSync(`${server.dbFile}-shm`, { force: true });

	const figures = {
		students: STUDENTS,
		wallSeconds: round(wallS),
		errors: errors.length,
		acknowledgedAnswers: acks.length,
		storedAnswers: check.present,
		submitted,
		attemptsByStatus: Object.fromEntries(check.attempts.map((a) => [a.status, a.n])),
		integrity: check.integrity,
		startMs: {
			p50: round(percentile(startMs, 50)),
			p95: round(percentile(startMs, 95)),
			p99: round(percentile(startMs, 99))
		},
		saveMs: {
			p50: round(percentile(saveMs, 50)),
			p95: round(percentile(saveMs, 95)),
			p99: round(percentile(saveMs, 99))
		},
		submitMs: {
			p50: round(percentile(submitMs, 50)),
			p95: round(percentile(submitMs, 95)),
			p99: round(percentile(submitMs, 99))
		}
	};
	const checks = [
		['0 errors', figures.errors === 0],
		[
			'100% of acknowledged answers stored',
			figures.storedAnswers === figures.acknowledgedAnswers && figures.acknowledgedAnswers > 0
		],
		['p95 start ≤ 1 s', figures.startMs.p95 <= 1000],
		['p99 save ≤ 100 ms', figures.saveMs.p99 <= 100],
		['database integrity ok', figures.integrity === 'ok']
	] as const;
	console.log(JSON.stringify(figures, null, 2));
	for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
	if (errors.length) console.log('first errors:', errors.slice(0, 5));
	mkdirSync('bench-results', { recursive: true });
	writeFileSync(
		'bench-results/loadtest.json',
		JSON.stringify({ ...figures, checks: Object.fromEntries(checks) }, null, 2)
	);
	process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
}

await main();
