/**
 * A second module served with no code change (issue 13): the test fixture module
 * (tests/fixture-content/fixture-harbour-light, served beside questions/ by the Playwright config) appears
 * in the catalog after the treaty, a student takes one of its lessons (every card: explanation, decision
 * flow, scenario with its targeted remediation, summary) and its quiz, then finds the module labelled on
 * its own page, /progress and /review; the teacher sees both on the class dashboard.
 */
import { expect, test } from './test';
import { createAssignmentApi, createClassApi, joinApi, signInPage, signUpApi } from './accounts';
import { expectNoAxeViolations } from './axe';
import { answer, questionsOnPage } from './quiz-helpers';
import { FIXTURE_MODULE, lessonById, openLesson, walkStep } from './lesson-steps';

test('the fixture module: catalog order, a lesson and the quiz as a student, the class dashboard as a teacher', async ({
	browser
}) => {
	test.slow();
	const teacher = await signUpApi('instructor');
	const klass = await createClassApi(teacher, 'Harbour class');
	const student = await signUpApi('student', 'keeper');
	await joinApi(student, klass.joinCode);
	const due = new Date(Math.ceil((Date.now() + 24 * 60 * 60_000) / 60_000) * 60_000);
	await createAssignmentApi(teacher, klass.id, { target: `lesson:${FIXTURE_MODULE}:signals`, dueAt: due });
	const quizAssignment = await createAssignmentApi(teacher, klass.id, {
		target: `quiz:${FIXTURE_MODULE}:check`,
		dueAt: due,
		feedbackPolicy: 'on-submit'
	});

	const context = await browser.newContext();
	const page = await context.newPage();
	await signInPage(page, student.username);

	// The catalog lists the treaty module first (module.yaml order 1), the fixture after it (order 900).
	await page.goto('/');
	const titles = await page.getByRole('heading', { level: 2 }).allTextContents();
	const treaty = titles.findIndex((t) => /Russia–North Korea/.test(t));
	const fixture = titles.findIndex((t) => /Test fixture: the Harbour Light rules/.test(t));
	expect(treaty).toBeGreaterThanOrEqual(0);
	expect(fixture).toBeGreaterThan(treaty);

	// The lesson, card by card; the scenario answered wrong first (its targeted remediation), then right.
	const lesson = lessonById('signals', FIXTURE_MODULE);
	await openLesson(page, 'signals', FIXTURE_MODULE);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(lesson.title);
	const visit = async () => expectNoAxeViolations(page);
	for (const step of lesson.steps) await walkStep(page, step, 'remediate', visit);
	// Saved on the server: a reload shows the summary, not the first card.
	await page.reload();
	await expect(page.locator('article.lesson-card h2')).toHaveText(lesson.steps.at(-1)!.card.title);

	// The quiz, through its assignment.
	await page.goto(`/assignments/${quizAssignment}`);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(new RegExp(`/modules/${FIXTURE_MODULE}/quizzes/check/attempts/`));
	const questions = await questionsOnPage(page);
	expect(questions).toHaveLength(4);
	for (const q of questions) await answer(q);
	// One answer wrong on purpose (the key of hl-repairs is false), so /review has a card from this module.
	const repairs = questions.find((q) => q.id === 'hl-repairs')!;
	await repairs.section.getByRole('radio', { name: 'True', exact: true }).check();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Submit quiz…' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	await expect(page).toHaveURL(/\/review$/);
	await expect(page.getByText(/keeping rules/i).first()).toBeVisible();

	// The module's own page, reached from the catalog: objectives with the student's level, lessons done,
	// the quiz's best score, the one source and no side-by-side view (a single source has nothing to compare).
	await page.goto('/');
	await page.getByRole('link', { name: 'Test fixture: the Harbour Light rules' }).click();
	await expect(page).toHaveURL(new RegExp(`/modules/${FIXTURE_MODULE}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test fixture: the Harbour Light rules');
	await expect(page.getByText('1 of 2 lessons completed.')).toBeVisible();
	const quizRow = page.locator('li[data-quiz="check"]');
	await expect(quizRow).toContainText('1 of 3 attempts used');
	await expect(quizRow).toContainText(/best \d+%/);
	await expect(page.locator('li[data-objective="signals"] .badge')).not.toHaveText('Not started');
	await expect(page.getByRole('link', { name: /keeping rules/i })).toBeVisible();
	await expect(page.getByRole('link', { name: /side by side/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 720 });

	// Compare is refused for the one-source module, and for the same document twice in the treaty module.
	const single = await page.goto(`/modules/${FIXTURE_MODULE}/compare`);
	expect(single?.status()).toBe(404);
	await expect(page.getByRole('alert')).toContainText('only one source');
	await expectNoAxeViolations(page);
	const same = await page.goto('/modules/treaty-2024/compare?left=gis-analysis&right=gis-analysis');
	expect(same?.status()).toBe(400);
	await expect(page.getByRole('alert')).toContainText('Choose two different sources');
	await page.getByRole('link', { name: 'Compare the first two sources' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare sources');

	// My progress: a section per module, each module's own lesson count (never "0 of 0").
	await page.goto('/progress');
	const fixtureProgress = page.getByRole('region', { name: 'Test fixture: the Harbour Light rules' });
	await expect(fixtureProgress.getByText('1 of 2 lessons completed.')).toBeVisible();
	await expect(page.getByRole('region', { name: /Russia–North Korea/ })).toContainText(
		/0 of \d+ lessons completed/
	);
	await expect(page.getByText('0 of 0 lessons')).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Review: the card says which module (and objective) it comes from.
	await page.goto('/review');
	const label = page.locator('.module-label');
	await expect(label).toHaveAttribute('data-module', FIXTURE_MODULE);
	await expect(label.getByRole('link', { name: 'Test fixture: the Harbour Light rules' })).toBeVisible();
	await expectNoAxeViolations(page);
	await context.close();

	// The teacher's dashboard: both assignments, the student's work, the fixture's objectives.
	const teacherContext = await browser.newContext();
	const tpage = await teacherContext.newPage();
	await signInPage(tpage, teacher.username);
	await tpage.goto(`/classes/${klass.id}/progress`);
	const grid = tpage.getByRole('table', { name: /Students and assignments/ });
	const row = grid.getByRole('row', { name: new RegExp(student.username) });
	await expect(grid.getByRole('columnheader', { name: /Quiz: the Harbour Light rules/ })).toBeVisible();
	await expect(grid.getByRole('columnheader', { name: /Answering the signals/ })).toBeVisible();
	// The quiz submitted, and the lesson completed (a finished lesson counts as submitted work).
	await expect(row.getByRole('cell', { name: /^Submitted/ })).toHaveCount(2);
	// Mastery in one table per module; item analysis lists only the quiz this class was assigned.
	const mastery = tpage.getByRole('table', { name: /Class mastery .* in Test fixture: the Harbour Light/ });
	await expect(mastery.locator('tr[data-objective="signals"]')).toBeVisible();
	const items = tpage.getByRole('region', { name: 'Item analysis' });
	await expect(items.getByRole('link')).toHaveText(['Quiz: the Harbour Light rules']);
	await expect(items.getByRole('heading', { level: 3 })).toHaveText([
		'Test fixture: the Harbour Light rules'
	]);
	const csv = await tpage.request.get(`/classes/${klass.id}/progress/grid.csv`);
	expect(await csv.text()).toContain(`${FIXTURE_MODULE} / Quiz: the Harbour Light rules: status`);
	await expectNoAxeViolations(tpage);
	await teacherContext.close();
});
