/**
 * Helpers for the quiz journeys. Content-agnostic: tests find the questions and their types on the page
 * (data-question-id / data-question-type), never by hard-coded question ids, so they keep working as the
 * banks grow. The secrets of a question (for the leak test) are read from the bank files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';

export const MODULE = 'treaty-2024';
/** The final module quiz: 20 questions across every objective, 40 minutes, 2 attempts (questions/…/quizzes/final.yaml). */
export const FINAL = `/modules/${MODULE}/quizzes/final`;
export const BANKS = join('questions', MODULE, 'banks');
export const SOURCES = join('questions', MODULE, 'sources');

export interface QuestionOnPage {
	id: string;
	type: string;
	section: Locator;
}

export async function questionsOnPage(page: Page): Promise<QuestionOnPage[]> {
	const sections = page.locator('section[data-question-id]');
	const out: QuestionOnPage[] = [];
	for (const section of await sections.all()) {
		out.push({
			id: (await section.getAttribute('data-question-id')) as string,
			type: (await section.getAttribute('data-question-type')) as string,
			section
		});
	}
	return out;
}

/** Gives one question a (complete) answer through its form fields, whatever its type. */
export async function answer(q: QuestionOnPage): Promise<void> {
	const s = q.section;
	switch (q.type) {
		case 'single':
		case 'true-false':
			await s.getByRole('radio').first().check();
			return;
		case 'multiple':
		case 'evidence':
			await s.getByRole('checkbox').first().check();
			return;
		case 'ordering': {
			const selects = await s.locator('select').all();
			for (const [i, select] of selects.entries()) await select.selectOption(String(i + 1));
			return;
		}
		case 'matching':
			for (const select of await s.locator('select').all()) await select.selectOption({ index: 1 });
			return;
		case 'numeric':
			await s.getByRole('textbox').fill('6');
			return;
		case 'short-text':
			await s.getByRole('textbox').fill('my answer');
			return;
		default:
			throw new Error(`unknown question type ${q.type}`);
	}
}

/**
 * The quiz form's answer fields as sorted name=value pairs, to compare before and after a reload. Uses
 * locator queries only (no page scripts), so it also works with JavaScript disabled.
 */
export async function answerFields(page: Page): Promise<string[]> {
	const out: string[] = [];
	for (const field of await page.locator('form.attempt-form [name^="q."]').all()) {
		const name = (await field.getAttribute('name')) as string;
		const type = await field.getAttribute('type');
		if (type === 'radio' || type === 'checkbox') {
			if (await field.isChecked()) out.push(`${name}=${await field.getAttribute('value')}`);
		} else {
			const value = await field.inputValue();
			if (value !== '') out.push(`${name}=${value}`);
		}
	}
	return out.sort();
}

export async function startQuiz(page: Page, path = FINAL): Promise<string> {
	await page.goto(path);
	await page.getByRole('button', { name: /^Start/ }).click();
	await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
	await expect(page.locator('section[data-question-id]').first()).toBeVisible();
	return new URL(page.url()).pathname;
}

/** Moves the server clock forward for this browser's learner (test hook, see src/lib/server/test-hooks.ts). */
export async function advanceClock(page: Page, minutes: number): Promise<void> {
	const response = await page.request.post('/__test/clock', { data: { advanceMinutes: minutes } });
	expect(response.status()).toBe(200);
}

