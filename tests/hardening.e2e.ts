/**
 * Issue 12 (hardening) over HTTP and in the browser: headers on every answer, next= that cannot leave the
 * site, reads that write nothing, and malformed bodies that get a 4xx. The figures of the closing note
 * (rows per visit, guesses per burst, /healthz while the database is locked) come from unit tests and
 * docs/security.md; this journey checks what a browser and a client see.
 */
import { client, PASSWORD, signUpApi, uniqueName } from './accounts';
import { lessonUrl, lessons, openLesson } from './lesson-steps';
import { FINAL } from './quiz-helpers';
import { expect, test } from './test';

const LEARNER_COOKIE = 'sb_learner';

test.describe('headers', () => {
	test('pages carry a CSP (self, no objects, no base, no framing), nosniff and a referrer policy; no HSTS over http', async () => {
		const api = await client();
		for (const path of ['/', '/signin', FINAL, '/no-such-page']) {
			const res = await api.get(path);
			const csp = res.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy');
			const all = csp.map((h) => h.value).join(', ');
			expect(all, path).toContain("frame-ancestors 'none'");
			if (res.headers()['content-type']?.startsWith('text/html')) {
				expect(all, path).toContain("default-src 'self'");
				expect(all, path).toContain("object-src 'none'");
				expect(all, path).toContain("base-uri 'self'");
				// SvelteKit's inline start-up script is allowed by a nonce, nothing else inline.
				expect(all, path).toMatch(/script-src 'self' 'nonce-[^']+'/);
			}
			expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
			expect(res.headers()['x-frame-options'], path).toBe('DENY');
			expect(res.headers()['strict-transport-security'], path).toBeUndefined();
		}
	});

	test('a lesson works under the CSP: no violation reported, the player runs', async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		// data-ready is set once the player has hydrated: SvelteKit's start-up script ran under the policy.
		await openLesson(page, lessons[0]!.id);
		await expect(page.locator('article.lesson-card h2')).toBeVisible();
		expect(violations).toEqual([]);
	});

	test('an anonymous learner’s attempt page and /progress are private, no-store', async ({ page }) => {
		await page.goto(FINAL);
		await page.getByRole('button', { name: /^Start/ }).click();
		await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
		for (const path of [new URL(page.url()).pathname, '/progress']) {
			const res = await page.request.get(path);
			expect(res.headers()['cache-control'], path).toBe('private, no-store');
		}
	});
});

test.describe('reads write nothing', () => {
	// Issue 12, finding 3: each of these created a learner row (and set its cookie).
	test('cookie-less GETs and HEADs get no learner cookie; the first quiz start does', async () => {
		const api = await client();
		for (let i = 0; i < 25; i++) {
			for (const [method, path] of [
				['GET', '/'],
				['GET', '/join'],
				['GET', '/signin'],
				['GET', '/no-such-page'],
				['HEAD', '/'],
				['GET', FINAL]
			] as const) {
				const res = await api.fetch(path, { method });
				expect(res.headers()['set-cookie'] ?? '', `${method} ${path}`).not.toContain(LEARNER_COOKIE);
			}
		}
		expect((await api.storageState()).cookies).toEqual([]);
		const start = await api.post(`${FINAL}?/start`, { form: {}, maxRedirects: 0 });
		expect(start.status()).toBe(303);
		expect(start.headers()['set-cookie']).toContain(LEARNER_COOKIE);
	});
});

