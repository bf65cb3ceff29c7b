import { mkdirSync } from 'node:fs';
import { expect, test } from './test';
import { expectNoAxeViolations } from './axe';
import { answer, questionsOnPage } from './quiz-helpers';
import {
	client,
	createAssignmentApi,
	createClassApi,
	INSTRUCTOR_CODE,
	joinApi,
	localUtc,
	PASSWORD,
	signInApi,
	signInPage,
	signUpApi,
	uniqueName
} from './accounts';

const SHOTS = '/tmp/shots';
const DAY = 24 * 60 * 60_000;

// Long journeys (several browsers, sign-ups and an axe pass per state) on a shared 2-core machine.
const JOURNEY_TIMEOUT = 180_000;

test.describe('classes journey', () => {
	// Local time must be the reader's, not the server's: run the browsers far from UTC.
	test.use({ timezoneId: 'America/New_York' });
	test.describe.configure({ timeout: JOURNEY_TIMEOUT });

	// Issue 13 point 2: a quiz and the whole module holding it are the same questions twice; say so, allow it.
	test('assigning a quiz and then its whole module warns, on both assignment pages, and blocks neither', async ({
		page
	}) => {
		const teacher = await signUpApi('instructor');
		const klass = await createClassApi(teacher, uniqueName('Overlap'));
		const dueAt = new Date(Date.now() + 7 * DAY);
		const quiz = await createAssignmentApi(teacher, klass.id, { target: 'quiz:treaty-2024:final', dueAt });
		await signInPage(page, teacher.username);
		await page.goto(`/classes/${klass.id}/assignments/${quiz}`);
		await expect(page.getByText(/same questions twice/)).toHaveCount(0);

		await page.goto(`/classes/${klass.id}/assignments/new`);
		await page.getByLabel('What to assign').selectOption('module:treaty-2024');
		await page.getByLabel('Due', { exact: true }).fill(localUtc(dueAt));
		await page.getByRole('button', { name: 'Assign' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'same questions twice' })).toContainText(
			'“Final module quiz” assigned on its own'
		);
		await expectNoAxeViolations(page);
		await page.goto(`/classes/${klass.id}/assignments/${quiz}`);
		await expect(page.getByRole('status').filter({ hasText: 'same questions twice' })).toContainText(
			'includes this quiz'
		);
	});

	test('an instructor signs up, creates a class and assigns the final quiz due tomorrow; a student joins with the code and takes it; the instructor sees the score; another instructor cannot see it', async ({
		page,
		browser
	}) => {
		const teacher = uniqueName('teacher');
		await page.goto('/signup');
		await expectNoAxeViolations(page);
		await page.getByLabel('Username').fill(teacher);
		await page.getByLabel('Display name').fill('Ms Rivera');
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Password again').fill(PASSWORD);
		await page.getByLabel('an instructor').check();
		await page.getByLabel(/Instructor code/).fill(INSTRUCTOR_CODE);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page).toHaveURL(/\/classes$/);
		await expect(page.getByText('You have no classes yet')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByLabel('Class name').fill('History 10B');
		await page.getByRole('button', { name: 'Create class' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'History 10B' })).toBeVisible();
		const joinCode = (await page.getByTestId('join-code').textContent())!.trim();
		expect(joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'New assignment' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'New assignment' })).toBeVisible();
		await expect(page.getByText('your time zone (America/New_York)')).toBeVisible();
		await expectNoAxeViolations(page);
		const tomorrow = new Date(Date.now() + DAY);
		// The browser is in New York: tomorrow at 17:00 there, typed as the instructor sees it.
		const dueLocal = await page.evaluate((t) => {
			const d = new Date(t);
			const p = (n: number) => String(n).padStart(2, '0');
			return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T17:00`;
		}, tomorrow.getTime());
		await page.getByLabel('What to assign').selectOption({ label: 'Final module quiz' });
		await page.getByLabel('Due', { exact: true }).fill(dueLocal);
		await page.getByLabel('Score and answers right after submitting').check();
		await page.getByLabel('Refuse work after the due date').check();
		await page.getByRole('button', { name: 'Assign' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Final module quiz' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Progress: 0 of 0 submitted' })).toBeVisible();
		// Shown back in New York time: 5:00 PM on that day.
		await expect(page.locator('dd time').nth(1)).toContainText(/5:00\s?PM/);
		await expect(page.locator('dd time').nth(1)).toHaveAttribute('datetime', /T2[12]:00:00\.000Z$/);
		await expectNoAxeViolations(page);
		const assignmentUrl = page.url();
		const classUrl = assignmentUrl.replace(/\/assignments\/.*/, '');

		// A student follows the join link, signs up on the way, and joins.
		const studentContext = await browser.newContext({ timezoneId: 'America/New_York' });
		const student = await studentContext.newPage();
		await student.goto(`/join?code=${joinCode}`);
		// The class and instructor names are shown to signed-in users only (issue 12, finding 9).
		await expect(student.getByText('History 10B')).toHaveCount(0);
		await expectNoAxeViolations(student);
		await student.getByRole('link', { name: 'create a student account' }).click();
		const studentName = uniqueName('ana');
		await student.getByLabel('Username').fill(studentName);
		await student.getByLabel('Display name').fill('Ana López');
		await student.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await student.getByLabel('Password again').fill(PASSWORD);
		await student.getByRole('button', { name: 'Create account' }).click();
		await expect(student).toHaveURL(/\/join\?code=/);
		await expect(student.getByText('History 10B')).toBeVisible();
		await expectNoAxeViolations(student);
		await student.getByRole('button', { name: 'Join class' }).click();
		await expect(student.getByRole('heading', { level: 1, name: 'History 10B' })).toBeVisible();
		await expect(student.getByText('Instructor: Ms Rivera')).toBeVisible();
		await expectNoAxeViolations(student);

		await student.getByRole('link', { name: 'My assignments' }).first().click();
		await expect(student.getByRole('heading', { level: 1, name: 'My assignments' })).toBeVisible();
		const row = student.getByRole('row', { name: /Final module quiz/ });
		await expect(row.getByText('Not started')).toBeVisible();
		await expect(row.locator('time').nth(1)).toContainText(
			new RegExp(`\\b${Number(dueLocal.slice(8, 10))}\\b.*5:00\\s?PM`)
		);
		await expectNoAxeViolations(student);
		mkdirSync(SHOTS, { recursive: true });
		await student.screenshot({ path: `${SHOTS}/classes-my-assignments.png`, fullPage: true });

		await row.getByRole('link').click();
		await expect(student.getByRole('heading', { level: 1, name: 'Final module quiz' })).toBeVisible();
		await expect(student.getByText('Refuse work after the due date')).toBeVisible();
		await expectNoAxeViolations(student);

		// The student takes the quiz from the assignment: every question answered, then submitted.
		await student.getByRole('button', { name: 'Start the quiz' }).click();
		await expect(student).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
		await expect(student.getByText(/^Assignment attempt/)).toBeVisible();
		const questions = await questionsOnPage(student);
		expect(questions).toHaveLength(20);
		for (const q of questions) await answer(q);
		await student.getByRole('button', { name: 'Submit quiz…' }).click();
		await student.getByRole('button', { name: 'Submit now' }).click();
		await expect(student).toHaveURL(/\/review$/);
		const reviewUrl = student.url();
		const result = student.getByRole('heading', { level: 2, name: /^(Passed|Not passed yet): \d+%$/ });
		await expect(result).toBeVisible();
		const percent = /(\d+)%/.exec((await result.textContent())!)![1];
		await expectNoAxeViolations(student);
		await student.getByRole('link', { name: 'Back to the assignment' }).click();
		await expect(student.getByText(`Attempt 1: ${percent}%`)).toBeVisible();
		await student.goto('/assignments');
		const done = student.getByRole('row', { name: /Final module quiz/ });
		await expect(done.getByText('Submitted', { exact: true })).toBeVisible();
		await expect(done.getByText(`${percent}%`)).toBeVisible();

		// The instructor sees the student on the roster and in the assignment's progress.
		await page.goto(classUrl);
		await expect(page.getByRole('row', { name: /Ana López/ })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Students (1)' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({ path: `${SHOTS}/classes-roster.png`, fullPage: true });
		await page.goto(assignmentUrl);
		const progress = page.getByRole('row', { name: /Ana López/ });
		await expect(progress.getByText('Submitted', { exact: true })).toBeVisible();
		await expect(progress.getByText(`${percent}%`)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Progress: 1 of 1 submitted' })).toBeVisible();
		await expectNoAxeViolations(page);

		// Another instructor, and a student of another class, get 404s for all of it.
		const other = await signUpApi('instructor', 'other');
		for (const url of [classUrl, assignmentUrl, `${classUrl}/import`, `${classUrl}/assignments/new`])
			expect((await other.api.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
		const outsider = await signUpApi('student', 'outsider');
		expect((await outsider.api.get(classUrl, { maxRedirects: 0 })).status()).toBe(404);
		expect(
			(await outsider.api.get(assignmentUrl.replace(/.*\/assignments\//, '/assignments/'))).status()
		).toBe(404);
		const otherPage = await (await browser.newContext()).newPage();
		await signInPage(otherPage, other.username);
		const response = await otherPage.goto(classUrl);
		expect(response?.status()).toBe(404);
		await expect(otherPage.getByText('No such class')).toBeVisible();
		// Nor is the score anywhere in the other instructor's own views.
		await otherPage.goto('/classes');
		await expect(otherPage.getByText('History 10B')).toHaveCount(0);
		// And the student's graded attempt is theirs alone.
		expect((await other.api.get(reviewUrl, { maxRedirects: 0 })).status()).toBe(404);
		await studentContext.close();
	});

	test('the roster: remove a student and regenerate the join code', async ({ page }) => {
		const teacher = await signUpApi('instructor');
		const klass = await createClassApi(teacher, 'Civics 9');
		const ana = await signUpApi('student', 'ana');
		const ben = await signUpApi('student', 'ben');
		await joinApi(ana, klass.joinCode);
		await joinApi(ben, klass.joinCode);
		await signInPage(page, teacher.username);
		await page.goto(`/classes/${klass.id}`);
		await expect(page.getByRole('heading', { name: 'Students (2)' })).toBeVisible();
		await page.getByRole('button', { name: `Remove ${ana.displayName} from the class` }).click();
		await expect(page.getByText('Student removed from the class.')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Students (1)' })).toBeVisible();
		expect((await ana.api.get(`/classes/${klass.id}`)).status()).toBe(404);

		// Ben forgot his password: the instructor gives him a new one, shown once.
		await page.getByRole('button', { name: `New password for ${ben.displayName}` }).click();
		const fresh = (await page.getByTestId('reset-password').textContent())!.trim();
		await expectNoAxeViolations(page);
		expect((await ben.api.get('/account', { maxRedirects: 0 })).status()).toBe(303);
		const again = await client();
		const signedIn = await again.post('/signin', {
			form: { username: ben.username, password: fresh },
			maxRedirects: 0
		});
		expect(signedIn.headers()['location']).toBe('/account?first=1');

		await page.getByRole('button', { name: 'Regenerate code' }).click();
		await expect(page.getByText('The old code no longer works.')).toBeVisible();
		const newCode = (await page.getByTestId('join-code').textContent())!.trim();
		expect(newCode).not.toBe(klass.joinCode);
		await expectNoAxeViolations(page);
		expect((await ana.api.post('/join', { form: { code: klass.joinCode }, maxRedirects: 0 })).status()).toBe(
			404
		);
		expect((await ana.api.post('/join', { form: { code: newCode }, maxRedirects: 0 })).status()).toBe(303);
	});

	test('CSV import: bad rows are listed and nothing is imported; a clean file creates accounts with one-time passwords', async ({
		page,
		browser
	}) => {
		const teacher = await signUpApi('instructor');
		const klass = await createClassApi(teacher, 'Geography 11');
		const taken = await signUpApi('student', 'taken');
		await signInPage(page, teacher.username);
		await page.goto(`/classes/${klass.id}`);
		await page.getByRole('link', { name: 'Create student accounts from a CSV file' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Create student accounts' })).toBeVisible();
		await expectNoAxeViolations(page);

		const zoe = uniqueName('zoe');
		const yuki = uniqueName('yuki');
		await page
			.getByLabel('Or paste the lines')
			.fill(
				`username,display name\n${zoe},Zoe Park\nbad name,Someone\n${yuki},\n${taken.username},Taken Again\n`
			);
		await page.getByRole('button', { name: 'Create accounts' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Nothing was imported.');
		await expect(alert).toContainText('Line 3:');
		await expect(alert).toContainText('Line 4: Enter a display name.');
		await expectNoAxeViolations(page);
		// The taken username is caught once the format is clean.
		await page
			.getByLabel('Or paste the lines')
			.fill(`${zoe},Zoe Park\n${yuki},"Tanaka, Yuki"\n${taken.username},Taken Again\n`);
		await page.getByRole('button', { name: 'Create accounts' }).click();
		await expect(page.getByRole('alert')).toContainText(`Line 3: The username “${taken.username}” is taken`);
		expect(await (await teacher.api.get(`/classes/${klass.id}`)).text()).toContain('Students (0)');

		await page.getByLabel('Or paste the lines').fill(`${zoe},Zoe Park\n${yuki},"Tanaka, Yuki"\n`);
		await page.getByRole('button', { name: 'Create accounts' }).click();
		await expect(page.getByRole('heading', { name: 'Created 2 accounts' })).toBeVisible();
		await expect(page.getByText('shown only this once')).toBeVisible();
		const zoeRow = page.getByRole('row', { name: /Zoe Park/ });
		const zoePassword = (await zoeRow.locator('td code').nth(1).textContent())!.trim();
		expect(zoePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
		const download = page.getByRole('link', { name: 'Download the passwords (CSV)' });
		const href = decodeURIComponent((await download.getAttribute('href'))!);
		expect(href).toContain(`${zoe},Zoe Park,${zoePassword}`);
		expect(href).toContain(`${yuki},"Tanaka, Yuki",`);
		await expectNoAxeViolations(page);
		// Shown once: reloading the page does not show them again.
		await page.goto(`/classes/${klass.id}/import`);
		await expect(page.getByText(zoePassword)).toHaveCount(0);
		await page.goto(`/classes/${klass.id}`);
		await expect(page.getByRole('heading', { name: 'Students (2)' })).toBeVisible();
		await expect(page.getByRole('row', { name: /Zoe Park/ }).getByText('temporary password')).toBeVisible();

		// The student signs in with the initial password and is asked to choose their own.
		const studentPage = await (await browser.newContext()).newPage();
		await studentPage.goto('/signin');
		await studentPage.getByLabel('Username').fill(zoe);
		await studentPage.getByLabel('Password').fill(zoePassword);
		await studentPage.getByRole('button', { name: 'Sign in' }).click();
		await expect(studentPage).toHaveURL(/\/account\?first=1/);
		await expect(studentPage.getByText('created this account with a temporary password')).toBeVisible();
		await expectNoAxeViolations(studentPage);
		await studentPage.getByLabel('Current password').fill(zoePassword);
		await studentPage.getByLabel('New password', { exact: true }).fill('zoe’s own passphrase');
		await studentPage.getByLabel('New password again').fill('zoe’s own passphrase');
		await studentPage.getByRole('button', { name: 'Change password' }).click();
		await expect(studentPage.getByText('Password changed.')).toBeVisible();
		await expectNoAxeViolations(studentPage);
		await studentPage.goto('/classes');
		await expect(studentPage.getByRole('link', { name: 'Geography 11' })).toBeVisible();
		await expectNoAxeViolations(studentPage);
	});
});

test.describe('deadlines and extensions on a test clock', () => {
	test.use({ timezoneId: 'Europe/Paris' });
	test.describe.configure({ timeout: JOURNEY_TIMEOUT });

	test('past the due date an assignment is overdue and closed under refuse-late; an extension reopens it for one student', async ({
		browser
	}) => {
		const teacher = await signUpApi('instructor');
		const klass = await createClassApi(teacher, 'Late Policy 101');
		const ana = await signUpApi('student', 'ana');
		const ben = await signUpApi('student', 'ben');
		await joinApi(ana, klass.joinCode);
		await joinApi(ben, klass.joinCode);
		const now = Date.now();
		const due = new Date(Math.ceil((now + DAY) / 60_000) * 60_000);
		const assignmentId = await createAssignmentApi(teacher, klass.id, { dueAt: due, latePolicy: 'refuse' });

		// Move the clock 25 hours on (no sleeping): every request of these contexts carries it.
		const later = new Date(now + DAY + 60 * 60_000).toISOString();
		const anaContext = await browser.newContext({
			timezoneId: 'Europe/Paris',
			extraHTTPHeaders: { 'x-test-now': later }
		});
		const anaPage = await anaContext.newPage();
		await signInPage(anaPage, ana.username);
		await anaPage.goto('/assignments');
		await expect(anaPage.getByRole('row', { name: /Treaty/ }).getByText('Overdue')).toBeVisible();
		await anaPage.goto(`/assignments/${assignmentId}`);
		await expect(anaPage.getByText('The due date has passed and late work is not accepted.')).toBeVisible();
		await expectNoAxeViolations(anaPage);

		const teacherContext = await browser.newContext({
			timezoneId: 'Europe/Paris',
			extraHTTPHeaders: { 'x-test-now': later }
		});
		const teacherPage = await teacherContext.newPage();
		await signInPage(teacherPage, teacher.username);
		await teacherPage.goto(`/classes/${klass.id}/assignments/${assignmentId}`);
		await expect(
			teacherPage.getByRole('row', { name: new RegExp(ana.username) }).getByText('Overdue')
		).toBeVisible();
		// An extension that ends before the due date is refused with a message, and changes nothing.
		await teacherPage
			.getByLabel('Student', { exact: true })
			.selectOption({ label: `${ana.displayName} (${ana.username})` });
		const before = await teacherPage.evaluate((t) => {
			const d = new Date(t - 60 * 60_000);
			const p = (n: number) => String(n).padStart(2, '0');
			return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
		}, due.getTime());
		await teacherPage.getByLabel('New due date').fill(before);
		await teacherPage.getByRole('button', { name: 'Grant extension' }).click();
		await expect(teacherPage.getByRole('alert')).toHaveText(
			'An extension must end after the assignment’s due date.'
		);
		const after = await teacherPage.evaluate((t) => {
			const d = new Date(t + 2 * 24 * 60 * 60_000);
			const p = (n: number) => String(n).padStart(2, '0');
			return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
		}, due.getTime());
		await teacherPage.getByLabel('New due date').fill(after);
		await teacherPage.getByRole('button', { name: 'Grant extension' }).click();
		await expect(teacherPage.getByText('Extension granted.')).toBeVisible();
		await teacherPage.reload();
		const anaRow = teacherPage.getByRole('row', { name: new RegExp(ana.username) });
		await expect(anaRow.getByText('Not started')).toBeVisible();
		await expect(anaRow.getByText('extended')).toBeVisible();
		await expect(
			teacherPage.getByRole('row', { name: new RegExp(ben.username) }).getByText('Overdue')
		).toBeVisible();
		await expectNoAxeViolations(teacherPage);

		await anaPage.goto('/assignments');
		const row = anaPage.getByRole('row', { name: /Treaty/ });
		await expect(row.getByText('Not started')).toBeVisible();
		await expect(row.getByText('extended')).toBeVisible();
		await anaPage.goto(`/assignments/${assignmentId}`);
		await expect(anaPage.getByText('late work is not accepted')).toHaveCount(0);
		await expect(anaPage.getByText(/class due date/)).toBeVisible();
		await expectNoAxeViolations(anaPage);

		// Past the extension too, it is overdue again.
		const muchLater = new Date(due.getTime() + 2 * DAY + 60_000).toISOString();
		await anaContext.setExtraHTTPHeaders({ 'x-test-now': muchLater });
		await anaPage.goto('/assignments');
		await expect(anaPage.getByRole('row', { name: /Treaty/ }).getByText('Overdue')).toBeVisible();

		await teacherPage.getByRole('button', { name: /Remove extension for/ }).click();
		await expect(teacherPage.getByText('Extension removed.')).toBeVisible();
		await anaContext.close();
		await teacherContext.close();
	});
});

test.describe('quiz deadlines on a test clock', () => {
	test.describe.configure({ timeout: JOURNEY_TIMEOUT });

	test('an attempt still open at the due date is graded by the server from its saved answers; nobody submits it', async ({
		browser
	}) => {
		const teacher = await signUpApi('instructor');
		const klass = await createClassApi(teacher, 'Deadline 12');
		const ana = await signUpApi('student', 'ana');
		await joinApi(ana, klass.joinCode);
		// Due in two hours, with a ten-hour time limit: the due date is what closes the attempt.
		const due = new Date(Math.ceil((Date.now() + 2 * 60 * 60_000) / 60_000) * 60_000);
		const assignmentId = await createAssignmentApi(teacher, klass.id, {
			target: 'quiz:treaty-2024:final',
			dueAt: due,
			latePolicy: 'refuse',
			feedbackPolicy: 'on-submit',
			timeLimitMinutes: '600'
		});

		// Ana starts the quiz, answers three questions (autosaved) and walks away.
		const anaContext = await browser.newContext();
		const anaPage = await anaContext.newPage();
		await signInPage(anaPage, ana.username);
		await anaPage.goto(`/assignments/${assignmentId}`);
		await anaPage.getByRole('button', { name: 'Start the quiz' }).click();
		await expect(anaPage).toHaveURL(/\/attempts\//);
		const attemptUrl = anaPage.url();
		for (const q of (await questionsOnPage(anaPage)).slice(0, 3)) {
			await answer(q);
			await expect(q.section.locator('.note')).toHaveText('Saved.', { timeout: 5_000 });
		}
		await anaPage.goto('/assignments');
		await expect(
			anaPage.getByRole('row', { name: /Final module quiz/ }).getByText('In progress')
		).toBeVisible();

		// A minute past the due date (the test clock), the instructor opens the assignment: the attempt has
		// been graded at the due date, on time, without Ana submitting.
		const after = new Date(due.getTime() + 60_000).toISOString();
		const teacherContext = await browser.newContext({ extraHTTPHeaders: { 'x-test-now': after } });
		const teacherPage = await teacherContext.newPage();
		await signInPage(teacherPage, teacher.username);
		await teacherPage.goto(`/classes/${klass.id}/assignments/${assignmentId}`);
		const row = teacherPage.getByRole('row', { name: new RegExp(ana.username) });
		await expect(row.getByText('Submitted', { exact: true })).toBeVisible();
		await expect(row.getByText(/^\d+%$/)).toBeVisible();
		await expectNoAxeViolations(teacherPage);

		// Ana, coming back, lands on the review: the due date passed, her saved answers were graded.
		await anaContext.setExtraHTTPHeaders({ 'x-test-now': after });
		await anaPage.goto(attemptUrl);
		await expect(anaPage).toHaveURL(/\/review$/);
		await expect(anaPage.getByText(/The due date passed/)).toBeVisible();
		// And she cannot start again: the due date has passed and late work is refused.
		await anaPage.goto(`/assignments/${assignmentId}`);
		await expect(anaPage.getByText('The due date has passed and late work is not accepted.')).toBeVisible();
		await expect(anaPage.getByRole('button', { name: /Start/ })).toHaveCount(0);
		const refused = await ana.api.post(`/assignments/${assignmentId}?/start`, {
			form: { quiz: 'final' },
			headers: { 'x-test-now': after },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(409);
		await anaContext.close();
		await teacherContext.close();
	});

	test('under accept-late, a start after the due date is allowed and the work is marked late', async ({
		browser
	}) => {
		const teacher = await signUpApi('instructor');
		const klass = await createClassApi(teacher, 'Late 9');
		const ben = await signUpApi('student', 'ben');
		await joinApi(ben, klass.joinCode);
		const due = new Date(Math.ceil((Date.now() + DAY) / 60_000) * 60_000);
		const assignmentId = await createAssignmentApi(teacher, klass.id, {
			target: 'quiz:treaty-2024:actors',
			dueAt: due,
			latePolicy: 'accept',
			feedbackPolicy: 'on-submit'
		});
		const after = new Date(due.getTime() + 2 * 60 * 60_000).toISOString();
		const context = await browser.newContext({ extraHTTPHeaders: { 'x-test-now': after } });
		const page = await context.newPage();
		await signInPage(page, ben.username);
		await page.goto(`/assignments/${assignmentId}`);
		await expect(page.getByText('The due date has passed: this attempt will be marked late.')).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		for (const q of await questionsOnPage(page)) await answer(q);
		await page.getByRole('button', { name: 'Submit quiz…' }).click();
		await page.getByRole('button', { name: 'Submit now' }).click();
		await expect(page).toHaveURL(/\/review$/);
		await page.goto('/assignments');
		await expect(page.getByRole('row', { name: /actors/ }).getByText('Submitted late')).toBeVisible();
		await context.close();
	});
});

test.describe('sign-in security', () => {
	test('five failed sign-ins for a username answer 429, even with the right password; another username is unaffected', async ({
		page
	}) => {
		const victim = await signUpApi('student', 'victim');
		const bystander = await signUpApi('student', 'bystander');
		const api = await client();
		for (let i = 0; i < 5; i++) {
			const res = await api.post('/signin', {
				form: { username: victim.username, password: `wrong-${i}-guess` },
				maxRedirects: 0
			});
			expect(res.status()).toBe(400);
		}
		const blocked = await api.post('/signin', {
			form: { username: victim.username, password: PASSWORD },
			maxRedirects: 0
		});
		expect(blocked.status()).toBe(429);
		expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
		expect(blocked.headers()['set-cookie'] ?? '').not.toContain('sb_session');
		expect(
			(
				await api.post('/signin', {
					form: { username: bystander.username, password: PASSWORD },
					maxRedirects: 0
				})
			).status()
		).toBe(303);

		await page.goto('/signin');
		await expectNoAxeViolations(page);
		await page.getByLabel('Username').fill(victim.username);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toContainText('Too many failed sign-ins. Try again in');
		await expectNoAxeViolations(page);
	});

	test('sessions end after two idle days and at sign-out; cookies are httpOnly and SameSite=Lax', async () => {
		const student = await signUpApi('student');
		const api = await client();
		const res = await api.post('/signin', {
			form: { username: student.username, password: PASSWORD },
			maxRedirects: 0
		});
		const cookie = res.headers()['set-cookie'] ?? '';
		expect(cookie).toMatch(/sb_session=[\w-]{43};/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Max-Age=1209600/);
		expect((await api.get('/account', { maxRedirects: 0 })).status()).toBe(200);
		const idle = new Date(Date.now() + 2 * DAY + 60_000).toISOString();
		const expired = await api.get('/account', { maxRedirects: 0, headers: { 'x-test-now': idle } });
		expect(expired.status()).toBe(303);
		expect(expired.headers()['location']).toBe('/signin?next=%2Faccount');
		// Gone for good, not just at that clock.
		expect((await api.get('/account', { maxRedirects: 0 })).status()).toBe(303);

		const again = await signInApi(student.username);
		expect((await again.get('/account', { maxRedirects: 0 })).status()).toBe(200);
		expect((await again.post('/signout', { form: {}, maxRedirects: 0 })).status()).toBe(303);
		expect((await again.get('/account', { maxRedirects: 0 })).status()).toBe(303);
	});

	test('instructor sign-up needs the instance code', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Username').fill(uniqueName('pretender'));
		await page.getByLabel('Display name').fill('Pretender');
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Password again').fill(PASSWORD);
		await page.getByLabel('an instructor').check();
		await page.getByLabel(/Instructor code/).fill('not-the-code');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('alert')).toHaveText('That instructor code is not right.');
		await expect(page.getByLabel('an instructor')).toBeChecked();
		await expectNoAxeViolations(page);
	});

	test('cross-site form posts are refused (CSRF protection stays on)', async () => {
		const teacher = await signUpApi('instructor');
		const res = await teacher.api.post('/classes?/create', {
			form: { name: 'Evil class' },
			headers: { origin: 'https://evil.example' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(403);
		expect(await (await teacher.api.get('/classes')).text()).not.toContain('Evil class');
	});

	test('malformed requests get a 4xx with a message and change nothing', async () => {
		const teacher = await signUpApi('instructor');
		const klass = await createClassApi(teacher, 'Malformed');
		const student = await signUpApi('student');
		const post = (url: string, form: Record<string, string>) =>
			teacher.api.post(url, { form, maxRedirects: 0 });
		const bad = await post(`/classes/${klass.id}/assignments/new`, {
			target: 'quiz:treaty-2024:no-such-quiz',
			tz: 'Mars/Olympus',
			opensAt: 'yesterday',
			dueAt: '2026-02-30T10:00',
			attemptsAllowed: '-1',
			timeLimitMinutes: 'lots',
			feedbackPolicy: 'always',
			latePolicy: 'maybe'
		});
		expect(bad.status()).toBe(400);
		const html = await bad.text();
		for (const message of [
			'Choose what to assign.',
			'Enter the due date and time.',
			'Choose what happens to late work.'
		])
			expect(html).toContain(message);
		expect(await (await teacher.api.get(`/classes/${klass.id}`)).text()).toContain('No assignments yet.');
		expect((await post(`/classes/${klass.id}?/remove`, { userId: 'not-an-id' })).status()).toBe(400);
		expect(
			(
				await post(`/classes/${klass.id}?/remove`, { userId: '00000000-0000-4000-8000-000000000000' })
			).status()
		).toBe(404);
		expect((await post('/classes?/create', { name: '' })).status()).toBe(400);
		expect((await post('/classes?/create', { name: 'x'.repeat(101) })).status()).toBe(400);
		expect((await student.api.post('/join', { form: { code: 'nonsense!' }, maxRedirects: 0 })).status()).toBe(
			400
		);
		const json = await teacher.api.post('/classes?/create', {
			data: { name: 'JSON class' },
			maxRedirects: 0
		});
		expect(json.status()).toBe(415);
		expect((await teacher.api.get('/classes/not-a-uuid', { maxRedirects: 0 })).status()).toBe(404);
		const classes = await (await teacher.api.get('/classes')).text();
		expect(classes).not.toContain('JSON class');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('sign up, create a class, assign, and join all work as plain forms', async ({ page, browser }) => {
		const teacher = uniqueName('nojs-teacher');
		await page.goto('/signup');
		await page.getByLabel('Username').fill(teacher);
		await page.getByLabel('Display name').fill('No JS Teacher');
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Password again').fill(PASSWORD);
		await page.getByLabel('an instructor').check();
		await page.getByLabel(/Instructor code/).fill(INSTRUCTOR_CODE);
		await page.getByRole('button', { name: 'Create account' }).click();
		await page.getByLabel('Class name').fill('Plain Forms');
		await page.getByRole('button', { name: 'Create class' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Plain Forms' })).toBeVisible();
		const code = (await page.getByTestId('join-code').textContent())!.trim();
		await page.getByRole('link', { name: 'New assignment' }).click();
		await expect(page.getByText('Dates and times are in UTC.')).toBeVisible();
		await page
			.getByLabel('Due', { exact: true })
			.fill(new Date(Date.now() + 3 * DAY).toISOString().slice(0, 16));
		await page.getByRole('button', { name: 'Assign' }).click();
		await expect(page.getByRole('heading', { name: /Progress/ })).toBeVisible();
		await expect(page.locator('dd time').first()).toContainText('UTC');

		const student = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		const ana = await signUpApi('student', 'nojs-ana');
		await signInPage(student, ana.username);
		await student.goto('/classes');
		await student.getByLabel('Join code').fill(code.toLowerCase());
		await student.getByRole('button', { name: 'Continue' }).click();
		await student.getByRole('button', { name: 'Join class' }).click();
		await expect(student.getByRole('heading', { level: 1, name: 'Plain Forms' })).toBeVisible();
		await student.getByRole('button', { name: 'Sign out' }).click();
		await expect(student.getByRole('link', { name: 'Sign in' })).toBeVisible();
	});
});
