import { expect, test, type Page } from './test';
import { signUpApi } from './accounts';
import { expectNoAxeViolations } from './axe';
import {
	answerAndCheck,
	cardHeading,
	expectCard,
	lessonById,
	lessonUrl,
	lessons,
	MODULE,
	openLesson,
	reloadLesson,
	walkStep
} from './lesson-steps';

const stepCount = (page: Page) => page.locator('#step-count');
const saved = (page: Page) => expect(page.locator('.sync')).toHaveText('Your place is saved.');
// The lesson's own row: quizzes on the same objective have similar titles ("Quiz: reading the sources…").
const catalogRow = (page: Page, title: string) =>
	page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();

test.describe('each lesson, walked by a student', () => {
	for (const lesson of lessons) {
		test(`${lesson.title}: every check right first time`, async ({ page }) => {
			await openLesson(page, lesson.id);
			for (const [i, step] of lesson.steps.entries()) {
				await expect(stepCount(page)).toContainText(`Step ${i + 1} of ${lesson.steps.length}: ${step.label}`);
				await expect(
					page.getByRole('list', { name: 'Lesson path' }).locator('[aria-current="step"]')
				).toContainText(step.label);
				await walkStep(page, step, 'right');
			}
			await expect(page.getByText('Lesson passed.')).toBeVisible();
			await saved(page);
			await page.goto('/');
			await expect(catalogRow(page, lesson.title)).toContainText('Completed');
		});

		test(`${lesson.title}: a wrong answer leads to a remediation with the cited passage, then a fresh check`, async ({
			page
		}) => {
			await openLesson(page, lesson.id);
			const firstCheck = lesson.steps.findIndex((s) => s.card.kind === 'check' || s.card.kind === 'scenario');
			for (const [i, step] of lesson.steps.entries()) {
				if (i !== firstCheck) {
					await walkStep(page, step, 'right');
					continue;
				}
				await walkStep(page, step, 'remediate', async (card) => {
					if (card !== 'remediation') return;
					await expect(stepCount(page)).toContainText('· Remediation');
					// The remediation shows the passage itself, highlighted, with a link into the reader.
					const passage = page.locator('article.lesson-card figure.passage').first();
					await expect(passage.locator('mark')).not.toBeEmpty();
					await expect(passage.getByRole('link')).toHaveAttribute(
						'href',
						new RegExp(`^/modules/${MODULE}/sources/[a-z-]+\\?p=\\d+&from=\\d+&to=\\d+#cited$`)
					);
				});
			}
			await expect(page.getByText('Lesson passed.')).toBeVisible();
			await expect(page.getByText(/right after one remediation/)).toBeVisible();
		});
	}
});

