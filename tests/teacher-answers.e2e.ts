/**
 * Issue 11, point 1: a teacher sees the work behind every score. Five students of a class answer the
 * actors quiz (under the assignment, and two of them again as self-study), each picking different options;
 * the teacher walks from the class dashboard to each student's page and opens every attempt listed there,
 * and each question shows the option that student saved — the one this test posted — as theirs, with the
 * key. A sixth student, of another class, is not on the page and their attempt is a 404.
 */
import { expect, test, type APIRequestContext } from './test';
import {
	createAssignmentApi,
	createClassApi,
	joinApi,
	signInPage,
	signUpApi,
	type Account
} from './accounts';
import { expectNoAxeViolations } from './axe';

interface Choice {
	questionId: string;
	value: string;
	text: string;
}

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/**
 * The choices on an attempt page, per question: the `pick`-th option of each single, multiple or
 * true/false question (other types are left unanswered).
 */
function choicesOf(html: string, pick: number): Choice[] {
	const out: Choice[] = [];
	for (const chunk of html.split('data-question-id="').slice(1)) {
		const questionId = chunk.slice(0, chunk.indexOf('"'));
		const radios = [
			...chunk.matchAll(
				/<input type="(?:radio|checkbox)" name="q\.([^"]+)" value="([^"]+)"[^>]*>\s*<span>([^<]*)<\/span>/g
			)
		].filter((m) => m[1] === questionId);
		if (radios.length === 0) continue;
		const m = radios[pick % radios.length]!;
		out.push({ questionId, value: m[2]!, text: decode(m[3]!) });
	}
	return out;
}

/** Starts (or self-study starts) the quiz, saves one option per choice question, submits; returns what was saved. */
async function takeQuiz(
	api: APIRequestContext,
	startPath: string,
	form: Record<string, string>,
	pick: number
) {
	const started = await api.post(startPath, { form, maxRedirects: 0 });
	expect(started.status()).toBe(303);
	const attemptPath = started.headers()['location']!;
	const choices = choicesOf(await (await api.get(attemptPath)).text(), pick);
	expect(choices.length, 'choice questions on the attempt').toBeGreaterThan(0);
	for (const c of choices) {
		const saved = await api.post(`${attemptPath}?/save`, {
			form: { shown: c.questionId, [`q.${c.questionId}`]: c.value },
			maxRedirects: 0
		});
		expect(saved.status(), `save ${c.questionId}`).toBeLessThan(400);
	}
	const done = await api.post(`${attemptPath}?/submit`, { form: { confirm: 'yes' }, maxRedirects: 0 });
	expect(done.status()).toBe(303);
	return { attemptId: attemptPath.split('/').pop()!, choices };
}

test('the teacher opens every attempt of five students and sees the answers they saved', async ({ page }) => {
	test.slow();
	const teacher = await signUpApi('instructor');
	const klass = await createClassApi(teacher, 'Answers 11');
	const students: Account[] = [];
	for (const name of ['ana', 'ben', 'cleo', 'dev', 'eli']) students.push(await signUpApi('student', name));
	for (const s of students) await joinApi(s, klass.joinCode);
	const due = new Date(Math.ceil((Date.now() + 24 * 60 * 60_000) / 60_000) * 60_000);
	const assignmentId = await createAssignmentApi(teacher, klass.id, {
		target: 'quiz:treaty-2024:actors',
		dueAt: due,
		// The students' own review waits for the due date; their teacher's view does not.
		feedbackPolicy: 'after-due'
	});
	// What each student saved, by attempt id.
	const stored = new Map<string, { student: Account; choices: Choice[] }>();
	for (const [i, s] of students.entries()) {
		const a = await takeQuiz(s.api, `/assignments/${assignmentId}?/start`, { quiz: 'actors' }, i);
		stored.set(a.attemptId, { student: s, choices: a.choices });
		if (i < 2) {
			const b = await takeQuiz(s.api, '/modules/treaty-2024/quizzes/actors?/start', {}, i + 1);
			stored.set(b.attemptId, { student: s, choices: b.choices });
		}
	}
	// Someone else's student: another class, same quiz.
	const outsider = await signUpApi('student', 'zed');
	const otherTeacher = await signUpApi('instructor', 'other');
	const otherClass = await createClassApi(otherTeacher, 'Elsewhere');
	await joinApi(outsider, otherClass.joinCode);
	const theirs = await takeQuiz(outsider.api, '/modules/treaty-2024/quizzes/actors?/start', {}, 0);

	await signInPage(page, teacher.username);
	let opened = 0;
	let checked = 0;
	let firstStudentPage = '';
	for (const s of students) {
		await page.goto(`/classes/${klass.id}/progress`);
		const grid = page.getByRole('table', { name: /Students and assignments/ });
		await grid.getByRole('link', { name: s.displayName }).click();
		await expect(page.getByRole('heading', { level: 1, name: new RegExp(s.displayName) })).toBeVisible();
		const list = page.getByRole('table', { name: `Quiz attempts of ${s.displayName}` });
		const links = list.locator('a[data-attempt-id]');
		const ids = await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-attempt-id')!));
		const mine = [...stored].filter(([, v]) => v.student === s).map(([id]) => id);
		expect(ids.sort()).toEqual(mine.sort());
		if (opened === 0) await expectNoAxeViolations(page);
		const studentPage = page.url();
		firstStudentPage ||= new URL(studentPage).pathname;
		for (const id of ids) {
			await page.goto(studentPage);
			await list.locator(`a[data-attempt-id="${id}"]`).click();
			await expect(page.getByRole('heading', { level: 1, name: new RegExp(s.displayName) })).toBeVisible();
			await expect(page.getByText(/Submitted by the student/i)).toBeVisible();
			for (const c of stored.get(id)!.choices) {
				checked++;
				const section = page.locator(`section[data-question-id="${c.questionId}"]`);
				if (c.value === 'true' || c.value === 'false') {
					// True/false: the student's answer beside the correct one.
					const theirs = section.getByRole('heading', { name: `${s.displayName}’s answer` });
					await expect(theirs.locator('xpath=following-sibling::p[1]')).toHaveText(c.text);
					await expect(section.getByRole('heading', { name: 'Correct answer' })).toHaveCount(1);
					continue;
				}
				// Evidence questions list sentences (numbered values, "pick"); choice questions list options.
				const evidence = /^\d+$/.test(c.value);
				const mineBadge = section.locator('li', {
					hasText: `${s.displayName}’s ${evidence ? 'pick' : 'answer'}`
				});
				await expect(mineBadge, `${s.username} ${c.questionId}`).toHaveCount(1);
				await expect(mineBadge.locator('.line span').first()).toContainText(c.text);
				await expect(
					section.locator('li', { hasText: evidence ? 'Supports the claim' : 'Correct answer' }).first()
				).toBeVisible();
			}
			if (opened === 0) await expectNoAxeViolations(page);
			opened++;
		}
	}
	expect(opened).toBe(7);
	// Seven attempts of about 8 questions each, of which the choice questions were answered and checked.
	expect(checked).toBeGreaterThanOrEqual(7);

	// The outsider's attempt under this class's URL is the same 404 as a made-up one, naming nobody.
	const refused = await page.goto(`${firstStudentPage}/attempts/${theirs.attemptId}`);
	expect(refused?.status()).toBe(404);
	await expect(page.getByText(outsider.displayName)).toHaveCount(0);
});
