/**
 * The instructor's side of progress review (issue 6): the class dashboard (grid, sorting and filtering on the
 * server, class mastery, who is stuck), a per-student page, item analysis per quiz and per question, the
 * reader's class overlay, and the CSV exports parsed and checked. Authorization is re-checked on every one.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { expect, test, type Browser, type Page } from './test';
import {
	createAssignmentApi,
	createClassApi,
	joinApi,
	signInPage,
	signUpApi,
	uniqueName,
	type Account
} from './accounts';
import { expectNoAxeViolations } from './axe';
import { answer, answerRight, questionsOnPage } from './quiz-helpers';

/** The exports' rows, read by the same parser as the roster import (RFC 4180, CRLF). */
const parseCsv = (text: string): string[][] => parse(text, { record_delimiter: '\r\n' });

/** How many questions the actors quiz draws, from its blueprint (content may change it). */
const ACTORS_DRAW = (
	parseYaml(readFileSync('questions/treaty-2024/quizzes/actors.yaml', 'utf8')) as {
		draws: { count: number }[];
	}
).draws.reduce((sum, d) => sum + d.count, 0);

async function takeQuiz(browser: Browser, student: Account, assignmentId: string, answerAll: boolean) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInPage(page, student.username);
	await page.goto(`/assignments/${assignmentId}`);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/attempts\//);
	// Ana answers the choice questions right, so she is sure to score above Ben's 0% (sorting below).
	if (answerAll) for (const q of await questionsOnPage(page)) await answerRight(q);
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page).toHaveURL(/\/review$/);
	await context.close();
}

