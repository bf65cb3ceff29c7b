/**
 * The authorization matrix (issue 5): every route and every form action × {anonymous, student of class A,
 * student of class B, instructor of A, instructor of B}, with the expected status in each cell. The rows are
 * a table; a completeness check reads src/routes and fails if a page or action is missing from it, so a new
 * route cannot ship without its row.
 *
 * Conventions the table encodes: a signed-out page load redirects to sign-in (303) and a signed-out action
 * is 401; a role that may never use a route gets 403; someone else's class, assignment or student is 404,
 * exactly like one that does not exist (ids are not confirmed to outsiders).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type APIRequestContext } from './test';
import {
	assignmentFields,
	client,
	createAssignmentApi,
	createClassApi,
	joinApi,
	PASSWORD,
	signInApi,
	signUpApi,
	uniqueName,
	type Account
} from './accounts';

const ROLES = ['anonymous', 'studentA', 'studentB', 'instructorB', 'instructorA'] as const;
type Role = (typeof ROLES)[number];

interface World {
	users: Record<Exclude<Role, 'anonymous'>, Account>;
	classA: { id: string; joinCode: string };
	classB: { id: string; joinCode: string };
	/** Class C belongs to instructor B; students may join it without disturbing A and B. */
	classC: { id: string; joinCode: string };
	assignmentA: string;
	assignmentB: string;
	/** Deleted by the delete row. */
	disposableA: string;
	/** Removed from class A by the remove row. */
	victimId: string;
	/** Given a new password by the reset row. */
	forgetfulId: string;
	studentAId: string;
	/** The final quiz assigned to class A, and student A's attempt at it (with one of its question ids). */
	quizAssignmentA: string;
	attemptPath: string;
	questionId: string;
}

type Expect = Record<Role, number>;
interface Row {
	/** SvelteKit route id, and the action name for POSTs ('default' for the unnamed action). */
	route: string;
	method: 'GET' | 'POST';
	action?: string;
	path: (w: World) => string;
	form?: (w: World) => Record<string, string>;
	multipart?: (w: World) => Record<string, string>;
	json?: (w: World) => unknown;
	/** Tells two rows for the same route apart in the test titles. */
	note?: string;
	/** Run each signed-in cell in a fresh session of that role (for rows that end the session). */
	fresh?: boolean;
	/** What a refused cell must not echo (the student's name, their answers' question ids). */
	secrets?: (w: World, role: Role) => string[];
	expect: Expect;
}

const all = (status: number): Expect => ({
	anonymous: status,
	studentA: status,
	studentB: status,
	instructorA: status,
	instructorB: status
});
const signedIn = (anonymous: number, status: number): Expect => ({ ...all(status), anonymous });
/** Owner-only instructor routes of class A: students are the wrong role; instructor B is not the owner. */
const ownerA = (anonymous: number, ok: number): Expect => ({
	anonymous,
	studentA: 403,
	studentB: 403,
	instructorB: 404,
	instructorA: ok
});

const future = (days: number) => new Date(Date.now() + days * 24 * 60 * 60_000);

