import { expect, test } from './test';
import { expectNoAxeViolations } from './axe';
import { answer, answerFields, heldOnReview, questionsOnPage, startQuiz } from './quiz-helpers';

test.describe('the final quiz with JavaScript', () => {
	test('start, autosave every answer, reload restores them, confirm counts unanswered, submit, review', async ({
		page
	}) => {
		// Twenty questions, five axe scans and a reader visit: allow for a slow, shared machine.
		test.slow();
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Quizzes' }).first()).toBeVisible();
		await page.getByRole('link', { name: 'Final module quiz' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Final module quiz' })).toBeVisible();
		await expect(page.getByText('0 of 2 attempts used')).toBeVisible();
		await expectNoAxeViolations(page);

		await startQuiz(page);
		const questions = await questionsOnPage(page);
		expect(questions).toHaveLength(20);
		await expect(page.getByRole('timer')).toHaveText(/^(40:00|39:\d\d)$/);
		await expect(page.getByRole('status').filter({ hasText: 'saved as you go' })).toBeVisible();
		// Unanswered state.
		await expectNoAxeViolations(page);

		// Answer all but the last two; each is autosaved within 2 s of the change.
		for (const q of questions.slice(0, -2)) {
			await answer(q);
			await expect(q.section.locator('.note')).toHaveText('Saved.', { timeout: 2_000 });
		}
		await expect(page.getByRole('status').filter({ hasText: 'All answers saved.' })).toBeVisible();
		await expect(page.getByText('18 of 20 answered')).toBeVisible();
		const before = await answerFields(page);
		// Answered state.
		await expectNoAxeViolations(page);

		await page.reload();
		await expect(page.getByText('18 of 20 answered')).toBeVisible();
		expect(await answerFields(page)).toEqual(before);

		await page.getByRole('button', { name: 'Submit quiz…' }).click();
		await expect(page.getByRole('heading', { name: 'Submit this attempt?' })).toBeFocused();
		await expect(page.getByText('2 of 20 questions are unanswered.')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Submit now' }).click();

		await expect(page).toHaveURL(/\/review$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Results: Final module quiz' })).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 2, name: /^(Passed|Not passed yet): \d+%$/ })
		).toBeVisible();
		const reviewed = page.locator('section[data-question-id]');
		await expect(reviewed).toHaveCount(20);
		// Every question shows an explanation and at least one citation link into the reader, unless another
		// journey's open assignment attempt holds its key: then it says so and shows no explanation.
		const held = await heldOnReview(page);
		for (const { id, section } of await questionsOnPage(page)) {
			if (held.has(id)) {
				await expect(section.getByRole('heading', { name: 'Explanation' })).toHaveCount(0);
				continue;
			}
			await expect(section.getByRole('heading', { name: 'Explanation' })).toBeVisible();
			await expect(section.locator('figcaption a').first()).toHaveAttribute(
				'href',
				/\/sources\/[a-z-]+\?p=\d+&from=\d+&to=\d+#cited$/
			);
		}
		// The two unanswered questions are among "my mistakes".
		const mistakes = page.getByRole('region', { name: 'My mistakes' }).getByRole('listitem');
		expect(await mistakes.count()).toBeGreaterThanOrEqual(2);
		await expect(page.getByText('(not answered)')).toHaveCount(2);
		await expectNoAxeViolations(page);

		// A citation link opens the reader with the passage highlighted.
		const cited = reviewed.filter({ has: page.locator('figcaption a') }).first();
		const link = cited.locator('figcaption a').first();
		const marked = (await cited.locator('blockquote mark').first().textContent()) ?? '';
		await link.click();
		await expect(page.locator('mark#cited')).toHaveText(marked);
		await expect(page.locator('mark#cited')).toBeFocused();

		// The catalog lists the attempt.
		await page.goto('/');
		await expect(page.getByRole('listitem').filter({ hasText: 'Final module quiz' })).toContainText(
			/1 of 2 attempts used · best \d+%/
		);
	});

	test('immediate feedback: checking an answer shows that question’s feedback only and locks it', async ({
		page
	}) => {
		await page.goto('/');
		// Find a quiz with per-question feedback from its intro page (content-agnostic).
		const links = await page.locator('ul.quizzes a').all();
		let found = false;
		for (const href of await Promise.all(links.map((l) => l.getAttribute('href')))) {
			await page.goto(href!);
			if (await page.getByText('You can check each answer as you go').isVisible()) {
				found = true;
				break;
			}
		}
		expect(found, 'a quiz with immediate feedback').toBe(true);
		await page.getByRole('button', { name: /^Start/ }).click();
		await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
		const [first, second] = await questionsOnPage(page);
		await answer(first!);
		await first!.section.getByRole('button', { name: 'Check answer 1' }).click();
		const feedback = page.getByRole('region', { name: 'Feedback on question 1' });
		await expect(feedback).toBeFocused();
		// Another journey's open assignment attempt may hold this question's key (they share one database):
		// then the feedback says so and shows no explanation.
		if (await feedback.getByRole('note').filter({ hasText: 'The answer is held for now.' }).count())
			await expect(feedback.getByRole('heading', { name: 'Explanation' })).toHaveCount(0);
		else await expect(feedback.getByRole('heading', { name: 'Explanation' })).toBeVisible();
		await expect(feedback.getByText(/^(Correct|Partly right|Incorrect)$/)).toBeVisible();
		// Checking locks the answer: the question's fieldset (and so every field in it) is disabled.
		await expect(first!.section.locator('fieldset')).toHaveAttribute('disabled');
		for (const field of await first!.section.locator('input, select').all())
			await expect(field).toBeDisabled();
		await expect(page.getByRole('region', { name: 'Feedback on question 2' })).toHaveCount(0);
		await expect(second!.section.getByRole('button', { name: 'Check answer 2' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('autosave says when it is offline and retries until the answer is saved', async ({
		page,
		context
	}) => {
		await startQuiz(page);
		const [q] = await questionsOnPage(page);
		await context.setOffline(true);
		await answer(q!);
		await expect(page.getByRole('status').filter({ hasText: /^Offline: .*retrying in \d+ s/ })).toBeVisible();
		await expect(q!.section.locator('.note')).toHaveText('Not saved yet: offline, retrying.');
		await context.setOffline(false);
		await expect(q!.section.locator('.note')).toHaveText('Saved.', { timeout: 20_000 });
		await expect(page.getByRole('status').filter({ hasText: 'All answers saved.' })).toBeVisible();
		await page.reload();
		await expect(page.getByText('1 of 20 answered')).toBeVisible();
	});

	test('a refused save is shown on the question (error state)', async ({ page }) => {
		await startQuiz(page);
		await page.route('**/answers', (route) =>
			route.fulfill({
				status: 422,
				contentType: 'application/json',
				body: JSON.stringify({ message: 'Answer not saved: a test refusal.' })
			})
		);
		const [q] = await questionsOnPage(page);
		await answer(q!);
		await expect(q!.section.locator('.note')).toHaveText('Not saved: Answer not saved: a test refusal.');
		await expect(page.getByRole('status').filter({ hasText: 'Some answers were not saved' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});

test.describe('the final quiz without JavaScript', () => {
	// axe runs as a page script, so it cannot run here; the same server-rendered markup is checked with JS on.
	test.use({ javaScriptEnabled: false });

	test('start, answer, save, reload, confirm and submit with plain forms', async ({ page }) => {
		await startQuiz(page);
		const questions = await questionsOnPage(page);
		expect(questions).toHaveLength(20);
		await expect(page.getByRole('timer')).toHaveText(/^(40:00|39:\d\d)$/);
		for (const q of questions.slice(0, 10)) await answer(q);
		await page.getByRole('button', { name: 'Save answers' }).click();
		await expect(page.getByText('10 of 20 answered')).toBeVisible();
		const saved = await answerFields(page);
		await page.reload();
		expect(await answerFields(page)).toEqual(saved);

		for (const q of questions.slice(10)) await answer(q);
		// An ordering with two items in the same place is not an answer: it is reported, not saved.
		const ordering = questions.find((q) => q.type === 'ordering');
		if (ordering) {
			const selects = ordering.section.locator('select');
			await selects.nth(1).selectOption('1');
			await selects.nth(0).selectOption('1');
		}
		await page.getByRole('button', { name: 'Submit quiz…' }).click();
		await expect(page.getByRole('heading', { name: 'Submit this attempt?' })).toBeVisible();
		// A saved ordering stays saved; one never saved stays unanswered.
		const unanswered = ordering && questions.indexOf(ordering) >= 10 ? 1 : 0;
		await expect(
			page.getByText(unanswered ? '1 of 20 questions is unanswered.' : 'You have answered all 20 questions.')
		).toBeVisible();
		if (ordering) await expect(page.getByRole('alert')).toContainText('give each item a different position');
		await page.getByRole('button', { name: 'Submit now' }).click();
		await expect(page).toHaveURL(/\/review$/);
		await expect(page.locator('section[data-question-id]')).toHaveCount(20);
		await expect(page.getByRole('heading', { name: 'My mistakes' })).toBeVisible();
	});
});

test('the quiz can be answered and submitted with the keyboard alone', async ({ page }) => {
	await startQuiz(page);
	const questions = await questionsOnPage(page);
	const target = questions.findIndex((q) => q.type === 'single' || q.type === 'true-false');
	expect(target).toBeGreaterThanOrEqual(0);
	const n = target + 1;
	// Jump there from the question navigator, then Tab into the answers and pick one with the arrow keys.
	await page
		.getByRole('navigation', { name: 'Questions' })
		.getByRole('link', { name: `Question ${n}, not answered` })
		.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator(`#q-${n}`)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(questions[target]!.section.getByRole('radio').first()).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await expect(questions[target]!.section.getByRole('radio').nth(1)).toBeChecked();
	await expect(questions[target]!.section.locator('.note')).toHaveText('Saved.');
	await expect(page.getByRole('link', { name: `Question ${n}, answered` })).toBeVisible();
	// Submit: focus the button, Enter, then confirm with Enter.
	await page.getByRole('button', { name: 'Submit quiz…' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Submit this attempt?' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Submit now' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/review$/);
});
