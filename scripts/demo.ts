/**
 * npm run demo: seeds a demo instructor and a class of 30 students with deterministic work into the
 * database the app uses (DATABASE_URL, default file:data/sourcebook.db). Safe to re-run: it replaces the
 * previous demo data and touches nothing else. Then `npm start` and sign in with the accounts printed.
 */
import { contentDirs } from '$lib/server/content/app-content';
import { loadContent } from '$lib/server/content/load-content';
import { formatProblem } from '$lib/server/content/problems';
import { connect, DEFAULT_DATABASE_URL, migrateToLatest } from '$lib/server/db/connect';
import {
	DEMO_CLASS,
	DEMO_INSTRUCTOR,
	DEMO_STUDENT_NAMES,
	DEMO_STUDENT_PASSWORD,
	seedDemo,
	studentUsername
} from '$lib/server/classes/demo-seed';

const loaded = loadContent(contentDirs());
if (!loaded.ok) {
	for (const p of loaded.problems) console.error(formatProblem(p));
	process.exit(1);
}
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const db = connect(url);
try {
	await migrateToLatest(db);
	const summary = await seedDemo(db, { content: loaded.index });
	console.log(`Seeded “${DEMO_CLASS}” with ${summary.students} students into ${url.replace(/\/\/[^@]*@/, '//…@')}.

Sign in at /signin as
  instructor  ${DEMO_INSTRUCTOR.username} / ${DEMO_INSTRUCTOR.password}
  students    ${studentUsername(0)} … ${studentUsername(DEMO_STUDENT_NAMES.length - 1)} / ${DEMO_STUDENT_PASSWORD}
`);
} finally {
	await db.close();
}