const rows: Row[] = [
	// Public pages.
	{ route: '/', method: 'GET', path: () => '/', expect: all(200) },
	{
		route: '/modules/[module]',
		method: 'GET',
		path: () => '/modules/treaty-2024',
		expect: all(200)
	},
	{
		route: '/modules/[module]/sources/[source]',
		method: 'GET',
		path: () => '/modules/treaty-2024/sources/sputnik-report',
		expect: all(200)
	},
	{
		route: '/modules/[module]/compare',
		method: 'GET',
		path: () => '/modules/treaty-2024/compare',
		expect: all(200)
	},
	// Accounts.
	{ route: '/signin', method: 'GET', path: () => '/signin', expect: signedIn(200, 303) },
	{
		route: '/signin',
		method: 'POST',
		action: 'default',
		path: () => '/signin',
		form: () => ({ username: uniqueName('nobody'), password: 'not the password' }),
		expect: signedIn(400, 303)
	},
	{ route: '/signup', method: 'GET', path: () => '/signup', expect: signedIn(200, 303) },
	{
		route: '/signup',
		method: 'POST',
		action: 'default',
		path: () => '/signup',
		form: () => ({
			username: uniqueName('mismatch'),
			displayName: 'Mismatch',
			password: PASSWORD,
			confirm: `${PASSWORD}!`,
			role: 'student'
		}),
		expect: signedIn(400, 303)
	},
	{ route: '/signout', method: 'GET', path: () => '/signout', expect: signedIn(303, 200) },
	{
		route: '/signout',
		method: 'POST',
		action: 'default',
		path: () => '/signout',
		form: () => ({}),
		fresh: true,
		expect: all(303)
	},
	{ route: '/account', method: 'GET', path: () => '/account', expect: signedIn(303, 200) },
	{
		route: '/account',
		method: 'POST',
		action: 'password',
		path: () => '/account?/password',
		form: () => ({ current: 'not my password', next: 'another passphrase', confirm: 'another passphrase' }),
		expect: signedIn(401, 400)
	},
	// Classes: lists, creation, joining.
	{ route: '/classes', method: 'GET', path: () => '/classes', expect: signedIn(303, 200) },
	{
		route: '/classes',
		method: 'POST',
		action: 'create',
		path: () => '/classes?/create',
		form: () => ({ name: 'Matrix class' }),
		expect: { anonymous: 401, studentA: 403, studentB: 403, instructorB: 303, instructorA: 303 }
	},
	{ route: '/join', method: 'GET', path: (w) => `/join?code=${w.classC.joinCode}`, expect: all(200) },
	{
		route: '/join',
		method: 'POST',
		action: 'default',
		path: () => '/join',
		form: (w) => ({ code: w.classC.joinCode }),
		expect: { anonymous: 401, studentA: 303, studentB: 303, instructorB: 403, instructorA: 403 }
	},
	// One class: the owner manages it, a member sees their own view, everyone else gets 404.
	{
		route: '/classes/[classId]',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}`,
		expect: { anonymous: 303, studentA: 200, studentB: 404, instructorB: 404, instructorA: 200 }
	},
	{
		route: '/classes/[classId]',
		method: 'POST',
		action: 'regenerate',
		path: (w) => `/classes/${w.classA.id}?/regenerate`,
		form: () => ({}),
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]',
		method: 'POST',
		action: 'remove',
		path: (w) => `/classes/${w.classA.id}?/remove`,
		form: (w) => ({ userId: w.victimId }),
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]',
		method: 'POST',
		action: 'resetPassword',
		path: (w) => `/classes/${w.classA.id}?/resetPassword`,
		form: (w) => ({ userId: w.forgetfulId }),
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/import',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/import`,
		expect: ownerA(303, 200)
	},
	{
		route: '/classes/[classId]/import',
		method: 'POST',
		action: 'default',
		path: (w) => `/classes/${w.classA.id}/import`,
		multipart: () => ({ csv: `${uniqueName('imported')},Imported Student\n` }),
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/assignments/new',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/assignments/new`,
		expect: ownerA(303, 200)
	},
	{
		route: '/classes/[classId]/assignments/new',
		method: 'POST',
		action: 'default',
		path: (w) => `/classes/${w.classA.id}/assignments/new`,
		form: () => assignmentFields({ dueAt: future(7) }),
		expect: ownerA(401, 303)
	},
	{
		route: '/classes/[classId]/assignments/[assignmentId]',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/assignments/${w.assignmentA}`,
		expect: ownerA(303, 200)
	},
	{
		// The other class's id with this assignment: owning *a* class is not enough.
		route: '/classes/[classId]/assignments/[assignmentId]',
		method: 'GET',
		note: "class B's id with class A's assignment",
		path: (w) => `/classes/${w.classB.id}/assignments/${w.assignmentA}`,
		expect: { anonymous: 303, studentA: 403, studentB: 403, instructorB: 404, instructorA: 404 }
	},
	{
		route: '/classes/[classId]/assignments/[assignmentId]',
		method: 'POST',
		action: 'update',
		path: (w) => `/classes/${w.classA.id}/assignments/${w.assignmentA}?/update`,
		form: () => assignmentFields({ dueAt: future(8), attemptsAllowed: '3' }),
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/assignments/[assignmentId]',
		method: 'POST',
		action: 'extend',
		path: (w) => `/classes/${w.classA.id}/assignments/${w.assignmentA}?/extend`,
		form: (w) => ({ userId: w.studentAId, tz: 'UTC', extensionDueAt: future(10).toISOString().slice(0, 16) }),
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/assignments/[assignmentId]',
		method: 'POST',
		action: 'clearExtension',
		path: (w) => `/classes/${w.classA.id}/assignments/${w.assignmentA}?/clearExtension`,
		form: (w) => ({ userId: w.studentAId }),
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/assignments/[assignmentId]',
		method: 'POST',
		action: 'delete',
		path: (w) => `/classes/${w.classA.id}/assignments/${w.disposableA}?/delete`,
		form: () => ({ confirm: 'yes' }),
		expect: ownerA(401, 303)
	},
	// Students' own views.
	{
		route: '/assignments',
		method: 'GET',
		path: () => '/assignments',
		expect: { anonymous: 303, studentA: 200, studentB: 200, instructorB: 403, instructorA: 403 }
	},
	{
		route: '/assignments/[assignmentId]',
		method: 'GET',
		path: (w) => `/assignments/${w.assignmentA}`,
		expect: { anonymous: 303, studentA: 200, studentB: 404, instructorB: 403, instructorA: 403 }
	},
	{
		route: '/assignments/[assignmentId]',
		method: 'POST',
		action: 'start',
		path: (w) => `/assignments/${w.quizAssignmentA}?/start`,
		form: () => ({ quiz: 'final' }),
		expect: { anonymous: 401, studentA: 303, studentB: 404, instructorB: 403, instructorA: 403 }
	},
	{ route: '/healthz', method: 'GET', path: () => '/healthz', expect: all(200) },
	// Lessons (issue 3): open to everyone; progress is saved for the caller's own learner only, after validation.
	{
		route: '/modules/[module]/lessons/[lesson]',
		method: 'GET',
		path: () => '/modules/treaty-2024/lessons/lineage',
		expect: all(200)
	},
	{
		route: '/modules/[module]/lessons/[lesson]/progress',
		method: 'POST',
		path: () => '/modules/treaty-2024/lessons/lineage/progress',
		json: () => ({ version: 1, run: 'not-a-valid-save', snapshot: {}, events: [] }),
		expect: all(400)
	},
	// Quizzes (issue 4): self-study is open to everyone; an attempt is its learner's alone, whoever asks.
	{
		route: '/modules/[module]/quizzes/[quiz]',
		method: 'GET',
		path: () => '/modules/treaty-2024/quizzes/actors',
		expect: all(200)
	},
	{
		route: '/modules/[module]/quizzes/[quiz]',
		method: 'POST',
		action: 'start',
		path: () => '/modules/treaty-2024/quizzes/actors?/start',
		form: () => ({}),
		expect: all(303)
	},
	{
		route: '/modules/[module]/quizzes/[quiz]/attempts/[attempt]',
		method: 'GET',
		path: (w) => w.attemptPath,
		expect: { ...all(404), studentA: 200 }
	},
	{
		route: '/modules/[module]/quizzes/[quiz]/attempts/[attempt]',
		method: 'POST',
		action: 'save',
		path: (w) => `${w.attemptPath}?/save`,
		form: () => ({}),
		expect: { ...all(404), studentA: 200 }
	},
	{
		route: '/modules/[module]/quizzes/[quiz]/attempts/[attempt]',
		method: 'POST',
		action: 'check',
		path: (w) => `${w.attemptPath}?/check`,
		form: (w) => ({ check: w.questionId }),
		// The assignment's after-due feedback has no per-question checks: refused, but only for the owner.
		expect: { ...all(404), studentA: 409 }
	},
	{
		route: '/modules/[module]/quizzes/[quiz]/attempts/[attempt]/answers',
		method: 'POST',
		path: (w) => `${w.attemptPath}/answers`,
		json: (w) => ({ questionId: w.questionId, response: null, revision: 1 }),
		expect: { ...all(404), studentA: 200 }
	},
	{
		route: '/modules/[module]/quizzes/[quiz]/attempts/[attempt]/review',
		method: 'GET',
		path: (w) => `${w.attemptPath}/review`,
		// Open attempt: the owner is sent back to it.
		expect: { ...all(404), studentA: 303 }
	},
	{
		route: '/modules/[module]/quizzes/[quiz]/attempts/[attempt]',
		method: 'POST',
		action: 'submit',
		path: (w) => `${w.attemptPath}?/submit`,
		form: () => ({ confirm: 'yes' }),
		expect: { ...all(404), studentA: 303 }
	},
	// Progress review (issue 6): the learner's own pages act for whoever is browsing (anonymous learners too).
	{ route: '/progress', method: 'GET', path: () => '/progress', expect: all(200) },
	{ route: '/progress/export.json', method: 'GET', path: () => '/progress/export.json', expect: all(200) },
	{ route: '/review', method: 'GET', path: () => '/review', expect: all(200) },
	{
		route: '/review',
		method: 'POST',
		action: 'answer',
		path: () => '/review?/answer',
		form: () => ({ module: 'treaty-2024', card: 'no-such-card', rep: '0', shown: 'no-such-card' }),
		// Cards are looked up for the requesting learner only: someone else's (or no) card is a 404.
		expect: all(404)
	},
	// The instructor's progress pages and exports: the class owner only.
	{
		route: '/classes/[classId]/progress',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress`,
		expect: ownerA(303, 200)
	},
	{
		// Issue 11, point 2: regrading the class's attempts under the current content.
		route: '/classes/[classId]/progress',
		method: 'POST',
		action: 'regrade',
		path: (w) => `/classes/${w.classA.id}/progress?/regrade`,
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/progress/students/[userId]',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress/students/${w.studentAId}`,
		expect: ownerA(303, 200)
	},
	{
		// Issue 11: a student's attempt and lesson runs, for the instructor of their class only.
		route: '/classes/[classId]/progress/students/[userId]/attempts/[attempt]',
		method: 'GET',
		path: (w) =>
			`/classes/${w.classA.id}/progress/students/${w.studentAId}/attempts/${w.attemptPath.split('/').pop()}`,
		// Student A's own name is in their page header; to anyone else it is the student's name, not echoed.
		secrets: (w, role) => [w.questionId, ...(role === 'studentA' ? [] : [w.users.studentA.displayName])],
		expect: ownerA(303, 200)
	},
	{
		// Issue 11, point 2: changing a score is the owner's, on an attempt they may open. Student A's attempt
		// is graded by now (the submit row above); the owner's override and undo go through (200, the page).
		route: '/classes/[classId]/progress/students/[userId]/attempts/[attempt]',
		method: 'POST',
		action: 'override',
		path: (w) =>
			`/classes/${w.classA.id}/progress/students/${w.studentAId}/attempts/${w.attemptPath.split('/').pop()}?/override`,
		form: (w) => ({ question: w.questionId, score: '1', comment: 'Matrix check.' }),
		secrets: (w, role) => [w.questionId, ...(role === 'studentA' ? [] : [w.users.studentA.displayName])],
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/progress/students/[userId]/attempts/[attempt]',
		method: 'POST',
		action: 'override',
		note: "class B's URL for class A's student",
		path: (w) =>
			`/classes/${w.classB.id}/progress/students/${w.studentAId}/attempts/${w.attemptPath.split('/').pop()}?/override`,
		form: (w) => ({ question: w.questionId, score: '0', comment: 'Not my student.' }),
		secrets: (w, role) => [w.questionId, ...(role === 'studentA' ? [] : [w.users.studentA.displayName])],
		expect: { anonymous: 401, studentA: 403, studentB: 403, instructorB: 404, instructorA: 404 }
	},
	{
		route: '/classes/[classId]/progress/students/[userId]/attempts/[attempt]',
		method: 'POST',
		action: 'undo',
		path: (w) =>
			`/classes/${w.classA.id}/progress/students/${w.studentAId}/attempts/${w.attemptPath.split('/').pop()}?/undo`,
		form: (w) => ({ question: w.questionId }),
		secrets: (w, role) => [w.questionId, ...(role === 'studentA' ? [] : [w.users.studentA.displayName])],
		expect: ownerA(401, 200)
	},
	{
		route: '/classes/[classId]/progress/students/[userId]/lessons/[module]/[lesson]',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress/students/${w.studentAId}/lessons/treaty-2024/lineage`,
		secrets: (w, role) => (role === 'studentA' ? [] : [w.users.studentA.displayName]),
		expect: ownerA(303, 200)
	},
	{
		route: '/classes/[classId]/progress/quizzes/[module]/[quiz]',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress/quizzes/treaty-2024/final`,
		expect: ownerA(303, 200)
	},
	{
		route: '/classes/[classId]/progress/questions/[module]/[question]',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress/questions/treaty-2024/${w.questionId}`,
		expect: ownerA(303, 200)
	},
	{
		route: '/classes/[classId]/progress/grid.csv',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress/grid.csv`,
		expect: ownerA(303, 200)
	},
	{
		route: '/classes/[classId]/progress/responses.csv',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress/responses.csv`,
		expect: ownerA(303, 200)
	},
	{
		route: '/classes/[classId]/progress/items.csv',
		method: 'GET',
		path: (w) => `/classes/${w.classA.id}/progress/items.csv`,
		expect: ownerA(303, 200)
	},
	{
		route: '/modules/[module]/sources/[source]',
		method: 'GET',
		note: 'class overlay',
		path: (w) => `/modules/treaty-2024/sources/sputnik-report?class=${w.classA.id}`,
		expect: ownerA(303, 200)
	}
];

// ── Completeness: every page and action under src/routes has a row ────────────────────────────────────────
function routeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? routeFiles(path) : [path];
	});
}

function routeInventory(): string[] {
	const root = join(process.cwd(), 'src', 'routes');
	const found = new Set<string>();
	for (const file of routeFiles(root)) {
		const name = file.split(sep).pop()!;
		const dir = relative(root, join(file, '..'));
		const route = `/${dir
			.split(sep)
			.filter((s) => s && !/^\(.*\)$/.test(s))
			.join('/')}`;
		if (name === '+page.svelte' || name === '+page.server.ts' || name === '+page.ts')
			found.add(`GET ${route}`);
		if (name === '+server.ts') {
			const text = readFileSync(file, 'utf8');
			for (const m of text.matchAll(
				/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
			))
				found.add(`${m[1]} ${route}`);
		}
		if (name === '+page.server.ts') {
			const text = readFileSync(file, 'utf8');
			const block = /export const actions[^{]*\{([\s\S]*?)\n\};/.exec(text)?.[1] ?? '';
			for (const m of block.matchAll(/^\t(\w+)(?::|,|\()/gm)) found.add(`POST ${route} ${m[1]}`);
		}
	}
	return [...found].sort();
}

test('the matrix covers every route and action in src/routes', () => {
	const covered = new Set(rows.map((r) => `${r.method} ${r.route}${r.action ? ` ${r.action}` : ''}`));
	const inventory = routeInventory();
	// Guards the scanner itself: if it stopped finding actions, the check below would pass vacuously.
	expect(inventory).toContain('POST /classes/[classId] remove');
	const missing = inventory.filter((r) => !covered.has(r));
	expect(missing, 'routes or actions without a matrix row').toEqual([]);
});

// ── The matrix ───────────────────────────────────────────────────────────────────────────────────────────
test.describe('authorization matrix', () => {
	let world: World;

	test.beforeAll(async () => {
		test.setTimeout(60_000);
		const [instructorA, instructorB, studentA, studentB, victim, forgetful] = await Promise.all([
			signUpApi('instructor', 'inst-a'),
			signUpApi('instructor', 'inst-b'),
			signUpApi('student', 'stud-a'),
			signUpApi('student', 'stud-b'),
			signUpApi('student', 'victim'),
			signUpApi('student', 'forgetful')
		]);
		const classA = await createClassApi(instructorA, 'Class A');
		const classB = await createClassApi(instructorB, 'Class B');
		const classC = await createClassApi(instructorB, 'Class C');
		await joinApi(studentA, classA.joinCode);
		await joinApi(victim, classA.joinCode);
		await joinApi(forgetful, classA.joinCode);
		await joinApi(studentB, classB.joinCode);
		const assignmentA = await createAssignmentApi(instructorA, classA.id, { dueAt: future(7) });
		const disposableA = await createAssignmentApi(instructorA, classA.id, { dueAt: future(7) });
		const assignmentB = await createAssignmentApi(instructorB, classB.id, { dueAt: future(7) });
		const quizAssignmentA = await createAssignmentApi(instructorA, classA.id, {
			target: 'quiz:treaty-2024:final',
			dueAt: future(7),
			feedbackPolicy: 'after-due'
		});
		const started = await studentA.api.post(`/assignments/${quizAssignmentA}?/start`, {
			form: { quiz: 'final' },
			maxRedirects: 0
		});
		expect(started.status()).toBe(303);
		const attemptPath = started.headers()['location']!;
		const attemptHtml = await (await studentA.api.get(attemptPath)).text();
		const questionId = /data-question-id="([^"]+)"/.exec(attemptHtml)?.[1];
		expect(questionId, 'a question on the attempt page').toBeTruthy();
		// Member ids, read from the owner's roster forms.
		const rosterHtml = await (await instructorA.api.get(`/classes/${classA.id}`)).text();
		const idOf = (account: Account) => {
			const row = rosterHtml.split('<tr').find((r) => r.includes(`Remove ${account.displayName} from`));
			const id = row && /name="userId" value="([0-9a-f-]{36})"/.exec(row)?.[1];
			expect(id, `roster id of ${account.username}`).toBeTruthy();
			return id!;
		};
		world = {
			users: { instructorA, instructorB, studentA, studentB },
			classA,
			classB,
			classC,
			assignmentA,
			assignmentB,
			disposableA,
			victimId: idOf(victim),
			forgetfulId: idOf(forgetful),
			studentAId: idOf(studentA),
			quizAssignmentA,
			attemptPath,
			questionId: questionId!
		};
	});

	for (const row of rows) {
		for (const role of ROLES) {
			const label = `${row.method} ${row.route}${row.action ? ` ?/${row.action}` : ''}${row.note ? ` (${row.note})` : ''} as ${role} → ${row.expect[role]}`;
			test(label, async () => {
				let api: APIRequestContext;
				if (role === 'anonymous') api = await client();
				else if (row.fresh) api = await signInApi(world.users[role].username);
				else api = world.users[role].api;
				const path = row.path(world);
				const response =
					row.method === 'GET'
						? await api.get(path, { maxRedirects: 0 })
						: await api.post(path, {
								maxRedirects: 0,
								...(row.json
									? { data: row.json(world), headers: { 'content-type': 'application/json' } }
									: row.multipart
										? { multipart: row.multipart(world) }
										: { form: row.form?.(world) ?? {} })
							});
				const body = response.status() >= 400 ? (await response.text()).slice(0, 300) : '';
				expect(response.status(), `${label}\n${body}`).toBe(row.expect[role]);
				if (response.status() >= 300 && row.secrets) {
					const whole = await response.text();
					for (const secret of row.secrets(world, role))
						expect(whole, `${label} echoes ${secret}`).not.toContain(secret);
				}
				if (
					role === 'anonymous' &&
					row.expect.anonymous === 303 &&
					row.method === 'GET' &&
					!['/signout'].includes(row.route)
				)
					expect(response.headers()['location']).toMatch(/^\/signin\?next=/);
				if (role === 'anonymous' || row.fresh) await api.dispose();
			});
		}
	}

	test('refused cells changed nothing: class A still has its code, assignments and students as the owner left them', async () => {
		const html = await (await world.users.instructorA.api.get(`/classes/${world.classA.id}`)).text();
		// The owner regenerated the code once; nobody else could. The victim is gone; student A remains.
		expect(html).not.toContain(world.classA.joinCode);
		expect(html).toContain(world.users.studentA.displayName);
		// Instructor B's own class B is untouched by everything above.
		const b = await (await world.users.instructorB.api.get(`/classes/${world.classB.id}`)).text();
		expect(b).toContain(world.classB.joinCode);
		expect(b).toContain(world.users.studentB.displayName);
		expect((await world.users.studentB.api.get(`/assignments/${world.assignmentB}`)).status()).toBe(200);
		// Student A's answer was changed only by the owner's override and undo: two entries in its log, both theirs.
		const attempt = await (
			await world.users.instructorA.api.get(
				`/classes/${world.classA.id}/progress/students/${world.studentAId}/attempts/${world.attemptPath.split('/').pop()}`
			)
		).text();
		expect(attempt.match(/Overridden: /g)).toHaveLength(1);
		expect(attempt.match(/Override undone: /g)).toHaveLength(1);
		expect(attempt.match(/Matrix check\./g)?.length).toBeGreaterThan(0);
		expect(attempt).not.toContain('Not my student.');
	});
});

export const MATRIX_SIZE = { rows: rows.length, roles: ROLES.length };