test.describe('next= stays on the site', () => {
	// Issue 12, finding 2: `/%09/evil.example/` redirected to http://evil.example/.
	test('signed in, /signin?next=/%09/evil.example/ lands on our own site', async ({ page }) => {
		const student = await signUpApi('student', 'redirect');
		await page.goto('/signin');
		await page.getByLabel('Username').fill(student.username);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/assignments$/);
		for (const next of ['/%09/evil.example/', '/%0A/evil.example/', '/./%5Cevil.example/']) {
			await page.goto(`/signin?next=${next}`);
			expect(new URL(page.url()).hostname, next).toBe('localhost');
		}
	});

	test('sign-up with a next= of a newline or a wide space redirects (no 500 after the account is made)', async () => {
		for (const next of ['/%0A/x', '/%E3%80%80/x', '/%09/evil.example/']) {
			const api = await client();
			const username = uniqueName('nexty');
			const res = await api.post(`/signup?next=${next}`, {
				form: {
					username,
					displayName: 'Next Y',
					password: PASSWORD,
					confirm: PASSWORD,
					role: 'student',
					next: decodeURIComponent(next)
				},
				maxRedirects: 0
			});
			expect(res.status(), next).toBe(303);
			const location = res.headers()['location']!;
			expect(location.startsWith('/') && !location.startsWith('//'), location).toBe(true);
		}
	});
});

test.describe('malformed bodies', () => {
	// Issue 12, finding 10: these answered 500 (Failed to parse body as FormData; Maximum call stack size).
	test('a multipart content type without a multipart body gets a 4xx on every form action', async ({
		page
	}) => {
		await page.goto(FINAL);
		await page.getByRole('button', { name: /^Start/ }).click();
		await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
		const attempt = new URL(page.url()).pathname;
		const headers = {
			origin: new URL(page.url()).origin,
			'content-type': 'multipart/form-data; boundary=x',
			accept: 'text/html'
		};
		for (const path of [
			`${attempt}?/save`,
			`${attempt}?/submit`,
			`${attempt}?/check`,
			'/review?/answer',
			'/signin'
		]) {
			const res = await page.request.post(path, { headers, data: 'this is not multipart', maxRedirects: 0 });
			expect(res.status(), path).toBeGreaterThanOrEqual(400);
			expect(res.status(), path).toBeLessThan(500);
		}
		// Nothing was submitted: the attempt is still open.
		await page.reload();
		await expect(page.locator('section[data-question-id]').first()).toBeVisible();
	});

	test('lesson progress nested 20,000 deep gets a 400 with a message', async ({ page }) => {
		await page.goto(lessonUrl(lessons[0]!.id));
		const deep = '['.repeat(20_000) + ']'.repeat(20_000);
		const res = await page.request.post(`${lessonUrl(lessons[0]!.id)}/progress`, {
			headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
			data: `{"version":1,"run":"run-00000001","snapshot":${deep},"events":[]}`
		});
		expect(res.status()).toBe(400);
		expect((await res.json()).message).toMatch(/nested deeper/);
	});
});

test.describe('lesson events are capped', () => {
	// Issue 12, finding 4: 20 saves of 100 events stored 2,000 rows for one learner.
	test('more than 100 events in a save get a 400, more than 150 in a run a 429, each with a message', async ({
		page
	}) => {
		await openLesson(page, 'lineage');
		const url = `${lessonUrl('lineage')}/progress`;
		const snapshot = {
			status: 'active',
			value: 'three-treaties',
			context: { results: {}, responses: {}, remediations: 0 }
		};
		const steps = (from: number, count: number) =>
			Array.from({ length: count }, (_, i) => ({
				id: `cap-step-${String(from + i).padStart(5, '0')}`,
				type: 'remediation.taken',
				step: 'order'
			}));
		const post = (events: unknown[]) =>
			page.request.post(url, { data: { version: 1, run: 'run-cap-00001', snapshot, events } });
		const tooMany = await post(steps(0, 101));
		expect(tooMany.status()).toBe(400);
		expect((await tooMany.json()).message).toMatch(/at most 100 events in one save/);
		expect((await post(steps(0, 100))).status()).toBe(200);
		expect((await post(steps(100, 50))).status()).toBe(200);
		const overRun = await post(steps(150, 1));
		expect(overRun.status()).toBe(429);
		expect((await overRun.json()).message).toMatch(
			/one run keeps at most 150.*nothing from this save was kept/
		);
	});
});
