/**
 * Issue 11, point 2: a teacher changes one answer's score with a comment on the student's attempt page; the
 * attempt's total and the class grid show the new score, the change is logged with the grader's score, the
 * student's own review says "Score changed by your teacher" with the comment, and an undo puts the grader's
 * score back. The class's regrade button reports what it changed (nothing, under unchanged content).
 */
import { expect, test } from './test';
import { createAssignmentApi, createClassApi, joinApi, signInPage, signUpApi } from './accounts';
import { expectNoAxeViolations } from './axe';

const COMMENT = 'You argued this well in class: full marks.';

test('a teacher overrides one answer with a comment; the grid and the student’s review follow', async ({
	page,
	browser
}) => {
	test.slow();
	const teacher = await signUpApi('instructor');
	const klass = await createClassApi(teacher, 'Overrides 11');
	const ana = await signUpApi('student', 'ana');
	await joinApi(ana, klass.joinCode);
	const assignmentId = await createAssignmentApi(teacher, klass.id, {
		target: 'quiz:treaty-2024:actors',
		dueAt: new Date(Math.ceil((Date.now() + 24 * 60 * 60_000) / 60_000) * 60_000),
		feedbackPolicy: 'on-submit'
	});
	// Ana submits without answering anything: every question scores 0.
	const started = await ana.api.post(`/assignments/${assignmentId}?/start`, {
		form: { quiz: 'actors' },
		maxRedirects: 0
	});
	expect(started.status()).toBe(303);
	const attemptPath = started.headers()['location']!;
	const submitted = await ana.api.post(`${attemptPath}?/submit`, {
		form: { confirm: 'yes' },
		maxRedirects: 0
	});
	expect(submitted.status()).toBe(303);

	await signInPage(page, teacher.username);
	await page.goto(`/classes/${klass.id}/progress`);
	const grid = page.getByRole('table', { name: /Students and assignments/ });
	const anaRow = grid.getByRole('row', { name: new RegExp(ana.displayName) });
	await expect(anaRow).toContainText('0%');
	await anaRow.getByRole('link', { name: /Submitted/i }).click();
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(ana.displayName) })).toBeVisible();
	const total = page.getByTestId('attempt-score');
	await expect(total).toContainText(/^\s*0 of (\d+) points \(0%\)/);
	const max = Number((await total.textContent())!.match(/of (\d+) points/)![1]);
	await expectNoAxeViolations(page);

	// Question 1: full marks, with a comment.
	const q1 = page.locator('section.question').first();
	await q1.getByLabel('New score (0 to 1 point)').fill('1');
	await q1.getByLabel('Why (the student reads this)').fill(COMMENT);
	await q1.getByRole('button', { name: 'Change score' }).click();
	await expect(q1.getByRole('status')).toContainText('The score is changed');
	await expect(q1.getByText('1 of 1 point')).toBeVisible();
	await expect(q1.getByTestId('score-override')).toContainText(`Score changed by the teacher: ${COMMENT}`);
	await expect(q1.getByTestId('score-override')).toContainText('the grader gave 0');
	await expect(q1.getByRole('listitem').filter({ hasText: 'Overridden: 0 → 1' })).toContainText(COMMENT);
	const percent = Math.round(100 / max);
	await expect(total).toContainText(`1 of ${max} points (${percent}%)`);
	await expectNoAxeViolations(page);
	const teacherAttemptUrl = page.url();
	// The form and the log fit a 360 px phone.
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 720 });

	// The grid follows.
	await page.goto(`/classes/${klass.id}/progress`);
	await expect(grid.getByRole('row', { name: new RegExp(ana.displayName) })).toContainText(`${percent}%`);

	// Ana's own review shows the new score and the teacher's comment.
	const anaContext = await browser.newContext();
	const anaPage = await anaContext.newPage();
	await signInPage(anaPage, ana.username);
	await anaPage.goto(`${attemptPath}/review`);
	await expect(anaPage.getByTestId('score-override')).toHaveText(`Score changed by your teacher: ${COMMENT}`);
	await expect(anaPage.getByText('1 of 1 point')).toHaveCount(1);
	await expectNoAxeViolations(anaPage);
	await anaContext.close();

	// The regrade button: the content has not changed, so it changes nothing, and the run is listed afterwards.
	await page.getByRole('button', { name: 'Regrade this class’s quizzes' }).click();
	await expect(page.getByTestId('regrade-result')).toContainText('No answer grades differently');
	await expectNoAxeViolations(page);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Earlier regrades' })).toBeVisible();
	await expect(grid.getByRole('row', { name: new RegExp(ana.displayName) })).toContainText(`${percent}%`);

	// Undo: the grader's 0 comes back, and both changes stay in the log.
	await page.goto(teacherAttemptUrl);
	await q1.getByRole('button', { name: /Undo the override/ }).click();
	await expect(q1.getByRole('status')).toContainText('The override is undone');
	await expect(q1.getByTestId('score-override')).toHaveCount(0);
	await expect(total).toContainText(`0 of ${max} points (0%)`);
	await expect(q1.getByRole('listitem').filter({ hasText: 'Override undone: 1 → 0' })).toHaveCount(1);
	await expectNoAxeViolations(page);
});