test('the module starts with “Meet the sources”: who wrote each document, before either is used as evidence', async ({
	page
}) => {
	// Issue 14: provenance comes first, in module order, and the documents go by their names, never by letters.
	await page.goto(`/modules/${MODULE}`);
	const lessonLinks = page.getByRole('region', { name: 'Lessons' }).getByRole('link');
	await expect(lessonLinks.first()).toHaveText('Meet the sources');
	await lessonLinks.first().click();
	await expect(page.locator('.lesson[data-ready="true"]')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meet the sources');
	await expect(stepCount(page)).toContainText('Step 1 of 6: The GIS analysis');
	// The first card of a page load takes no focus (only cards that replace one do).
	await expect(cardHeading(page)).toHaveText('The GIS analysis: a firm’s forecast for its clients');
	for (const who of ['Who and for whom:', 'When:', 'Why:', 'What it leaves out:'])
		await expect(page.locator('article.lesson-card').getByText(who)).toBeVisible();
	await expect(page.locator('article.lesson-card')).not.toContainText(/Document [AB]\b/);
	await expectNoAxeViolations(page);
	await next(page);
	await expectCard(page, 'The Sputnik report: Russian state media on the vote');
	await next(page);
	// The first check: which document is which. A wrong answer is remediated from the documents' edges.
	await answerAndCheck(page, 'l-src-meet', 'wrong');
	await expectCard(page, 'Read the first and last lines');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Try a different question' }).click();
	await answerAndCheck(page, 'l-src-meet-retry', 'right');
	await next(page);
	await expectCard(page, 'What both documents leave out');
	await expect(page.getByText('From the public record: context, not in the documents')).toBeVisible();
});

test('a missed re-check shows the answer, and the summary says the lesson is not passed yet', async ({
	page
}) => {
	const lesson = lessonById('timeline');
	await openLesson(page, lesson.id);
	for (const [i, step] of lesson.steps.entries()) await walkStep(page, step, i === 1 ? 'miss' : 'right');
	await expect(page.getByText('Lesson not passed yet.')).toBeVisible();
	await expect(page.getByText('You passed 2 of 3 checks.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'the date: missed' })).toBeVisible();
	await page.getByRole('button', { name: 'Start this lesson again' }).click();
	await expectCard(page, lesson.steps[0]!.card.title);
	await expect(stepCount(page)).toContainText('Step 1 of 7');
});

test('reloading mid-lesson resumes at the same card, remediation and all', async ({ page }) => {
	const lesson = lessonById('lineage');
	await openLesson(page, lesson.id);
	await next(page);
	await answerAndCheck(page, 'l-lin-1961-defence', 'wrong');
	await expectCard(page, 'Read the two sentences side by side');
	await saved(page);
	await reloadLesson(page);
	await expect(cardHeading(page)).toHaveText('Read the two sentences side by side');
	await expect(stepCount(page)).toContainText('Step 2 of 7: Check: defence clauses · Remediation');
	await page.getByText('Your answer').click();
	await expect(page.getByRole('radio', { name: 'False' })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'False' })).toBeDisabled();

	await page.getByRole('button', { name: 'Try a different question' }).click();
	await expectCard(page, 'Try a different question');
	await saved(page);
	await reloadLesson(page);
	await expect(cardHeading(page)).toHaveText('Try a different question');
	await expect(
		page.getByRole('group', { name: /kept its clause on mutual military assistance/ })
	).toBeVisible();

	await page.goto('/');
	await expect(catalogRow(page, lesson.title)).toContainText('In progress: step 2 of 7');
	await expect(catalogRow(page, lessonById('timeline').title)).toContainText('Not started');
});

test.describe('alliance logic', () => {
	test('the decision flow leads to each rung of the staged trigger', async ({ page }) => {
		await openLesson(page, 'alliance-logic');
		for (let i = 0; i < 3; i++) await next(page);
		await expectCard(page, 'Step through the decision flow');
		await expectNoAxeViolations(page);
		const answerFlow = async (answers: ('Yes' | 'No')[], result: string) => {
			for (const a of answers) await page.getByRole('button', { name: a, exact: true }).click();
			await expect(page.locator('#flow-result')).toHaveText(result);
			await expect(page.locator('#flow-result')).toBeFocused();
			await expect(page.getByRole('list').filter({ hasText: 'Has an armed attack' })).toContainText(
				answers.at(0)!
			);
		};
		await answerFlow(['No', 'Yes'], 'Article 3: immediate consultations');
		await expect(page.getByText('Is there an imminent threat of armed aggression')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Try another path' }).click();
		await expect(page.locator('#flow-question')).toBeFocused();
		await answerFlow(['No', 'No', 'Yes'], 'Article 8: joint activities to strengthen defence capabilities');
		await page.getByRole('button', { name: 'Try another path' }).click();
		await answerFlow(['No', 'No', 'No'], 'No treaty trigger');
		await page.getByRole('button', { name: 'Try another path' }).click();
		await page.getByRole('button', { name: 'No', exact: true }).click();
		await page.getByRole('button', { name: 'Start the flow again' }).click();
		await answerFlow(['Yes'], 'Article 4: immediate military and other assistance');
		await page.getByRole('button', { name: 'Next: the scenarios' }).click();
		await expectCard(page, 'Scenario 1: an attack from outside');
		await page.getByRole('button', { name: 'Back' }).click();
		await expectCard(page, 'Step through the decision flow');
	});

	test('six scenarios: targeted remediation for the wrong outcome, and contested cases explained', async ({
		page
	}) => {
		// Thirteen steps, two remediations and three axe audits: more than the default minute on a busy machine.
		test.slow();
		const lesson = lessonById('alliance-logic');
		await openLesson(page, lesson.id);
		for (const step of lesson.steps.slice(0, 4)) await walkStep(page, step, 'right');

		// 1. An attack from outside: "consultations" is the tempting wrong rung.
		await answerAndCheck(page, 'l-all-attack', { choice: 'consult' });
		await expectCard(page, 'Consultations come before an attack, not after');
		await expect(page.getByText('✗ Not quite.')).toBeVisible();
		await expect(page.getByText('Consultations are for an imminent threat, before an attack.')).toBeVisible();
		await page.getByRole('button', { name: 'Try a different question' }).click();
		await answerAndCheck(page, 'l-all-attack-retry', 'right');
		await expectCard(page, 'Assistance: the attack has happened');
		await next(page);

		// 2. Warships, nothing fired: consultations, right first time.
		await answerAndCheck(page, 'l-all-warships', 'right');
		await expectCard(page, 'Consultations: the threat is imminent');
		await next(page);

		// 3. Arms for Ukraine: no trigger; "assistance" gets its own remediation.
		await answerAndCheck(page, 'l-all-arms', { choice: 'assist' });
		await expectCard(page, 'No attack on a party');
		await page.getByRole('button', { name: 'Try a different question' }).click();
		await answerAndCheck(page, 'l-all-arms-retry', 'right');
		await expectCard(page, 'No trigger: a warning is policy, not a clause');
		await next(page);

		// 4. Joint training: Article 8; "contested" is answered by its own card.
		await answerAndCheck(page, 'l-all-training', { choice: 'contested' });
		await expectCard(page, 'Contested? Only the Sputnik report’s gloss');
		await expect(page.getByText('From the public record: context, not in the documents')).toBeVisible();
		await page.getByRole('button', { name: 'Try a different question' }).click();
		await answerAndCheck(page, 'l-all-training-retry', 'right');
		await next(page);

		// 5. North Korea fires first: contested. Picking "assistance" is explained, not simply marked wrong.
		await answerAndCheck(page, 'l-all-first-strike', { choice: 'assist' });
		await expectCard(page, 'Not so fast: assistance is for self-defence');
		await expect(
			page.getByText('Not settled: the documents leave this one open.', { exact: true })
		).toBeVisible();
		await expect(page.getByText('✗ Not quite.')).toHaveCount(0);
		await expect(page.getByText('Your reading is the one Pyongyang would give.')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Try a different question' }).click();
		await answerAndCheck(page, 'l-all-first-strike-retry', 'right');
		await expectCard(page, 'Contested: who is the victim of aggression?');
		await next(page);

		// 6. Kursk: not settled by the documents, right first time, with the reason spelled out and the
		// incursion labelled as public record.
		await answerAndCheck(page, 'l-all-kursk', 'right');
		await expectCard(page, 'Not settled by the documents: say what they say');
		await expect(page.getByText(/Neither says Article 4, or any article, was invoked/)).toBeVisible();
		await expect(
			page.getByText(/In August 2024 Ukraine’s forces crossed into Russia’s Kursk region/)
		).toBeVisible();
		await next(page);

		// 7. What happened next (issue 14): the 2025 record, dated and labelled, then a check on why documents
		// from autumn 2024 could not say it; the "both deny it" misreading gets the remediation.
		await expectCard(page, 'What happened next, and why the documents could not say it');
		await expect(page.getByText(/On 26 April 2025 Russia’s chief of the general staff/)).toBeVisible();
		await expect(page.getByText(/On 28 April 2025 North Korea’s state agency KCNA/)).toBeVisible();
		await expectNoAxeViolations(page);
		await next(page);
		await answerAndCheck(page, 'l-all-hindsight', { choice: 'deny' });
		await expectCard(page, 'Date the documents before you read them');
		await page.getByRole('button', { name: 'Try a different question' }).click();
		await answerAndCheck(page, 'l-all-hindsight-retry', 'right');
		await next(page);

		await expectCard(page, 'Summary: the staged trigger');
		await expect(page.getByText('Lesson passed.')).toBeVisible();
		await expect(
			page.getByRole('listitem').filter({ hasText: 'an attack: right after one remediation' })
		).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'Kursk: right first time' })).toBeVisible();

		// On to the next lesson without a page load: a fresh player for the new lesson.
		await page
			.getByRole('link', { name: 'Next lesson: Beyond defence: what else the treaty covers' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Beyond defence: what else the treaty covers'
		);
		await expect(stepCount(page)).toContainText('Step 1 of 7');
		await expect(page.locator('.lesson[data-ready="true"]')).toBeVisible();
		await next(page);
		await expectCard(page, 'Check: what does the treaty cover?');
	});
});

test('axe reports no violations on any card type', async ({ page }) => {
	const seen = new Set<string>();
	const audit = async (kind: string) => {
		if (seen.has(kind)) return;
		seen.add(kind);
		await expectNoAxeViolations(page);
	};
	const lesson = lessonById('lineage');
	await openLesson(page, lesson.id);
	for (const [i, step] of lesson.steps.entries()) {
		await walkStep(page, step, i === 1 ? 'miss' : i === 3 ? 'remediate' : 'right', audit);
	}
	expect([...seen].sort()).toEqual(
		['answer shown', 'check', 'explain', 'remediation', 're-check', 'right', 'summary'].sort()
	);
	await page.goto('/');
	await expectNoAxeViolations(page);
});

test('keyboard only: focus lands on each new card and every control is reachable', async ({ page }) => {
	const tabTo = async (name: RegExp) => {
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const label = await page.evaluate(() => {
				const el = document.activeElement;
				const labels = el instanceof HTMLInputElement ? el.labels : null;
				return el?.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? el?.textContent ?? '';
			});
			if (name.test(label.trim())) return;
		}
		throw new Error(`could not tab to ${name}`);
	};
	await openLesson(page, 'lineage');
	await tabTo(/^Next$/);
	await page.keyboard.press('Enter');
	await expect(cardHeading(page)).toBeFocused();
	await expect(cardHeading(page)).toHaveText('Check: which treaties promised defence?');
	await tabTo(/^True$/);
	await page.keyboard.press('Space');
	await expect(page.getByRole('radio', { name: 'True' })).toBeChecked();
	await tabTo(/^Check my answer$/);
	await page.keyboard.press('Enter');
	await expect(page.getByText('✓ Right.')).toBeVisible();
	await expect(cardHeading(page)).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'Right.' })).toHaveCount(1);
	await tabTo(/^Next$/);
	await page.keyboard.press('Enter');
	await expectCard(page, 'Who replaced whom');
	await tabTo(/^Back$/);
	await page.keyboard.press('Enter');
	await expectCard(page, 'Three treaties, one question: was there a defence clause?');
});

