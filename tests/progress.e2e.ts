/**
 * The student's progress review (issue 6): the progress page (mastery, lessons, the accessible score chart),
 * the catalog's "reviews due", a spaced-review session with and without JavaScript, and the JSON export.
 */
import { expect, test, type Page } from './test';
import { expectNoAxeViolations } from './axe';
import { answer, formHeaders, MODULE, questionsOnPage, startQuiz } from './quiz-helpers';

const ACTORS = `/modules/${MODULE}/quizzes/actors`;

/** Takes the five-item actors quiz leaving every answer blank, so all five are missed. */
async function missEverything(page: Page): Promise<void> {
	await startQuiz(page, ACTORS);
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page).toHaveURL(/\/review$/);
}

test.describe('progress review with JavaScript', () => {
	test('progress page, reviews due in the catalog, one review, export', async ({ page }) => {
		test.slow();
		await page.goto('/progress');
		await expect(page.getByRole('heading', { level: 1, name: 'My progress' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'How mastery is computed' })).toBeVisible();
		await expect(page.getByRole('cell', { name: 'No graded attempts yet.' }).first()).toBeVisible();
		await expectNoAxeViolations(page);

		await missEverything(page);
		await page.getByRole('link', { name: 'My progress' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'My progress' })).toBeVisible();
		const actors = page.locator('tr[data-objective="actors"]');
		await expect(actors.getByText('Needs review')).toBeVisible();
		await expect(actors.getByText('5 (5 from quizzes)')).toBeVisible();
		const chart = page.getByRole('img', { name: /Quiz scores over time/ }).first();
		await expect(chart).toBeVisible();
		await expect(page.locator('svg desc').first()).toContainText('1 graded attempt');
		const table = page.getByRole('table', { name: /Quiz attempts and scores/ }).first();
		await expect(table.getByRole('row')).toHaveCount(2);
		await expect(table.getByRole('cell', { name: '0%' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Review my mistakes (5 due)' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({ path: '/tmp/shots/progress-student.png', fullPage: true });

		await page.goto('/');
		await expect(page.getByRole('link', { name: '5 reviews of your mistakes due' })).toBeVisible();
		await page.getByRole('link', { name: '5 reviews of your mistakes due' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Review my mistakes' })).toBeVisible();
		await expect(page.getByText('5 reviews due')).toBeVisible();
		await expectNoAxeViolations(page);
		const [item] = await questionsOnPage(page);
		await answer(item!);
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(page.getByRole('heading', { name: 'How you did' })).toBeVisible();
		await expect(
			page.getByRole('status').filter({ hasText: /Correct|Incorrect|Partly right/ })
		).toBeVisible();
		await expect(page.getByText(/This card comes back/)).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({ path: '/tmp/shots/progress-review.png', fullPage: true });
		await page.getByRole('link', { name: 'Next review' }).click();
		await expect(page.getByText('1 done today')).toBeVisible();

		const exported = await page.request.get('/progress/export.json');
		expect(exported.status()).toBe(200);
		expect(exported.headers()['content-disposition']).toMatch(/attachment/);
		const data = await exported.json();
		expect(data.format).toBe('sourcebook-learner-export/1');
		expect(data.quizAttempts).toHaveLength(1);
		expect(data.quizAttempts[0].answers).toHaveLength(5);
		expect(data.reviewCards).toHaveLength(5);
		expect(data.reviews).toHaveLength(1);
	});
});

test.describe('progress review without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a review session with plain forms; a replayed answer changes nothing', async ({ page }) => {
		test.slow();
		await missEverything(page);
		await page.goto('/review');
		await expect(page.getByText('5 reviews due')).toBeVisible();
		// Checking without an answer is refused and changes nothing.
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(page.getByRole('alert')).toHaveText('Answer the question before checking it.');
		const [item] = await questionsOnPage(page);
		await answer(item!);
		const hidden: Record<string, string> = {};
		for (const name of ['module', 'card', 'rep', 'shown'])
			hidden[name] = await page.locator(`input[name="${name}"]`).inputValue();
		await page.getByRole('button', { name: 'Check answer' }).click();
		await expect(page.getByRole('heading', { name: 'How you did' })).toBeVisible();
		// (axe needs JavaScript; the JavaScript journey scans these pages.)
		// A replay of the same post (same card and rep) is refused and records nothing.
		const replay = await page.request.post('/review?/answer', {
			form: { ...hidden, r: 'x' },
			headers: formHeaders(page),
			maxRedirects: 0
		});
		expect(replay.status()).toBe(409);
		await page.goto('/review');
		await expect(page.getByText('1 done today')).toBeVisible();
	});
});
