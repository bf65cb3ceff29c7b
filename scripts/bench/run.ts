/**
 * npm run bench — one Markdown table of figures for the production build, also written to
 * bench-results/bench.json. Every throughput figure is reported beside the same server's trivial endpoint
 * (/healthz) and beside a plain node:http server (the ceiling of any Node server here), both measured in
 * the same run, as ratios: these machines are shared and noisy, ratios travel better
 * than raw numbers.
 *
 *  - answer save and submit: requests/s, p50/p99 at 50 and 200 connections (autocannon)
 *  - server rendering of the catalog, lesson and quiz pages (as a student) and of the class dashboard (as the
 *    instructor of the demo class, 30 students)
 *  - the instructor pages at scale: 1,000 students × 3 attempts × 20 questions (progress-scale.ts)
 *  - content load + verification for the module and a generated 10× module
 *  - bytes of each page over the wire: uncompressed, gzip and brotli (server/compression.js)
 *  - JavaScript per route, gzipped, from the build output
 *  - Lighthouse 12 mobile scores for the catalog, a lesson, a quiz and a review page, best of three, against
 *    budgets.json (a score on a shared machine is a measurement, not a pass/fail test: it lives here, not in
 *    the journeys; the deterministic budgets, JavaScript per route, stay in tests/budgets.e2e.ts)
 *
 * Options: --duration S (5 per autocannon run), --no-lighthouse, --no-scale (skip the 60,000-response class).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { routeBundleSizes } from './bundle-sizes';
import { measureContentScale } from './content-scale';
import {
	FINAL_QUIZ,
	attemptQuestions,
	jsonHeaders,
	newLearnerWithAttempt,
	round,
	someResponse,
	startAttempt,
	startReferenceServer,
	startServer
} from './harness';
import { seedBenchInstructor } from './instructor';
import { lighthouseScores } from './lighthouse';
import { measureProgressScale, progressScaleTable } from './progress-scale';
import { wireBytes, wireBytesTable } from './wire-bytes';

const args = process.argv.slice(2);
const DURATION = Number(args[args.indexOf('--duration') + 1] || 5) || 5;
const LIGHTHOUSE = !args.includes('--no-lighthouse');
const SCALE = !args.includes('--no-scale');
const LIGHTHOUSE_RUNS = 3;
const lighthouseBudget = JSON.parse(readFileSync('budgets.json', 'utf8')).lighthouse as {
	performance: number;
	accessibility: number;
};

interface Load {
	name: string;
	connections: number;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	ratio?: number;
	/** this figure ÷ a plain node:http server's, measured in the same run */
	ofNodeHttp?: number;
}

async function cannon(
	name: string,
	base: string,
	connections: number,
	request: autocannon.Request,
	opts: { amount?: number } = {}
): Promise<Load> {
	const result = await autocannon({
		url: base,
		connections,
		...(opts.amount ? { amount: opts.amount } : { duration: DURATION }),
		requests: [request]
	});
	return {
		name,
		connections,
		// Completed requests over the run's wall time: a short fixed-amount run (submits) has too few whole
		// seconds for autocannon's per-second average to mean anything.
		rps: round(result.requests.total / result.duration, 0),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx
	};
}

/** `count` learners, each with an attempt of the final quiz, made `parallel` at a time. */
async function learnersWithAttempts(base: string, count: number, parallel = 16) {
	const out: { cookie: string; path: string }[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < count) {
				next++;
				out.push(await newLearnerWithAttempt(base));
			}
		})
	);
	return out;
}

