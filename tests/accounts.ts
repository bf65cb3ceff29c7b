/**
 * Helpers for the account and class journeys: unique names, and set-up over HTTP (form posts with our
 * Origin, as a browser would send them) so a test spends its browser time on what it is testing.
 */
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

export const INSTRUCTOR_CODE = 'e2e-instructor-code';
export const PASSWORD = 'a long enough passphrase';

let counter = 0;
/** A username no other test (or worker, or earlier run against the same server) will pick. */
export function uniqueName(prefix: string): string {
	counter += 1;
	return `${prefix}-${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}${counter}`.toLowerCase();
}

export function baseURL(): string {
	return `http://localhost:${process.env.E2E_PORT || 4173}`;
}

/**
 * An HTTP client with its own cookie jar, posting as a browser without JavaScript would: our Origin (so
 * SvelteKit's CSRF check passes) and `Accept: text/html` (so form actions answer with real statuses, not
 * the JSON envelope `use:enhance` gets).
 */
export async function client(headers: Record<string, string> = {}): Promise<APIRequestContext> {
	return playwrightRequest.newContext({
		baseURL: baseURL(),
		extraHTTPHeaders: { origin: baseURL(), accept: 'text/html', ...headers }
	});
}

export interface Account {
	username: string;
	displayName: string;
	password: string;
	role: 'student' | 'instructor';
	api: APIRequestContext;
}

export async function signUpApi(role: 'student' | 'instructor', prefix: string = role): Promise<Account> {
	const api = await client();
	const username = uniqueName(prefix);
	const displayName = `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${username.slice(-4)}`;
	const res = await api.post('/signup', {
		form: {
			username,
			displayName,
			password: PASSWORD,
			confirm: PASSWORD,
			role,
			instructorCode: role === 'instructor' ? INSTRUCTOR_CODE : ''
		},
		maxRedirects: 0
	});
	expect(res.status(), `sign up ${username}: ${(await res.text()).slice(0, 200)}`).toBe(303);
	return { username, displayName, password: PASSWORD, role, api };
}

export async function signInApi(username: string, password = PASSWORD): Promise<APIRequestContext> {
	const api = await client();
	const res = await api.post('/signin', { form: { username, password }, maxRedirects: 0 });
	expect(res.status(), `sign in ${username}`).toBe(303);
	return api;
}

/** POST a form; returns the 303 Location (the new resource's URL). */
export async function postForRedirect(
	api: APIRequestContext,
	url: string,
	form: Record<string, string>
): Promise<string> {
	const res = await api.post(url, { form, maxRedirects: 0 });
	expect(res.status(), `${url}: ${(await res.text()).slice(0, 300)}`).toBe(303);
	return res.headers()['location']!;
}

export async function createClassApi(
	instructor: Account,
	name: string
): Promise<{ id: string; joinCode: string }> {
	const location = await postForRedirect(instructor.api, '/classes?/create', { name });
	const id = location.split('/').pop()!;
	const html = await (await instructor.api.get(`/classes/${id}`)).text();
	const joinCode = /data-testid="join-code"[^>]*>([A-Z0-9-]{9})</.exec(html)?.[1];
	expect(joinCode, 'join code on the class page').toBeTruthy();
	return { id, joinCode: joinCode! };
}

export async function joinApi(student: Account, code: string): Promise<void> {
	await postForRedirect(student.api, '/join', { code });
}

/** `YYYY-MM-DDTHH:mm` in UTC, for datetime-local fields posted with tz=UTC. */
export function localUtc(date: Date): string {
	return date.toISOString().slice(0, 16);
}

export interface AssignmentForm {
	target?: string;
	opensAt?: Date;
	dueAt: Date;
	attemptsAllowed?: string;
	timeLimitMinutes?: string;
	feedbackPolicy?: string;
	latePolicy?: 'accept' | 'refuse';
}

export function assignmentFields(a: AssignmentForm): Record<string, string> {
	return {
		target: a.target ?? 'module:treaty-2024',
		tz: 'UTC',
		opensAt: localUtc(a.opensAt ?? new Date(Date.now() - 60 * 60_000)),
		dueAt: localUtc(a.dueAt),
		attemptsAllowed: a.attemptsAllowed ?? '2',
		timeLimitMinutes: a.timeLimitMinutes ?? '',
		feedbackPolicy: a.feedbackPolicy ?? 'after-due',
		latePolicy: a.latePolicy ?? 'accept'
	};
}

export async function createAssignmentApi(
	instructor: Account,
	classId: string,
	a: AssignmentForm
): Promise<string> {
	const location = await postForRedirect(
		instructor.api,
		`/classes/${classId}/assignments/new`,
		assignmentFields(a)
	);
	return location.split('/').pop()!;
}

/** Sign in through the page, as a person would. */
export async function signInPage(page: Page, username: string, password = PASSWORD): Promise<void> {
	await page.goto('/signin');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('link', { name: new RegExp(`Account.*${username}`) })).toBeVisible();
}