/** Headers that make a request look like the page's own form post (SvelteKit checks the origin). */
export function formHeaders(page: Page, enhanced = false): Record<string, string> {
	const origin = new URL(page.url()).origin;
	return enhanced
		? { origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
		: { origin, accept: 'text/html' };
}

interface BankQuestion {
	id: string;
	type: string;
	use: string;
	prompt: string;
	explanation: string;
	answer: unknown;
	accept?: string[];
	reject?: { text: string; why: string }[];
	options?: { id: string; text: string; why: string }[];
	items?: { text: string }[];
	left?: { text: string }[];
	right?: { text: string }[];
	claim?: string;
	passage?: { quote: string };
	citations?: { source: string; quote: string }[];
}

let bankCache: Map<string, BankQuestion> | undefined;
export function bankQuestions(): Map<string, BankQuestion> {
	if (!bankCache) {
		bankCache = new Map();
		for (const file of readdirSync(BANKS).filter((f) => f.endsWith('.yaml'))) {
			const bank = parse(readFileSync(join(BANKS, file), 'utf8')) as { questions: BankQuestion[] };
			for (const q of bank.questions) bankCache.set(q.id, q);
		}
	}
	return bankCache;
}

/**
 * Pieces of secret text long enough to be unmistakable, cut at the characters HTML, JSON and devalue may
 * escape, so a leak is found in any of those encodings.
 */
export function fragments(text: string, min = 24): string[] {
	return text
		.replace(/\s+/g, ' ')
		.split(/["'&<>\\\u2028\u2029]/)
		.map((s) => s.trim())
		.filter((s) => s.length >= min);
}

export interface Secrets {
	/** question id → secret fragments (explanation, every why, accepted short answers, key id sequences). */
	byQuestion: Map<string, string[]>;
	/** question id → fragments of the explanation alone (what the review must show after grading). */
	explanations: Map<string, string[]>;
}

/** What must not reach the browser before grading, for the given questions. */
export function secretsOf(ids: string[]): Secrets {
	const banks = bankQuestions();
	const byQuestion = new Map<string, string[]>();
	const explanations = new Map<string, string[]>();
	// Text the page may legitimately show (prompts, options, items, claims, passages) of these questions.
	const publicText = ids
		.map((id) => banks.get(id))
		.flatMap((q) => [
			q?.prompt,
			q?.claim,
			q?.passage?.quote,
			...(q?.options ?? []).map((o) => o.text),
			...(q?.items ?? []).map((o) => o.text),
			...(q?.left ?? []).map((o) => o.text),
			...(q?.right ?? []).map((o) => o.text)
		])
		.filter(Boolean)
		.join('\n')
		.replace(/\s+/g, ' ')
		.toLowerCase();
	// Explanations often quote the prompt or an option; a quoted piece is public already and proves nothing.
	const secretOnly = (parts: string[]) => parts.filter((p) => !publicText.includes(p.toLowerCase()));
	for (const id of ids) {
		const q = banks.get(id);
		if (!q) throw new Error(`question ${id} is on the page but not in ${BANKS}`);
		const secret = secretOnly(
			[q.explanation, ...(q.options ?? []).map((o) => o.why), ...(q.reject ?? []).map((r) => r.why)].flatMap(
				(t) => fragments(t)
			)
		);
		if (q.type === 'short-text') {
			for (const a of [String(q.answer), ...(q.accept ?? [])]) {
				if (a.length >= 8 && !publicText.includes(a.toLowerCase())) secret.push(a);
			}
		}
		if (q.type === 'ordering' && Array.isArray(q.answer)) secret.push((q.answer as string[]).join('","'));
		if (q.type === 'matching' && q.answer && typeof q.answer === 'object') {
			const pairs = Object.entries(q.answer as Record<string, string>);
			secret.push(
				pairs.map(([l, r]) => `"${l}":"${r}"`).join(','),
				pairs.map(([l, r]) => `${l}:"${r}"`).join(',')
			);
		}
		byQuestion.set(id, secret);
		explanations.set(id, secretOnly(fragments(q.explanation)));
	}
	return { byQuestion, explanations };
}

/**
 * The questions of a review page whose keys are held (docs/progress.md, "Keys held for assignments"): while
 * another journey's assignment attempt holds one of them, the self-study review says so instead of showing
 * its key and explanation. Journeys share one database, so which items are held depends on what runs beside.
 */
export async function heldOnReview(page: Page): Promise<Set<string>> {
	const held = new Set<string>();
	for (const q of await questionsOnPage(page)) {
		if ((await q.section.getByRole('note').filter({ hasText: 'The answer is held for now.' }).count()) > 0)
			held.add(q.id);
	}
	return held;
}

/**
 * Answers a choice question with its key from the bank file (other types as `answer` does), so a journey
 * that compares students' scores has one that is sure to be above zero.
 */
export async function answerRight(q: QuestionOnPage): Promise<void> {
	const key = bankQuestions().get(q.id)?.answer;
	if (q.type === 'single' || q.type === 'true-false') {
		await q.section.locator(`input[type="radio"][value="${String(key)}"]`).check();
	} else if (q.type === 'multiple' && Array.isArray(key)) {
		for (const id of key) await q.section.locator(`input[type="checkbox"][value="${id}"]`).check();
	} else {
		await answer(q);
	}
}
