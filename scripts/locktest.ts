/**
 * npm run locktest — what the app does while another process holds the SQLite write lock (issue 12,
 * finding 5). Starts the production build, makes a learner with an attempt, then holds BEGIN EXCLUSIVE on
 * the database file from this process for HOLD_MS and measures, meanwhile: /healthz and a page (latency),
 * and an autosave, a cookie-less page and a cookie-less quiz start (status, time, Retry-After, message).
 * After the lock is released the autosave must succeed. Also counts the learner rows that COOKIELESS
 * cookie-less GETs create (finding 3).
 */
import SQLite from 'better-sqlite3';
import {
	attemptQuestions,
	FINAL_QUIZ,
	jsonHeaders,
	newLearnerWithAttempt,
	percentile,
	someResponse,
	startServer
} from './bench/harness';

const HOLD_MS = 6000;
const COOKIELESS = 2000;

/** One request, timed; a dropped connection is reported as status 0 with the error, not thrown. */
async function timed(url: string, init?: RequestInit) {
	const t = performance.now();
	try {
		const response = await fetch(url, init);
		const body = await response.text();
		return {
			ms: performance.now() - t,
			status: response.status,
			retryAfter: response.headers.get('retry-after'),
			body
		};
	} catch (e) {
		const cause = (e as { cause?: { code?: string } }).cause?.code ?? String(e);
		return { ms: performance.now() - t, status: 0, retryAfter: null, body: `no answer (${cause})` };
	}
}

async function main() {
	const server = await startServer();
	const { base } = server;
	try {
		const learners = () => {
			const db = new SQLite(server.dbFile, { readonly: true });
			const n = (db.prepare('select count(*) as n from learners').get() as { n: number }).n;
			db.close();
			return n;
		};
		const before = learners();
		for (let i = 0; i < COOKIELESS; i += 50)
			await Promise.all(
				Array.from({ length: 50 }, (_, j) =>
					fetch(`${base}${['/', '/join', '/signin', '/nope'][j % 4]}`).then((r) => r.arrayBuffer())
				)
			);
		console.log(`${COOKIELESS} cookie-less GETs created ${learners() - before} learner rows`);

		const { cookie, path } = await newLearnerWithAttempt(base);
		const [q] = await attemptQuestions(base, cookie, path);
		if (!q) throw new Error('no question');
		const save = (revision: number) =>
			timed(`${base}${path}/answers`, {
				method: 'POST',
				headers: jsonHeaders(base, cookie),
				body: JSON.stringify({ questionId: q.id, response: someResponse(q, revision), revision })
			});

		const holder = new SQLite(server.dbFile);
		holder.exec('BEGIN EXCLUSIVE');
		const lockedUntil = Date.now() + HOLD_MS;
		const autosave = save(1);
		// Two more that met the lock in the review: a cookie-less page (it wrote a learner row then) and a
		// cookie-less quiz start (a write now too: the learner and the attempt).
		const cookieless = timed(`${base}/`);
		const start = timed(`${base}${FINAL_QUIZ}?/start`, {
			method: 'POST',
			headers: {
				origin: base,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: ''
		});
		const healthz: number[] = [];
		const pages: number[] = [];
		while (Date.now() < lockedUntil - 500) {
			healthz.push((await timed(`${base}/healthz`)).ms);
			pages.push((await timed(`${base}${FINAL_QUIZ}`, { headers: { cookie } })).ms);
			await new Promise((r) => setTimeout(r, 100));
		}
		const locked = await autosave;
		const [page, started] = [await cookieless, await start];
		await new Promise((r) => setTimeout(r, Math.max(0, lockedUntil - Date.now())));
		holder.exec('ROLLBACK');
		holder.close();
		const after = await save(2);
		console.log(
			`while locked ${HOLD_MS / 1000} s: /healthz p50 ${percentile(healthz, 50).toFixed(1)} ms, max ${Math.max(...healthz).toFixed(1)} ms (${healthz.length} requests)`
		);
		console.log(
			`while locked: quiz page p50 ${percentile(pages, 50).toFixed(1)} ms, max ${Math.max(...pages).toFixed(1)} ms`
		);
		console.log(
			`autosave while locked: ${locked.status} after ${locked.ms.toFixed(0)} ms, Retry-After ${locked.retryAfter}, ${locked.body.slice(0, 120)}`
		);
		console.log(`cookie-less page while locked: ${page.status} after ${page.ms.toFixed(0)} ms`);
		console.log(
			`cookie-less quiz start while locked: ${started.status} after ${started.ms.toFixed(0)} ms, Retry-After ${started.retryAfter}, ${started.body.slice(0, 120)}`
		);
		console.log(`autosave after the lock: ${after.status} ${after.body.slice(0, 80)}`);
	} finally {
		await server.stop();
	}
}

await main();
