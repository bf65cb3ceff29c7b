/**
 * Progress analytics at scale (issue 6): generates a class of 1,000 students × 3 graded attempts × 20
 * questions (60,000 responses) of the final quiz into a temp SQLite database, then times
 *  - the server functions behind the instructor pages (the class dashboard, the quiz item analysis, one
 *    question's analysis and the reader's passage overlay), and
 *  - the same pages rendered by the production build over HTTP as the class's instructor (when a build exists),
 * each as the median of several sequential runs after a warm-up; target ≤ 300 ms. Part of `npm run bench`.
 *
 *   npx tsx scripts/bench/progress-scale.ts [--students 1000] [--runs 7]
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadContent } from '../../src/lib/server/content/load-content';
import { connect, migrateToLatest } from '../../src/lib/server/db/connect';
import {
	passageMisses,
	questionAnalysis,
	quizAnalysis,
	type Scope
} from '../../src/lib/server/progress/item-analysis';
import { syncMasteryIndex } from '../../src/lib/server/effects/mastery-index';
import { drawAttempt, seededRandom } from '../../src/lib/server/quiz/draw';
import { startServer } from './harness';
import { BENCH_CLASS, benchClass, benchDashboard, benchInstructorSession } from './progress-scale-class';

const ATTEMPTS = 3;
const MODULE = 'treaty-2024';
const QUIZ = 'final';
export const TARGET_MS = 300;

export interface Timing {
	label: string;
	medianMs: number;
}

export interface ProgressScaleResult {
	students: number;
	responses: number;
	runs: number;
	/** Building the mastery table from every answer, as start-up does after a content change. */
	masteryIndexMs: number;
	functions: Timing[];
	/** Empty without a production build. */
	pages: Timing[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timed(label: string, runs: number, fn: () => Promise<unknown>): Promise<Timing> {
	await fn(); // warm-up: statement cache, page cache
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		ms.push(performance.now() - t);
	}
	return { label, medianMs: Math.round(median(ms) * 10) / 10 };
}

