/**
 * npm run crashtest — while simulated students save and submit, kill the server with SIGKILL 20 times at
 * random moments and restart it on the same database. Afterwards: every acknowledged answer is present, no
 * attempt is half graded (graded attempts have a score and every answer a verdict; open ones none), and the
 * database passes its integrity check; the class mastery table (derived in the grading transaction)
 * equals a rebuild from the answers that survived.
 *
 * Options: --kills N (20), --students N (40).
 */
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { connect } from '../src/lib/server/db/connect';
import type { Database as DbSchema } from '../src/lib/server/db/schema';
import { rebuildLearnerMastery } from '../src/lib/server/effects/mastery-index';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	attemptQuestions,
	freePort,
	jsonHeaders,
	newLearnerWithAttempt,
	round,
	someResponse,
	startAttempt,
	startServer,
	type RunningServer
} from './bench/harness';

const args = process.argv.slice(2);
const num = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const KILLS = num('kills', 20);
const STUDENTS = num('students', 40);

interface Ack {
	attemptId: string;
	questionId: string;
	revision: number;
	response: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const acks = new Map<string, Ack>();
const acknowledgedSubmits = new Set<string>();
let refusedOrFailed = 0;
let running = true;

/** One student: keeps answering (bumping revisions) and now and then submits and starts over, until stopped. */
async function student(base: () => string, index: number): Promise<void> {
	let cookie: string | undefined;
	let attemptPath: string | undefined;
	let questions: Awaited<ReturnType<typeof attemptQuestions>> = [];
	let revision = 0;
	let round_ = 0;
	while (running) {
		try {
			if (!cookie) {
				// The learner is stored by its first write, the quiz start (issue 12, finding 3).
				const first = await newLearnerWithAttempt(base(), '/modules/treaty-2024/quizzes/lineage');
				cookie = first.cookie;
				attemptPath = first.path;
				questions = await attemptQuestions(base(), cookie, attemptPath);
				revision = 0;
			}
			if (!attemptPath) {
				attemptPath = await startAttempt(base(), cookie, '/modules/treaty-2024/quizzes/lineage');
				questions = await attemptQuestions(base(), cookie, attemptPath);
				revision = 0;
			}
			const attemptId = attemptPath.split('/').at(-1) as string;
			const q = questions[(revision + index) % questions.length];
			if (!q) throw new Error('attempt without questions');
			revision++;
			const response = someResponse(q, revision + index);
			const r = await fetch(`${base()}${attemptPath}/answers`, {
				method: 'POST',
				headers: jsonHeaders(base(), cookie),
				body: JSON.stringify({ questionId: q.id, response, revision })
			});
			const body = (await r.json()) as { stored?: boolean };
			if (r.status === 200 && body.stored) {
				acks.set(`${attemptId}/${q.id}`, {
					attemptId,
					questionId: q.id,
					revision,
					response: JSON.stringify(response)
				});
			}
			if (revision % 12 === 0) {
				const s = await fetch(`${base()}${attemptPath}?/submit`, {
					method: 'POST',
					headers: {
						cookie,
						origin: base(),
						accept: 'application/json',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: 'confirm=yes'
				});
				const sb = (await s.json()) as { type?: string };
				if (sb.type === 'redirect') acknowledgedSubmits.add(attemptId);
				round_++;
				// A new learner each round keeps clear of the quiz's attempt limit.
				cookie = undefined;
				attemptPath = undefined;
			}
		} catch {
			// The server was killed mid-request: nothing was acknowledged; wait for it to come back.
			refusedOrFailed++;
			await sleep(50);
		}
	}
	void round_;
}

function verify(dbFile: string) {
	const db = new Database(dbFile, { readonly: true });
	const get = db.prepare(
		'select response, revision from quiz_answers where attempt_id = ? and question_id = ?'
	);
	let present = 0;
	const missing: Ack[] = [];
	for (const a of acks.values()) {
		const row = get.get(a.attemptId, a.questionId) as { response: string; revision: number } | undefined;
		if (row && row.revision >= a.revision && (row.revision > a.revision || row.response === a.response))
			present++;
		else missing.push(a);
	}
	const halfGraded = db
		.prepare(
			`select count(*) as n from quiz_attempts a where
			  (a.status = 'graded' and (a.score is null or exists (select 1 from quiz_answers q where q.attempt_id = a.id and q.response is not null and q.verdict is null)))
			  or (a.status = 'open' and (a.score is not null or exists (select 1 from quiz_answers q where q.attempt_id = a.id and q.verdict is not null and q.checked_at is null)))`
		)
		.get() as { n: number };
	const notGraded = [...acknowledgedSubmits].filter(
		(id) =>
			(db.prepare('select status from quiz_attempts where id = ?').get(id) as { status: string } | undefined)
				?.status !== 'graded'
	).length;
	const integrity = (db.prepare('pragma integrity_check').get() as { integrity_check: string })
		.integrity_check;
	const counts = db.prepare('select status, count(*) as n from quiz_attempts group by status').all();
	db.close();
	return { present, missing, halfGraded: halfGraded.n, notGraded, integrity, counts };
}

/**
 * The mastery table (derived, refreshed inside each grading transaction) agrees with a rebuild from the
 * answers that survived: a kill never leaves it describing a grade that was not committed, or missing one.
 * The rebuild runs in a transaction that is rolled back.
 */
async function masteryMatchesRebuild(dbFile: string): Promise<{ rows: number; differing: number }> {
	const db = connect(`file:${dbFile}`);
	const read = (q: Kysely<DbSchema>) =>
		q
			.selectFrom('learner_mastery')
			.selectAll()
			.orderBy('learner_id')
			.orderBy('module_id')
			.orderBy('objective')
			.execute();
	const key = (r: {
		learner_id: string;
		module_id: string;
		objective: string;
		score: number;
		answers: number;
	}) => `${r.learner_id}/${r.module_id}/${r.objective}/${r.score.toFixed(9)}/${r.answers.toFixed(9)}`;
	try {
		const kept = new Set((await read(db.kysely)).map(key));
		let rebuilt: string[] = [];
		await db.kysely
			.transaction()
			.execute(async (trx) => {
				await rebuildLearnerMastery(trx);
				rebuilt = (await read(trx)).map(key);
				throw new Error('roll back');
			})
			.catch(() => {});
		const differing = rebuilt.filter((k) => !kept.has(k)).length + Math.abs(kept.size - rebuilt.length);
		return { rows: rebuilt.length, differing };
	} finally {
		await db.close();
	}
}

async function main() {
	const dbFile = join(tmpdir(), `sourcebook-crash-${process.pid}.db`);
	const port = await freePort();
	let server: RunningServer = await startServer({ dbFile, port });
	const base = () => server.base;
	const students = Array.from({ length: STUDENTS }, (_, i) => student(base, i));
	const restartMs: number[] = [];
	for (let k = 1; k <= KILLS; k++) {
		await sleep(300 + Math.random() * 1200);
		await server.stop('SIGKILL');
		const t = performance.now();
		server = await startServer({ dbFile, port });
		restartMs.push(performance.now() - t);
		process.stdout.write(
			`kill ${k}/${KILLS} · restarted in ${Math.round(restartMs.at(-1) as number)} ms · ${acks.size} answers acknowledged\n`
		);
	}
	await sleep(1000);
	running = false;
	await Promise.all(students);
	await server.stop();
	const check = verify(dbFile);
	const mastery = await masteryMatchesRebuild(dbFile);
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });

	const figures = {
		kills: KILLS,
		students: STUDENTS,
		acknowledgedAnswers: acks.size,
		presentAnswers: check.present,
		acknowledgedSubmits: acknowledgedSubmits.size,
		submitsNotGraded: check.notGraded,
		halfGradedAttempts: check.halfGraded,
		attemptsByStatus: check.counts,
		integrity: check.integrity,
		masteryRows: mastery.rows,
		masteryRowsDifferingFromRebuild: mastery.differing,
		requestsLostToKills: refusedOrFailed,
		restartMsMedian: round([...restartMs].sort((a, b) => a - b)[Math.floor(restartMs.length / 2)] as number)
	};
	const checks = [
		['every acknowledged answer present', check.missing.length === 0 && acks.size > 0],
		['every acknowledged submit graded', check.notGraded === 0],
		['no attempt half graded', check.halfGraded === 0],
		['integrity check ok', check.integrity === 'ok'],
		['mastery table equals a rebuild from the stored answers', mastery.rows > 0 && mastery.differing === 0]
	] as const;
	console.log(JSON.stringify(figures, null, 2));
	for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
	if (check.missing.length) console.log('missing, first 5:', check.missing.slice(0, 5));
	mkdirSync('bench-results', { recursive: true });
	writeFileSync(
		'bench-results/crashtest.json',
		JSON.stringify({ ...figures, checks: Object.fromEntries(checks) }, null, 2)
	);
	process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
}

await main();