test('the class dashboard, a student, item analysis, the reader overlay and the CSV exports', async ({
	browser
}) => {
	test.slow();
	const teacher = await signUpApi('instructor');
	const klass = await createClassApi(teacher, 'Progress 6');
	const ana = await signUpApi('student', 'ana');
	const ben = await signUpApi('student', 'ben');
	await joinApi(ana, klass.joinCode);
	await joinApi(ben, klass.joinCode);
	const due = new Date(Math.ceil((Date.now() + 24 * 60 * 60_000) / 60_000) * 60_000);
	const assignmentId = await createAssignmentApi(teacher, klass.id, {
		target: 'quiz:treaty-2024:actors',
		dueAt: due,
		feedbackPolicy: 'on-submit'
	});
	await takeQuiz(browser, ana, assignmentId, true);
	await takeQuiz(browser, ben, assignmentId, false);

	const context = await browser.newContext();
	const page: Page = await context.newPage();
	await signInPage(page, teacher.username);
	const base = `/classes/${klass.id}/progress`;
	await page.goto(base);
	await expect(page.getByRole('heading', { level: 1, name: 'Progress: Progress 6' })).toBeVisible();
	const grid = page.getByRole('table', { name: /Students and assignments/ });
	await expect(grid.getByRole('row')).toHaveCount(3);
	const benRow = grid.getByRole('row', { name: new RegExp(ben.username) });
	await expect(benRow.getByText('Submitted')).toBeVisible();
	await expect(benRow.getByText('0%')).toBeVisible();
	// One mastery table per module (the journeys serve the fixture module too).
	const mastery = page.getByRole('table', { name: /Class mastery .* in The 2024 Russia/ });
	await expect(mastery.locator('tr[data-objective="actors"] td').nth(3)).toHaveText('0'); // nobody "not started"
	await expectNoAxeViolations(page);
	await page.screenshot({ path: '/tmp/shots/progress-dashboard.png', fullPage: true });

	// Sorting on the server: by the quiz's score, descending on the second click.
	await grid.getByRole('link', { name: /Quiz: the actors/ }).click();
	await expect(page).toHaveURL(/sort=a%3A|sort=a:/);
	await expect(grid.getByRole('columnheader', { name: /Quiz: the actors/ })).toHaveAttribute(
		'aria-sort',
		'ascending'
	);
	await expect(grid.getByRole('row').nth(1)).toContainText(ben.username);
	await grid.getByRole('link', { name: /Quiz: the actors/ }).click();
	await expect(grid.getByRole('columnheader', { name: /Quiz: the actors/ })).toHaveAttribute(
		'aria-sort',
		'descending'
	);
	await expect(grid.getByRole('row').nth(1)).toContainText(ana.username);
	// Filtering: by name.
	await page.getByLabel('Name').fill('ben');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(grid.getByRole('row')).toHaveCount(2);
	await expect(page.getByText('1 of 2 students shown.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Ben's page shows what Ben sees on his own progress page.
	await grid.getByRole('link', { name: ben.displayName }).click();
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(ben.displayName) })).toBeVisible();
	await expect(page.locator('tr[data-objective="actors"]').getByText('Needs review')).toBeVisible();
	await expect(page.getByRole('img', { name: /Quiz scores over time/ }).first()).toBeVisible();
	await expectNoAxeViolations(page);

	// Item analysis for the quiz, then one question.
	await page.goto(base);
	await page
		.getByRole('link', { name: /Quiz: the actors/ })
		.last()
		.click();
	await expect(page.getByRole('heading', { level: 1, name: /Item analysis/ })).toBeVisible();
	await expect(page.getByText(/2 graded attempts by 2 of the class.s 2 students/)).toBeVisible();
	// Two responses at most per question: every row is folded under its objective until opened.
	const folds = page.locator('details.sparse');
	for (const fold of await folds.all()) await fold.locator('summary').click();
	const items = page.locator('details.sparse tbody tr');
	expect(await items.count()).toBeGreaterThanOrEqual(6);
	await expect(page.getByText('Few responses').first()).toBeVisible();
	await expectNoAxeViolations(page);
	const quizPage = page.url();
	await items.first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Question analysis' })).toBeVisible();
	await expectNoAxeViolations(page);

	// The reader with the class overlay.
	await page.goto(quizPage);
	await page
		.getByRole('list')
		.getByRole('link', { name: /Sputnik|Federation Council|treaty/i })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: 'Class overlay: Progress 6' })).toBeVisible();
	await expect(page.getByText(/% of the class missed \(\d+ of \d+\)/).first()).toBeVisible();
	await expectNoAxeViolations(page);

	// CSV exports, parsed.
	const gridCsv = await page.request.get(`${base}/grid.csv`);
	expect(gridCsv.status()).toBe(200);
	expect(gridCsv.headers()['content-type']).toMatch(/^text\/csv; charset=utf-8/);
	const gridText = await gridCsv.text();
	expect(gridText.charCodeAt(0)).toBe(0xfeff);
	const gridRows = parseCsv(gridText.slice(1));
	expect(gridRows[0]!.slice(0, 2)).toEqual(['username', 'display_name']);
	expect(gridRows[0]![2]).toMatch(/^treaty-2024 \/ Quiz: .*: status$/);
	expect(gridRows).toHaveLength(3);
	const benCsv = gridRows.find((r) => r[0] === ben.username)!;
	expect(benCsv[2]).toBe('submitted');
	expect(benCsv[3]).toBe('0');
	expect(benCsv[5]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	const responses = parseCsv((await (await page.request.get(`${base}/responses.csv`)).text()).slice(1));
	expect(responses[0]).toContain('question');
	// A row per question of each of the two attempts (the quiz draws ACTORS_DRAW questions).
	expect(responses).toHaveLength(1 + 2 * ACTORS_DRAW);
	expect(responses.filter((r) => r[0] === ben.username).every((r) => r[10] === '0')).toBe(true);
	const itemsCsv = parseCsv(
		(await (await page.request.get(`${base}/items.csv?quiz=treaty-2024/actors`)).text()).slice(1)
	);
	expect(itemsCsv[0]!.slice(0, 3)).toEqual(['module', 'quiz', 'question']);
	expect(itemsCsv.length).toBeGreaterThanOrEqual(7);
	await context.close();

	// Only the owner: a student of the class is the wrong role, another instructor is told it does not exist.
	expect((await ana.api.get(`${base}/grid.csv`, { maxRedirects: 0 })).status()).toBe(403);
	const other = await signUpApi('instructor', 'other');
	expect((await other.api.get(`${base}/responses.csv`, { maxRedirects: 0 })).status()).toBe(404);
	expect((await other.api.get(base, { maxRedirects: 0 })).status()).toBe(404);
	expect(
		(
			await ana.api.get(`/modules/treaty-2024/sources/sputnik-report?class=${klass.id}`, { maxRedirects: 0 })
		).status()
	).toBe(403);
});

