/**
 * npm run regrade [-- --dry-run]: after a question's key or grading rule changed in the content files,
 * re-scores every graded answer whose grade under the current content differs from its stored score, moves
 * the attempts, their assignments and mastery, and records the run (by "command"). Overridden answers keep
 * the instructor's score and are listed. --dry-run lists the same and writes nothing. Uses the database the
 * app uses (DATABASE_URL, default file:data/sourcebook.db) and the content it loads (CONTENT_DIR).
 */
import { contentDirs } from '$lib/server/content/app-content';
import { loadContent } from '$lib/server/content/load-content';
import { formatProblem } from '$lib/server/content/problems';
import { connect, DEFAULT_DATABASE_URL, migrateToLatest } from '$lib/server/db/connect';
import { regrade } from '$lib/server/quiz/regrade';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dry-run');
if (unknown.length) {
	console.error(`Unknown argument ${unknown.join(' ')}. Usage: npm run regrade [-- --dry-run]`);
	process.exit(2);
}
const dryRun = args.includes('--dry-run');

const loaded = loadContent(contentDirs());
if (!loaded.ok) {
	for (const p of loaded.problems) console.error(formatProblem(p));
	process.exit(1);
}
const db = connect(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
const points = (n: number) => String(Math.round(n * 100) / 100);
try {
	await migrateToLatest(db);
	const report = await regrade({
		db,
		content: loaded.index,
		attemptIds: 'all',
		classId: null,
		by: { userId: null, name: 'command' },
		now: new Date(),
		dryRun
	});
	const verb = dryRun ? 'would change' : 'changed';
	console.log(
		report.questions.length
			? `Questions whose grading changed: ${report.questions.join(', ')}`
			: 'No graded answer grades differently under the current content.'
	);
	for (const a of report.attempts)
		console.log(
			`  attempt ${a.attemptId} (${a.moduleId}/${a.quizId} #${a.number}): ${points(a.oldScore)} → ${points(a.newScore)} of ${a.maxScore}` +
				` [${a.answers.map((c) => `${c.questionId} ${points(c.oldScore)}→${points(c.newScore)}`).join(', ')}]`
		);
	for (const k of report.kept)
		console.log(
			`  kept override: attempt ${k.attemptId} ${k.questionId} stays ${points(k.score)} (the content now grades it ${points(k.regraded)})`
		);
	console.log(
		`${report.attempts.length} attempt(s) ${verb}, ${report.kept.length} overridden answer(s) kept.` +
			(report.runId ? ` Recorded as regrade run ${report.runId}.` : ' Dry run: nothing written.')
	);
} finally {
	await db.close();
}
