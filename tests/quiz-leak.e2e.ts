/**
 * Issue 4: assessment keys and explanations appear in no response before the attempt is graded. Every
 * response body the browser receives from the quiz's intro page until just before "Submit now" (HTML,
 * __data.json, form-action and autosave JSON, JS chunks) is scanned for the secret text of the attempt's
 * questions (from the bank files); after grading, the review must show it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Response } from './test';
import {
	answer,
	bankQuestions,
	FINAL,
	formHeaders,
	fragments,
	heldOnReview,
	questionsOnPage,
	secretsOf,
	SOURCES
} from './quiz-helpers';

interface Recorded {
	url: string;
	kind: 'html' | 'data' | 'json' | 'js' | 'other';
	body: string;
}

function kindOf(response: Response): Recorded['kind'] {
	const url = new URL(response.url());
	const type = response.headers()['content-type'] ?? '';
	if (url.pathname.endsWith('__data.json')) return 'data';
	if (type.includes('text/html')) return 'html';
	if (type.includes('json')) return 'json';
	if (type.includes('javascript')) return 'js';
	return 'other';
}

/** Object keys that only secret fields use, in JSON ("why":), devalue (why:) or nested JSON (\"why\":) form. */
const SECRET_KEYS = /(?:^|[^A-Za-z-])\\?"?(explanation|why|accept|reject|tolerance|citations)\\?"?\s*:/;

test('no key or explanation of the attempt’s questions reaches the browser before grading', async ({
	page
}) => {
	const recorded: Recorded[] = [];
	const pending: Promise<void>[] = [];
	let recording = true;
	page.on('response', (response) => {
		if (!recording || (response.status() >= 300 && response.status() < 400)) return;
		pending.push(
			response
				.body()
				.then(
					(body) =>
						void recorded.push({ url: response.url(), kind: kindOf(response), body: body.toString('utf8') })
				)
				.catch(() => undefined)
		);
	});

	// Start from the intro page (HTML); the enhanced start posts an action (JSON) and loads the attempt
	// client-side (__data.json and the route's JS chunks).
	await page.goto(FINAL);
	await page.getByRole('button', { name: /^Start/ }).click();
	await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
	const attemptUrl = new URL(page.url()).pathname;
	const questions = await questionsOnPage(page);
	expect(questions).toHaveLength(20);

	// Answer everything (autosave JSON), save with the form (action JSON), reload (server-rendered HTML),
	// ask to submit (confirmation JSON), and try the review early (redirected back, nothing revealed).
	for (const q of questions) await answer(q);
	await expect(page.getByRole('status').filter({ hasText: 'All answers saved.' })).toBeVisible();
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'All answers saved.' })).toBeVisible();
	await page.reload();
	await page.goto(`${attemptUrl}/review`);
	await expect(page).toHaveURL(new RegExp(`${attemptUrl}$`));
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await expect(page.getByRole('heading', { name: 'Submit this attempt?' })).toBeVisible();
	// Requests a script could make directly: the review's data and a no-JS form post of the review page.
	for (const path of [`${attemptUrl}/review/__data.json`, `${attemptUrl}/__data.json`]) {
		const response = await page.request.get(path);
		recorded.push({ url: path, kind: 'data', body: await response.text() });
	}
	const early = await page.request.get(`${attemptUrl}/review`, {
		headers: formHeaders(page),
		maxRedirects: 0
	});
	expect(early.status()).toBe(303);
	await Promise.all(pending);
	recording = false;

	const ids = questions.map((q) => q.id);
	const { byQuestion, explanations } = secretsOf(ids);
	const leaks: string[] = [];
	for (const r of recorded) {
		for (const [id, secrets] of byQuestion) {
			const hit = secrets.find((s) => r.body.includes(s));
			if (hit) leaks.push(`${r.kind} ${r.url}: ${id}: “${hit.slice(0, 60)}…”`);
		}
		if (r.kind === 'data' || r.kind === 'json') {
			const key = SECRET_KEYS.exec(r.body);
			if (key) leaks.push(`${r.kind} ${r.url}: secret field "${key[1]}"`);
		}
		if (r.kind === 'html') {
			const inline = [...r.body.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
			const key = SECRET_KEYS.exec(inline);
			if (key) leaks.push(`html ${r.url}: secret field "${key[1]}" in inline data`);
		}
	}
	const count = (kind: Recorded['kind']) => recorded.filter((r) => r.kind === kind).length;
	const summary = `scanned ${recorded.length} responses (html ${count('html')}, __data.json ${count('data')}, json ${count('json')}, js ${count('js')}, other ${count('other')}) for ${[...byQuestion.values()].flat().length} secret fragments of ${ids.length} questions`;
	console.log(`leak test: ${summary}`);
	test.info().annotations.push({ type: 'leak-test', description: summary });
	expect(count('html')).toBeGreaterThanOrEqual(2);
	expect(count('data')).toBeGreaterThanOrEqual(2);
	expect(count('json')).toBeGreaterThanOrEqual(20);
	expect(count('js')).toBeGreaterThanOrEqual(5);
	expect(leaks, 'secrets in responses before grading').toEqual([]);

	// After grading, the review shows every explanation.
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page).toHaveURL(/\/review$/);
	const html = await (
		await page.request.get(new URL(page.url()).pathname, { headers: { accept: 'text/html' } })
	).text();
	// A question that another journey's open assignment attempt holds (journeys share one database) shows
	// none of its secrets; every other one shows its explanation and every option's why.
	const held = await heldOnReview(page);
	const shown = ids.filter((id) => !held.has(id));
	const missing = shown.filter((id) => !(explanations.get(id) ?? []).every((p) => html.includes(p)));
	expect(missing, 'explanations missing from the review').toEqual([]);
	// (Two explanations at most may be all quotation of public text, which proves nothing either way.)
	expect(shown.filter((id) => explanations.get(id)?.length).length).toBeGreaterThanOrEqual(shown.length - 2);
	const banks = bankQuestions();
	const whys = shown.flatMap((id) => (banks.get(id)?.options ?? []).flatMap((o) => fragments(o.why)));
	expect(whys.filter((w) => !html.includes(w))).toEqual([]);
	// A held question still shows its cited passages, and the documents are public: a secret fragment that
	// only quotes a document proves nothing.
	const documents = readdirSync(SOURCES)
		.map((f) => readFileSync(join(SOURCES, f), 'utf8'))
		.join('\n')
		.replace(/\s+/g, ' ');
	const heldLeaks = [...held].filter((id) =>
		byQuestion.get(id)!.some((s) => html.includes(s) && !documents.includes(s))
	);
	expect(heldLeaks, 'secrets of held questions on the review').toEqual([]);
});