// Issue 11, point 7: with "same questions for the whole class" every student gets one form, each in their own
// order, and the item analysis groups questions by objective, numbers them as on the form and folds the
// questions with few responses. Point 6: a member who never signed in counts in the class's numbers.
test('same questions for the whole class, and item analysis grouped by objective', async ({ browser }) => {
	test.slow();
	const teacher = await signUpApi('instructor');
	const klass = await createClassApi(teacher, 'Same form 11');
	const ana = await signUpApi('student', 'ana');
	const ben = await signUpApi('student', 'ben');
	await joinApi(ana, klass.joinCode);
	await joinApi(ben, klass.joinCode);

	const context = await browser.newContext();
	const page: Page = await context.newPage();
	await signInPage(page, teacher.username);
	// A third student imported by CSV, who never signs in.
	await page.goto(`/classes/${klass.id}/import`);
	await page.getByLabel('Or paste the lines').fill(`${uniqueName('cai')},Cai Imported\n`);
	await page.getByRole('button', { name: 'Create accounts' }).click();
	await expect(page.getByText('Cai Imported')).toBeVisible();

	await page.goto(`/classes/${klass.id}/assignments/new`);
	await page.getByLabel('What to assign').selectOption({ label: 'Quiz: the actors’ positions' });
	const dueLocal = await page.evaluate(
		(t) => {
			const d = new Date(t);
			const p = (n: number) => String(n).padStart(2, '0');
			return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T17:00`;
		},
		Date.now() + 2 * 24 * 60 * 60_000
	);
	await page.getByLabel('Due', { exact: true }).fill(dueLocal);
	await page.getByLabel('Score and answers right after submitting').check();
	const same = page.getByLabel('Same questions for the whole class');
	await expect(same).not.toBeChecked();
	await expect(same).toHaveAccessibleDescription(/The first student to start fixes which questions/);
	await same.check();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Assign' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quiz: the actors’ positions' })).toBeVisible();
	await expect(page.getByLabel('Same questions for the whole class')).toBeChecked();
	const assignmentId = page.url().split('/').pop()!;

	// Both students start at the same moment: the same questions, each in an order of their own.
	const starts = await Promise.all(
		[ana, ben].map(async (student) => {
			const c = await browser.newContext();
			const p = await c.newPage();
			await signInPage(p, student.username);
			await p.goto(`/assignments/${assignmentId}`);
			return { c, p };
		})
	);
	await Promise.all(starts.map(({ p }) => p.getByRole('button', { name: 'Start the quiz' }).click()));
	const drawn: string[][] = [];
	for (const { p } of starts) {
		await expect(p).toHaveURL(/\/attempts\//);
		drawn.push((await questionsOnPage(p)).map((q) => q.id));
	}
	expect(drawn[0]).toHaveLength(ACTORS_DRAW);
	expect([...drawn[1]!].sort()).toEqual([...drawn[0]!].sort());
	await expectNoAxeViolations(starts[0]!.p);
	for (const { c, p } of starts) {
		for (const q of await questionsOnPage(p)) await answer(q);
		await p.getByRole('button', { name: 'Submit quiz…' }).click();
		await p.getByRole('button', { name: 'Submit now' }).click();
		await expect(p).toHaveURL(/\/review$/);
		await c.close();
	}

	// The dashboard counts the imported student as not started.
	const base = `/classes/${klass.id}/progress`;
	await page.goto(base);
	const mastery = page.getByRole('table', { name: /Class mastery .* in The 2024 Russia/ });
	await expect(mastery.locator('tr[data-objective="actors"] td').nth(3)).toHaveText('1');
	// Quizzes listed in the module's order; this class has one.
	await expect(page.locator('ul[data-module="treaty-2024"] li')).toHaveCount(1);
	await page.locator('ul[data-module="treaty-2024"]').getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: /Item analysis/ })).toBeVisible();
	await expect(page.getByText(/2 graded attempts by 2 of the class.s 3 students/)).toBeVisible();
	await expect(page.getByText(`the same ${ACTORS_DRAW} questions for everyone`)).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Questions by learning objective' })
	).toBeVisible();
	// Two responses each: every question is folded under its objective, closed until asked for.
	const folds = page.locator('details.sparse');
	expect(await folds.count()).toBeGreaterThanOrEqual(1);
	await expect(folds.first().locator('summary')).toHaveText(/\d+ questions? with fewer than 10 responses/);
	await expect(page.getByRole('link', { name: /^Question 1:/ })).toBeHidden();
	await expectNoAxeViolations(page);
	for (const fold of await folds.all()) await fold.locator('summary').click();
	await expect(page.getByRole('link', { name: /^Question 1:/ })).toBeVisible();
	await expect(page.getByRole('link', { name: new RegExp(`^Question ${ACTORS_DRAW}:`) })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.screenshot({ path: '/tmp/shots/item-analysis-grouped.png', fullPage: true });
	await context.close();
});