test('an unanswered check says so, in the live region too, and records nothing', async ({ page }) => {
	await openLesson(page, 'lineage');
	await next(page);
	await page.getByRole('button', { name: 'Check my answer' }).click();
	await expect(page.getByText('Answer the question first, then check it.').first()).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Answer the question first' })).toHaveCount(1);
	await expect(cardHeading(page)).toHaveText('Check: which treaties promised defence?');
});

test.describe('reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });
	test('cards appear without animation when the student asks for reduced motion', async ({ page }) => {
		await openLesson(page, 'lineage');
		await next(page);
		const animation = await page.locator('.card-body').evaluate((el) => getComputedStyle(el).animationName);
		expect(animation).toBe('none');
	});
});

test('with motion allowed, new cards ease in', async ({ page }) => {
	await openLesson(page, 'lineage');
	const animation = await page.locator('.card-body').evaluate((el) => getComputedStyle(el).animationName);
	expect(animation).toMatch(/enter/);
});

test('offline: the place is kept on the device, survives a reload, and is saved once back online', async ({
	page
}) => {
	const progress = `**${lessonUrl('lineage')}/progress`;
	await openLesson(page, 'lineage');
	await page.route(progress, (route) => route.abort('internetdisconnected'));
	await next(page);
	await answerAndCheck(page, 'l-lin-1961-defence', 'right');
	await expect(page.getByText(/You seem to be offline\. Your place is kept on this device/)).toBeVisible();
	await reloadLesson(page);
	await expect(cardHeading(page)).toHaveText('Right');
	await expect(page.getByText('✓ Right.')).toBeVisible();
	await expect(stepCount(page)).toContainText('Step 2 of 7');
	await page.unroute(progress);
	await next(page);
	await expectCard(page, 'Who replaced whom');
	await saved(page);
	await page.evaluate(() => localStorage.clear());
	await reloadLesson(page);
	await expect(cardHeading(page)).toHaveText('Who replaced whom');
});

