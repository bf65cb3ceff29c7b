/**
 * npm run demo [-- --module <id>]: seeds a demo instructor and a class of 30 students with deterministic
 * work on one module (default: the first in the catalog) into the database the app uses (DATABASE_URL,
 * default file:data/sourcebook.db). Safe to re-run: it replaces the previous demo data and touches nothing
 * else. Then `npm start` and sign in with the accounts printed.
 */
import { parseArgs } from 'node:util';
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
} from './demo/demo-seed';
import { demoPlan } from './demo/demo-plan';

let moduleId: string | undefined;
try {
	moduleId = parseArgs({ options: { module: { type: 'string' } } }).values.module;
} catch (e) {
	console.error(`${(e as Error).message}\nUsage: npm run demo -- --module <module id>`);
	process.exit(1);
}

const loaded = loadContent(contentDirs());
if (!loaded.ok) {
	for (const p of loaded.problems) console.error(formatProblem(p));
	process.exit(1);
}
// Before connecting: a module that cannot be seeded must not create or migrate a database.
const planned = demoPlan(loaded.index, moduleId);
if (!planned.ok) {
	console.error(planned.message);
	process.exit(1);
}
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const db = connect(url);
try {
	await migrateToLatest(db);
	const summary = await seedDemo(db, { content: loaded.index, moduleId: planned.plan.moduleId });
	console.log(`Seeded “${DEMO_CLASS}” with ${summary.students} students working on “${planned.plan.moduleTitle}” into ${url.replace(/\/\/[^@]*@/, '//…@')}.

Sign in at /signin as
  instructor  ${DEMO_INSTRUCTOR.username} / ${DEMO_INSTRUCTOR.password}
  students    ${studentUsername(0)} … ${studentUsername(DEMO_STUDENT_NAMES.length - 1)} / ${DEMO_STUDENT_PASSWORD}
`);
} finally {
	await db.close();
}
