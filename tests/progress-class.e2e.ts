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
	type Account
} from './accounts';
import { expectNoAxeViolations } from './axe';
import { answer, questionsOnPage } from './quiz-helpers';

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
	if (answerAll) for (const q of await questionsOnPage(page)) await answer(q);
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
	await expect(page.getByText(/2 graded attempts by 2 of the class's 2 students/)).toBeVisible();
	const items = page.getByRole('table', { name: 'Questions, hardest first' });
	expect(await items.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
	await expect(items.getByText('Few responses').first()).toBeVisible();
	await expectNoAxeViolations(page);
	const quizPage = page.url();
	await items.locator('tbody tr').first().getByRole('link').click();
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
