/**
 * Issue 4, security: each server rule refuses a tampered request with a clear 4xx and changes nothing;
 * replayed submissions have exactly one effect.
 */
import { expect, test, type Page } from './test';
import {
	answer,
	answerFields,
	bankQuestions,
	FINAL,
	formHeaders,
	questionsOnPage,
	startQuiz
} from './quiz-helpers';

const saveJson = (page: Page, attemptUrl: string, body: unknown) =>
	page.request.post(`${attemptUrl}/answers`, { data: body });

async function saveFirst(page: Page): Promise<void> {
	const [first] = await questionsOnPage(page);
	await answer(first!);
	await expect(first!.section.locator('.note')).toHaveText('Saved.');
}

test('answers to questions outside the attempt, malformed answers and stale revisions change nothing', async ({
	page
}) => {
	const attemptUrl = await startQuiz(page);
	await saveFirst(page);
	const questions = await questionsOnPage(page);
	const drawn = new Set(questions.map((q) => q.id));
	const notDrawn = [...bankQuestions().values()].find((q) => q.use === 'assessment' && !drawn.has(q.id))!.id;
	const choice = questions.find((q) => q.type === 'single' || q.type === 'multiple')!;
	const before = await answerFields(page);

	const refusals: [string, Promise<{ status(): number; json(): Promise<{ message: string }> }>, number][] = [
		[
			'a question not drawn',
			saveJson(page, attemptUrl, { questionId: notDrawn, response: null, revision: 9 }),
			400
		],
		[
			'an unknown question',
			saveJson(page, attemptUrl, { questionId: 'no-such-question', response: null, revision: 9 }),
			400
		],
		[
			'an option that does not exist',
			saveJson(page, attemptUrl, { questionId: choice.id, response: 'zzz', revision: 9 }),
			422
		],
		[
			'an operator object',
			saveJson(page, attemptUrl, { questionId: choice.id, response: { $gt: '' }, revision: 9 }),
			422
		],
		['no revision', saveJson(page, attemptUrl, { questionId: choice.id, response: null }), 400],
		[
			'a negative revision',
			saveJson(page, attemptUrl, { questionId: choice.id, response: null, revision: -1 }),
			400
		],
		[
			'a form-encoded autosave',
			page.request.post(`${attemptUrl}/answers`, {
				form: { questionId: choice.id },
				headers: formHeaders(page)
			}),
			415
		],
		[
			'a form naming a question outside the attempt',
			page.request.post(`${attemptUrl}?/save`, {
				form: { shown: notDrawn, [`q.${notDrawn}`]: 'a' },
				headers: formHeaders(page)
			}),
			400
		],
		[
			'a form with an answer that is not an option',
			page.request.post(`${attemptUrl}?/save`, {
				form: { shown: choice.id, [`q.${choice.id}`]: 'zzz' },
				headers: formHeaders(page)
			}),
			422
		]
	];
	for (const [what, request, status] of refusals) {
		const response = await request;
		expect(response.status(), what).toBe(status);
	}
	// A cross-site form post is stopped by SvelteKit's origin check.
	const crossSite = await page.request.post(`${attemptUrl}?/save`, {
		form: { shown: choice.id, [`q.${choice.id}`]: 'a' },
		headers: { origin: 'https://evil.example', accept: 'text/html' }
	});
	expect(crossSite.status()).toBe(403);
	// An older revision arriving late is acknowledged but does not overwrite the newer answer.
	const stale = await saveJson(page, attemptUrl, {
		questionId: questions[0]!.id,
		response: null,
		revision: 1
	});
	expect(stale.status()).toBe(200);
	expect(await stale.json()).toMatchObject({ stored: false });

	await page.reload();
	expect(await answerFields(page)).toEqual(before);
});