test('a saved place from an older version of the lesson restarts it with a clear message', async ({
	page
}) => {
	// This device kept a place from version 0 of the lesson, never sent to the server.
	await page.addInitScript((key) => {
		localStorage.setItem(
			key,
			JSON.stringify({
				version: 0,
				run: 'old-run-0001',
				snapshot: {
					status: 'active',
					value: 'order',
					context: { results: {}, responses: {}, remediations: 0 }
				},
				pending: [],
				synced: false
			})
		);
	}, `sourcebook:lesson:${MODULE}:lineage`);
	await openLesson(page, 'lineage');
	await expect(
		page.getByRole('status').filter({ hasText: 'This lesson has been updated since you last worked on it' })
	).toBeVisible();
	await expect(stepCount(page)).toContainText('Step 1 of 7');
	await saved(page);
});

test('the progress endpoint refuses bad saves with a clear 4xx and writes nothing', async ({ page }) => {
	await openLesson(page, 'lineage');
	const url = `${lessonUrl('lineage')}/progress`;
	const start = {
		status: 'active',
		value: 'three-treaties',
		context: { results: {}, responses: {}, remediations: 0 }
	};
	const post = (data: unknown) => page.request.post(url, { data });
	const cases: [unknown, number, RegExp][] = [
		[{ version: 1, run: 'run-00000001', snapshot: start }, 400, /events/],
		[{ version: 0, run: 'run-00000001', snapshot: start, events: [] }, 409, /has changed/],
		[
			{ version: 1, run: 'run-00000001', snapshot: { ...start, value: 'nowhere' }, events: [] },
			400,
			/snapshot/
		],
		[
			{
				version: 1,
				run: 'run-00000001',
				snapshot: start,
				events: [{ id: 'event-00001', type: 'lesson.completed' }]
			},
			400,
			/not at its end/
		]
	];
	for (const [data, status, message] of cases) {
		const res = await post(data);
		expect(res.status()).toBe(status);
		expect(((await res.json()) as { message: string }).message).toMatch(message);
	}
	const xml = await page.request.post(url, {
		data: '<progress/>',
		headers: { 'content-type': 'application/xml' }
	});
	expect(xml.status()).toBe(415);
	expect((await page.request.post(`/modules/${MODULE}/lessons/nope/progress`, { data: {} })).status()).toBe(
		404
	);

	await page.goto('/');
	await expect(catalogRow(page, lessonById('lineage').title)).toContainText('Not started');

	// A valid save is graded by the server: a wrong response is recorded as wrong whatever the page claims.
	const res = await post({
		version: 1,
		run: 'run-00000001',
		snapshot: {
			status: 'active',
			value: { 'defence-clauses': 'correct' },
			context: { results: { 'defence-clauses': 'first' }, responses: {}, remediations: 0 }
		},
		events: [
			{
				id: 'event-00001',
				type: 'check.answered',
				step: 'defence-clauses',
				item: 'l-lin-1961-defence',
				response: false
			}
		]
	});
	expect(res.status()).toBe(200);
	expect(await res.json()).toMatchObject({
		step: 2,
		steps: 7,
		done: false,
		graded: [{ item: 'l-lin-1961-defence', correct: false }]
	});
});