async function main() {
	const dbFile = join(tmpdir(), `sourcebook-bench-${process.pid}.db`);
	const instructor = await seedBenchInstructor(dbFile);
	const server = await startServer({ dbFile });
	const { base } = server;
	const loads: Load[] = [];
	try {
		// Answer saves: many learners, each saving revision after revision of one of their questions.
		const savers = await learnersWithAttempts(base, 200);
		const saverQuestions = await Promise.all(savers.map((s) => attemptQuestions(base, s.cookie, s.path)));
		let saveCounter = 0;
		const saveRequest: autocannon.Request = {
			method: 'POST',
			setupRequest: (req) => {
				const i = saveCounter++;
				const s = savers[i % savers.length] as (typeof savers)[0];
				const q = saverQuestions[i % savers.length]?.[0];
				if (!q) throw new Error('no question');
				return {
					...req,
					path: `${s.path}/answers`,
					headers: jsonHeaders(base, s.cookie),
					body: JSON.stringify({ questionId: q.id, response: someResponse(q, i), revision: i + 1 })
				};
			}
		};
		const trivial: autocannon.Request = { method: 'GET', path: '/healthz' };
		await cannon('warm-up', base, 50, trivial); // JIT and connection pools warm before anything is measured
		const reference = await startReferenceServer();
		await cannon('warm-up', reference.base, 50, trivial);
		const nodeHttp = await cannon('plain node:http (reference)', reference.base, 50, trivial);
		await reference.stop();
		loads.push(nodeHttp);
		for (const connections of [50, 200]) {
			const t = await cannon('trivial (/healthz)', base, connections, trivial);
			loads.push(t);
			const save = await cannon('answer save', base, connections, saveRequest);
			loads.push({ ...save, ratio: round(save.rps / t.rps, 2) });
			// Submits: each attempt can be submitted once, so the run is as long as the attempts prepared.
			const submitters = await learnersWithAttempts(base, connections * 6);
			let k = 0;
			const submit = await cannon(
				'submit',
				base,
				connections,
				{
					method: 'POST',
					setupRequest: (req) => {
						const s = submitters[k++ % submitters.length] as (typeof submitters)[0];
						return {
							...req,
							path: `${s.path}?/submit`,
							headers: {
								cookie: s.cookie,
								origin: base,
								accept: 'application/json',
								'content-type': 'application/x-www-form-urlencoded'
							},
							body: 'confirm=yes'
						};
					}
				},
				{ amount: submitters.length }
			);
			loads.push({ ...submit, ratio: round(submit.rps / t.rps, 2) });
		}

		// Server rendering, as a learner with a lesson under way and an attempt open.
		const reader = savers[0] as (typeof savers)[0];
		const pages: [string, string][] = [
			['catalog page', '/'],
			['lesson page', '/modules/treaty-2024/lessons/alliance-logic'],
			['quiz attempt page', reader.path]
		];
		const t50 = await cannon('trivial (/healthz)', base, 50, trivial);
		loads.push(t50);
		for (const [name, path] of pages) {
			const r = await cannon(name, base, 50, {
				method: 'GET',
				path,
				headers: { cookie: reader.cookie, accept: 'text/html' }
			});
			loads.push({ ...r, ratio: round(r.rps / t50.rps, 2) });
		}
		const dashboard = await cannon(`class dashboard page (${instructor.students} students)`, base, 50, {
			method: 'GET',
			path: `/classes/${instructor.classId}/progress`,
			headers: { cookie: instructor.cookie, accept: 'text/html' }
		});
		loads.push({ ...dashboard, ratio: round(dashboard.rps / t50.rps, 2) });
		const wire = await wireBytes(base, [
			...pages.map(([name, path]) => ({ name, path, cookie: reader.cookie })),
			{
				name: 'class dashboard page',
				path: `/classes/${instructor.classId}/progress`,
				cookie: instructor.cookie
			}
		]);

		const content = measureContentScale();
		const scale = SCALE ? await measureProgressScale() : null;
		const bundles = await routeBundleSizes();

		const lighthouse: Awaited<ReturnType<typeof lighthouseScores>> = [];
		if (LIGHTHOUSE) {
			const first = await newLearnerWithAttempt(base, '/modules/treaty-2024/quizzes/lineage');
			const student = first.cookie;
			const attempt = first.path;
			const qs = await attemptQuestions(base, student, attempt);
			for (const [i, q] of qs.entries()) {
				await fetch(`${base}${attempt}/answers`, {
					method: 'POST',
					headers: jsonHeaders(base, student),
					body: JSON.stringify({ questionId: q.id, response: someResponse(q, i), revision: 1 })
				});
			}
			const quizPage = await startAttempt(base, student, FINAL_QUIZ);
			await fetch(`${base}${attempt}?/submit`, {
				method: 'POST',
				headers: {
					cookie: student,
					origin: base,
					accept: 'application/json',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: 'confirm=yes'
			});
			const urls = [
				`${base}/`,
				`${base}/modules/treaty-2024/lessons/lineage`,
				`${base}${quizPage}`,
				`${base}${attempt}/review`
			];
			// Best of three per page: on a shared machine a slow run says more about the neighbours than the page.
			for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
				for (const score of await lighthouseScores(urls, { cookie: student })) {
					const i = lighthouse.findIndex((l) => l.url === score.url);
					if (i < 0) lighthouse.push(score);
					else if (score.performance > (lighthouse[i]?.performance ?? 0)) lighthouse[i] = score;
				}
			}
		}

		const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
		const md: string[] = [];
		md.push(
			`Machine: ${machine}. Production build, SQLite (WAL, synchronous=FULL). ${DURATION} s per run.`,
			''
		);
		md.push(
			'| load | connections | requests/s | p50 ms | p99 ms | p99 ÷ p50 | errors | ÷ /healthz | ÷ node:http |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|'
		);
		for (const l of loads) {
			const ofNodeHttp = round(l.rps / nodeHttp.rps, 3);
			const spread = l.p50 > 0 ? round(l.p99 / l.p50, 1) : '–';
			const ofHealthz = l === nodeHttp ? '–' : (l.ratio ?? '1');
			md.push(
				`| ${l.name} | ${l.connections} | ${l.rps} | ${l.p50} | ${l.p99} | ${spread} | ${l.errors} | ${ofHealthz} | ${ofNodeHttp} |`
			);
		}
		md.push('', wireBytesTable(wire));
		if (scale) md.push('', progressScaleTable(scale));
		md.push('', '| content | questions | load + verify (median) |', '|---|---:|---:|');
		md.push(`| module | ${content.base.questions} | ${content.base.medianMs} ms |`);
		md.push(
			`| generated 10× module | ${content.large.questions} | ${content.large.medianMs} ms (× ${content.ratio}) |`
		);
		md.push('', '| route | JS gzipped (first visit) |', '|---|---:|');
		for (const b of bundles) md.push(`| ${b.route} | ${(b.jsGzipBytes / 1024).toFixed(1)} kB |`);
		if (lighthouse.length) {
			md.push(
				'',
				`| Lighthouse 12, mobile (best of ${LIGHTHOUSE_RUNS}) | performance | accessibility | best practices | LCP ms | TBT ms | budget (${lighthouseBudget.performance} / ${lighthouseBudget.accessibility}) |`,
				'|---|---:|---:|---:|---:|---:|---|'
			);
			for (const l of lighthouse) {
				const path = new URL(l.url).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '<attempt>');
				const met =
					l.performance >= lighthouseBudget.performance && l.accessibility >= lighthouseBudget.accessibility;
				md.push(
					`| ${path} | ${l.performance} | ${l.accessibility} | ${l.bestPractices} | ${l.lcpMs} | ${l.tbtMs} | ${met ? 'met' : '**missed**'} |`
				);
			}
		}
		const table = md.join('\n');
		console.log(table);
		mkdirSync('bench-results', { recursive: true });
		writeFileSync(
			'bench-results/bench.json',
			JSON.stringify(
				{ machine, at: new Date().toISOString(), loads, wire, scale, content, bundles, lighthouse },
				null,
				2
			)
		);
		writeFileSync('bench-results/bench.md', `${table}\n`);
	} finally {
		await server.stop();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
	}
}

await main();