test('another learner’s attempt is a 404 for every page, action and endpoint', async ({ page, browser }) => {
	const attemptUrl = await startQuiz(page);
	await saveFirst(page);
	const before = await answerFields(page);
	const [first] = await questionsOnPage(page);

	const other = await browser.newContext();
	const intruder = await other.newPage();
	await intruder.goto('/');
	const origin = new URL(intruder.url()).origin;
	for (const path of [attemptUrl, `${attemptUrl}/review`]) {
		expect((await intruder.request.get(path)).status(), path).toBe(404);
	}
	expect(
		(
			await intruder.request.post(`${attemptUrl}/answers`, {
				data: { questionId: first!.id, response: null, revision: 99 }
			})
		).status()
	).toBe(404);
	for (const action of ['save', 'submit', 'check']) {
		const response = await intruder.request.post(`${attemptUrl}?/${action}`, {
			form: { shown: first!.id, confirm: 'yes', check: first!.id },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(404);
	}
	await other.close();

	await page.reload();
	await expect(page).toHaveURL(new RegExp(`${attemptUrl}$`));
	expect(await answerFields(page)).toEqual(before);
});

test('after submitting, answers are refused and the results stay as graded', async ({ page }) => {
	const attemptUrl = await startQuiz(page);
	await saveFirst(page);
	const [first] = await questionsOnPage(page);
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page).toHaveURL(/\/review$/);
	const results = await page.locator('main').innerText();

	const late = await saveJson(page, attemptUrl, { questionId: first!.id, response: null, revision: 99 });
	expect(late.status()).toBe(409);
	expect((await late.json()).message).toMatch(/submitted/);
	const form = await page.request.post(`${attemptUrl}?/save`, {
		form: { shown: first!.id },
		headers: formHeaders(page)
	});
	expect(form.status()).toBe(409);
	expect(await form.text()).toContain('Go to your results');
	const check = await page.request.post(`${attemptUrl}?/check`, {
		form: { check: first!.id },
		headers: formHeaders(page)
	});
	expect(check.status()).toBe(409);

	await page.reload();
	expect(await page.locator('main').innerText()).toEqual(results);
});

test('20 parallel submits of one attempt give exactly one graded attempt', async ({ page }) => {
	const attemptUrl = await startQuiz(page);
	await saveFirst(page);
	const responses = await Promise.all(
		Array.from({ length: 20 }, () =>
			page.request.post(`${attemptUrl}?/submit`, {
				form: { confirm: 'yes' },
				headers: formHeaders(page),
				maxRedirects: 0
			})
		)
	);
	expect(responses.map((r) => r.status())).toEqual(Array(20).fill(303));
	expect(new Set(responses.map((r) => r.headers()['location']))).toEqual(new Set([`${attemptUrl}/review`]));

	await page.goto(FINAL);
	await expect(page.getByText('1 of 2 attempts used')).toBeVisible();
	await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
	await page.goto(`${attemptUrl}/review`);
	// The replays carried no answer fields and changed nothing: the saved answer was graded.
	await expect(
		page
			.locator('section[data-question-id]')
			.first()
			.getByText(/^(Correct|Partly right|Incorrect)$/)
	).toBeVisible();
});

test('a start beyond the attempt limit is refused and starts nothing', async ({ page }) => {
	await page.goto(FINAL);
	const start = () =>
		page.request.post(`${FINAL}?/start`, { form: {}, headers: formHeaders(page), maxRedirects: 0 });
	for (let i = 0; i < 2; i++) {
		const started = await start();
		expect(started.status()).toBe(303);
		const attemptUrl = started.headers()['location']!;
		const submitted = await page.request.post(`${attemptUrl}?/submit`, {
			form: { confirm: 'yes' },
			headers: formHeaders(page),
			maxRedirects: 0
		});
		expect(submitted.status()).toBe(303);
	}
	const third = await start();
	expect(third.status()).toBe(409);
	expect(await third.text()).toContain('You have used all 2 attempts at this quiz.');
	await page.goto(FINAL);
	await expect(page.getByText('2 of 2 attempts used')).toBeVisible();
	await expect(page.getByRole('button', { name: /^Start/ })).toHaveCount(0);
	await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
});