test('a lesson begun before signing in comes into the account, with its checks counted toward mastery', async ({
	page
}) => {
	// The account already has its own learner (made at sign-up), so signing in merges this browser's into it.
	const account = await signUpApi('student', 'merger');
	const lesson = lessonById('lineage');
	await openLesson(page, lesson.id);
	await walkStep(page, lesson.steps[0]!, 'right');
	await walkStep(page, lesson.steps[1]!, 'right');
	await expect(stepCount(page)).toContainText('Step 3 of 7');
	await saved(page);

	await page.goto('/signin');
	await page.getByLabel('Username').fill(account.username);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(
		page.getByRole('link', { name: new RegExp(`Account \\(${account.username}\\)`) })
	).toBeVisible();

	await page.goto('/');
	await expect(catalogRow(page, lesson.title)).toContainText('In progress: step 3 of 7');
	await page.goto('/progress');
	await expect(page.locator('tr[data-objective="lineage"]')).toContainText('1 (0 from quizzes)');
	await account.api.dispose();
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('a lesson fits the screen, with the path as numbered steps, and works by touch', async ({ page }) => {
		const lesson = lessonById('alliance-logic');
		const fits = async () =>
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await openLesson(page, lesson.id);
		const path = page.getByRole('list', { name: 'Lesson path' });
		await expect(path.getByRole('listitem')).toHaveCount(lesson.steps.length);
		expect(lesson.steps.length).toBe(13);
		// The thirteen steps sit in a compact row or two of numbers rather than a long list of labels.
		expect((await path.boundingBox())!.height).toBeLessThan(100);
		for (const step of lesson.steps.slice(0, 4)) {
			await fits();
			await walkStep(page, step, 'right');
		}
		await walkStep(page, lesson.steps[4]!, 'remediate', async (kind) => {
			await fits();
			if (kind === 'remediation') await expectNoAxeViolations(page);
		});
		await fits();
	});

	test('a whole lesson with ordering, short-text and numeric checks on the phone', async ({ page }) => {
		const lesson = lessonById('timeline');
		await openLesson(page, lesson.id);
		for (const [i, step] of lesson.steps.entries()) {
			await walkStep(page, step, i === 3 || i === 5 ? 'remediate' : 'right');
		}
		await expect(page.getByText('Lesson passed.')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await expectNoAxeViolations(page);
	});
});