export async function measureProgressScale({
	students: STUDENTS = 1000,
	runs: RUNS = 7
}: { students?: number; runs?: number } = {}): Promise<ProgressScaleResult> {
	const loaded = loadContent('questions');
	if (!loaded.ok) throw new Error('content is invalid: run npm run content:check');
	const content = loaded.index;
	const quiz = content.quiz(MODULE, QUIZ)!;
	const questions = content.module(MODULE)!.questions;
	const dir = mkdtempSync(join(tmpdir(), 'sb-progress-scale-'));
	const db = connect(`file:${join(dir, 'bench.db')}`);
	await migrateToLatest(db);

	const t0 = performance.now();
	const random = seededRandom(2024);
	const learnerIds: string[] = [];
	const start = Date.parse('2026-03-01T09:00:00.000Z');
	let responses = 0;
	await db.kysely.transaction().execute(async (tx) => {
		for (let s = 0; s < STUDENTS; s++) {
			const learnerId = randomUUID();
			learnerIds.push(learnerId);
			const at = new Date(start + s * 1000).toISOString();
			await tx
				.insertInto('learners')
				.values({ id: learnerId, token_hash: randomUUID(), user_id: null, created_at: at, last_seen_at: at })
				.execute();
			// Each student has an ability; the chance of a right answer falls with the item's difficulty.
			const ability = random() * 3 - 1;
			for (let n = 1; n <= ATTEMPTS; n++) {
				const drawn = drawAttempt({ quiz, questions, seed: s * 10 + n });
				const attemptId = randomUUID();
				const answers = drawn.questionIds.map((id) => {
					const q = content.question(MODULE, id)!;
					const p = 1 / (1 + Math.exp(-(ability + 0.3 * n - (q.difficulty - 2))));
					const right = random() < p;
					let response: unknown = null;
					if (q.type === 'single')
						response = right ? q.answer : (q.options.find((o) => o.id !== q.answer)?.id ?? null);
					else if (q.type === 'true-false') response = right ? q.answer : !q.answer;
					else if (q.type === 'multiple') response = right ? q.answer : q.answer.slice(0, 1);
					return { id, score: right ? 1 : 0, response };
				});
				const score = answers.reduce((sum, a) => sum + a.score, 0);
				await tx
					.insertInto('quiz_attempts')
					.values({
						id: attemptId,
						learner_id: learnerId,
						module_id: MODULE,
						quiz_id: QUIZ,
						number: n,
						status: 'graded',
						seed: drawn.seed,
						question_ids: JSON.stringify(drawn.questionIds),
						orders: JSON.stringify(drawn.orders),
						feedback: quiz.feedback,
						pass_mark: quiz.passMark,
						time_limit_minutes: quiz.timeLimitMinutes,
						started_at: at,
						due_at: null,
						extension_minutes: 0,
						submitted_at: at,
						submit_reason: 'learner',
						score,
						max_score: answers.length,
						passed: (100 * score) / answers.length >= quiz.passMark ? 1 : 0,
						assignment_id: null,
						accept_late: 0,
						review_opens_at: null
					})
					.execute();
				await tx
					.insertInto('quiz_answers')
					.values(
						answers.map((a) => ({
							attempt_id: attemptId,
							question_id: a.id,
							response: a.response === null ? null : JSON.stringify(a.response),
							revision: 1,
							saved_at: at,
							checked_at: null,
							score: a.score,
							verdict: null
						}))
					)
					.execute();
				responses += answers.length;
			}
		}
	});
	const classScope = await benchClass(db, learnerIds, start);
	// As at start-up: the mastery table the dashboard reads is built from the generated answers.
	const tIndex = performance.now();
	await syncMasteryIndex(db, content);
	const indexMs = performance.now() - tIndex;
	await sql`analyze`.execute(db.kysely);
	console.log(
		`Generated ${STUDENTS} students × ${ATTEMPTS} attempts × ${quiz.itemCount} questions = ${responses} responses in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
			` (mastery table built from them in ${Math.round(indexMs)} ms)`
	);

	const scope: Scope = classScope ?? { kind: 'all' };
	const someQuestion = questions.find((q) => q.use === 'assessment')!.id;
	const source = content.module(MODULE)!.sources[0]!.id;
	const functions = [
		...(classScope ? [await timed('class dashboard', RUNS, () => benchDashboard(db, content, start))] : []),
		await timed('quiz item analysis', RUNS, () =>
			quizAnalysis({ db, content, moduleId: MODULE, quizId: QUIZ, scope })
		),
		await timed('one question’s analysis', RUNS, () =>
			questionAnalysis({ db, content, moduleId: MODULE, questionId: someQuestion, scope })
		),
		await timed('reader passage overlay', RUNS, () =>
			passageMisses({ db, content, moduleId: MODULE, sourceId: source, scope })
		)
	];
	const session = await benchInstructorSession(db, start);
	await db.close();

	const pages: Timing[] = [];
	if (existsSync('build/handler.js')) {
		// The instructor's pages from the production build, one request at a time: the time a teacher waits.
		const server = await startServer({ dbFile: join(dir, 'bench.db') });
		try {
			const get = (path: string) => async () => {
				const r = await fetch(`${server.base}${path}`, { headers: { cookie: session, accept: 'text/html' } });
				const html = await r.text();
				if (r.status !== 200) throw new Error(`${path}: ${r.status} ${html.slice(0, 200)}`);
			};
			const cls = `/classes/${BENCH_CLASS}/progress`;
			for (const [label, path] of [
				['class dashboard page', `${cls}?sort=a:x&dir=desc`],
				['quiz item analysis page', `${cls}/quizzes/${MODULE}/${QUIZ}`],
				['question analysis page', `${cls}/questions/${MODULE}/${someQuestion}`],
				['reader with class overlay', `/modules/${MODULE}/sources/${source}?class=${BENCH_CLASS}`]
			] as const)
				pages.push(await timed(label, RUNS, get(path)));
		} finally {
			await server.stop();
		}
	}
	if (process.env.KEEP_DB) console.log(`kept ${join(dir, 'bench.db')}`);
	else rmSync(dir, { recursive: true, force: true });
	return { students: STUDENTS, responses, runs: RUNS, masteryIndexMs: Math.round(indexMs), functions, pages };
}

export function progressScaleTable(r: ProgressScaleResult): string {
	const row = (t: Timing) =>
		`| ${t.label} | ${t.medianMs} ms | ${t.medianMs <= TARGET_MS ? 'ok' : `**over ${TARGET_MS} ms**`} |`;
	return [
		`| ${r.students.toLocaleString('en')} students, ${r.responses.toLocaleString('en')} responses (median of ${r.runs}) | time | ≤ ${TARGET_MS} ms |`,
		'|---|---:|---|',
		...r.functions.map(row),
		...r.pages.map(row),
		`| mastery table rebuilt from every answer (start-up after a content change) | ${r.masteryIndexMs} ms | |`
	].join('\n');
}

// Run directly: print the table; exit 1 when a figure is over the target.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const arg = (name: string, fallback: number) => {
		const i = process.argv.indexOf(`--${name}`);
		return i >= 0 ? Number(process.argv[i + 1]) : fallback;
	};
	const result = await measureProgressScale({ students: arg('students', 1000), runs: arg('runs', 7) });
	if (!result.pages.length) console.log('(no production build: run `npx vite build` to time the pages too)');
	console.log(progressScaleTable(result));
	if ([...result.functions, ...result.pages].some((t) => t.medianMs > TARGET_MS)) process.exitCode = 1;
}
