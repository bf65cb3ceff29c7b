/**
 * The time limit on the server clock. The test hook moves this learner's server clock forward, so nothing
 * sleeps: a warning five minutes before the end, then answers refused and the saved ones graded.
 */
import { expect, test } from './test';
import { expectNoAxeViolations } from './axe';
import { advanceClock, answer, questionsOnPage, startQuiz } from './quiz-helpers';

test('the timer warns before the end; after it, answers are refused and saved answers are graded', async ({
	page
}) => {
	const attemptUrl = await startQuiz(page);
	const [first, second] = await questionsOnPage(page);
	await answer(first!);
	await expect(first!.section.locator('.note')).toHaveText('Saved.');

	// 36 of 40 minutes gone: the warning shows (and is announced).
	await advanceClock(page, 36);
	await page.reload();
	await expect(page.getByRole('timer')).toHaveText(/^[34]:\d\d$/);
	await expect(page.getByText('Less than 5 minutes left.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Past the limit (and the grace for saves in flight): the next autosave is refused and says why.
	await advanceClock(page, 5);
	await answer(second!);
	await expect(second!.section.locator('.note')).toContainText('Not saved: Time is up');
	await expect(page.getByRole('status').filter({ hasText: /^Time is up/ })).toBeVisible();
	await expectNoAxeViolations(page);
	const late = await page.request.post(`${attemptUrl}/answers`, {
		data: { questionId: first!.id, response: null, revision: 99 }
	});
	expect(late.status()).toBe(409);

	// The attempt was graded with what had been saved in time.
	await page.reload();
	await expect(page).toHaveURL(/\/review$/);
	await expect(page.getByText('Time ran out before you submitted')).toBeVisible();
	await expect(page.getByText('(not answered)')).toHaveCount(19);
	await expect(page.locator(`section[data-question-id="${first!.id}"]`).getByText('No answer')).toHaveCount(
		0
	);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a form posted after the time limit is refused with a 409 and a way to the results', async ({
		page
	}) => {
		const attemptUrl = await startQuiz(page);
		const [first] = await questionsOnPage(page);
		await advanceClock(page, 30);
		await page.reload();
		await answer(first!);
		await advanceClock(page, 11);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.url().includes('?/save')),
			page.getByRole('button', { name: 'Save answers' }).click()
		]);
		expect(response.status()).toBe(409);
		await expect(page.getByRole('alert')).toContainText('Time is up for this attempt');
		await page.getByRole('link', { name: 'Go to your results' }).click();
		await expect(page).toHaveURL(`${attemptUrl}/review`);
		await expect(page.getByText('(not answered)')).toHaveCount(20);
	});
});
