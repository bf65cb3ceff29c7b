/**
 * Helpers for the lesson journeys: the lessons' own card definitions (so a test walks the path the machine
 * defines) and answering a practice item through its form fields, the way a student would, rightly or not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { splitSentences } from '../src/lib/content/sentences';
import type { CardCitation, LessonDefinition, LessonStep } from '../src/lib/lessons/cards';

export const MODULE = 'treaty-2024';
/** The test fixture module the journeys serve beside the treaty (tests/fixture-content). */
export const FIXTURE_MODULE = 'fixture-harbour-light';

const moduleDir = (moduleId: string) =>
	[join('questions', moduleId), join('tests', 'fixture-content', moduleId)].find((d) => existsSync(d))!;

/**
 * A module's lessons as the app serves them, read from the lesson files (citation names resolved to their
 * passages), in module.yaml's order. The content check has validated them; this only reads.
 */
export function lessonsOf(moduleId: string): LessonDefinition[] {
	const dir = moduleDir(moduleId);
	const ids = (parse(readFileSync(join(dir, 'module.yaml'), 'utf8')) as { lessons: string[] }).lessons;
	return ids.map((id) => {
		const file = parse(readFileSync(join(dir, 'lessons', `${id}.yaml`), 'utf8'));
		const named: Record<string, CardCitation> = file.citations;
		const resolve = (v: unknown, key?: string): unknown =>
			Array.isArray(v)
				? key === 'citations'
					? v.map((n: string) => named[n])
					: v.map((x) => resolve(x))
				: v && typeof v === 'object'
					? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, k)]))
					: v;
		const { citations: _c, ...head } = file;
		return { ...head, steps: resolve(file.steps) } as LessonDefinition;
	});
}

export const lessons: readonly LessonDefinition[] = lessonsOf(MODULE);
export const lessonById = (id: string, moduleId = MODULE): LessonDefinition =>
	(moduleId === MODULE ? lessons : lessonsOf(moduleId)).find((l) => l.id === id)!;
export const lessonUrl = (id: string, moduleId = MODULE) => `/modules/${moduleId}/lessons/${id}`;

/** Open a lesson and wait until its player is live (hydrated), as a student's first click needs. */
export async function openLesson(page: Page, id: string, moduleId = MODULE): Promise<void> {
	await page.goto(lessonUrl(id, moduleId));
	await expect(page.locator('.lesson[data-ready="true"]')).toBeVisible();
}

export async function reloadLesson(page: Page): Promise<void> {
	await page.reload();
	await expect(page.locator('.lesson[data-ready="true"]')).toBeVisible();
}

interface Choice {
	id: string;
	text: string;
}
/** A practice item as written in its bank (only the fields a student's answer needs). */
interface BankItem {
	id: string;
	type: string;
	options?: Choice[];
	items?: Choice[];
	left?: Choice[];
	right?: Choice[];
	passage?: { quote: string };
	answer: unknown;
}

/** Practice items of every module's lesson banks, by id (ids are unique across the modules here). */
const items = new Map<string, BankItem>(
	[MODULE, FIXTURE_MODULE].flatMap((m) => {
		const banks = join(moduleDir(m), 'banks');
		return readdirSync(banks)
			.filter((f) => f.startsWith('lesson-'))
			.flatMap((f) => (parse(readFileSync(join(banks, f), 'utf8')) as { questions: BankItem[] }).questions)
			.map((q) => [q.id, q] as const);
	})
);

export const item = (id: string): BankItem => {
	const q = items.get(id);
	if (!q) throw new Error(`no practice item ${id}`);
	return q;
};

/** The option a 'wrong' answer picks for a single-choice item: the first that is not the key. */
export const firstWrongChoice = (id: string): string => {
	const q = item(id);
	return q.options!.find((o) => o.id !== q.answer)!.id;
};

const textOf = (list: Choice[] | undefined, id: string) => list!.find((c) => c.id === id)!.text;

/** Fill in an item's fields: its key, a wrong answer, or (for single choice) a given option. */
export async function fillItem(
	page: Page,
	id: string,
	how: 'right' | 'wrong' | { choice: string }
): Promise<void> {
	const q = item(id);
	const right = how === 'right';
	switch (q.type) {
		case 'single': {
			const key = q.answer as string;
			const pick = typeof how === 'object' ? how.choice : right ? key : firstWrongChoice(id);
			await page.getByRole('radio', { name: textOf(q.options, pick), exact: true }).check();
			return;
		}
		case 'multiple': {
			const key = q.answer as string[];
			const picks = right ? key : [q.options!.find((o) => !key.includes(o.id))!.id];
			for (const p of picks)
				await page.getByRole('checkbox', { name: textOf(q.options, p), exact: true }).check();
			return;
		}
		case 'true-false':
			await page
				.getByRole('radio', { name: String(right === q.answer).replace(/^./, (c) => c.toUpperCase()) })
				.check();
			return;
		case 'ordering': {
			const key = q.answer as string[];
			const order = right ? key : [...key].reverse();
			for (const [i, itemId] of order.entries()) {
				await page.getByLabel(textOf(q.items, itemId), { exact: true }).selectOption(String(i + 1));
			}
			return;
		}
		case 'matching': {
			const key = q.answer as Record<string, string>;
			const rights = q.left!.map((l) => key[l.id]!);
			const shifted = right ? rights : [...rights.slice(1), rights[0]!];
			for (const [i, l] of q.left!.entries()) {
				await page.getByLabel(l.text, { exact: true }).selectOption({ label: textOf(q.right, shifted[i]!) });
			}
			return;
		}
		case 'short-text':
		case 'numeric':
			await page.getByLabel(/^Your answer/).fill(right ? String(q.answer) : 'something else');
			return;
		case 'evidence': {
			const sentences = splitSentences(q.passage!.quote);
			const key = (q.answer as string[]).map((s) => s.replace(/\s+/g, ' ').trim());
			const picks = right ? key : [sentences.find((s) => !key.includes(s))!];
			for (const s of picks) await page.getByRole('checkbox', { name: s, exact: true }).check();
			return;
		}
	}
	throw new Error(`cannot answer ${q.type}`);
}

/** The card's heading, where focus lands on each new card. */
export const cardHeading = (page: Page) => page.locator('article.lesson-card h2');

/** A new card: its heading shown in full on screen, with focus on it. */
export async function expectCard(page: Page, heading: string | RegExp): Promise<void> {
	await expect(cardHeading(page)).toHaveText(heading);
	await expect(cardHeading(page)).toBeFocused();
	await expect(cardHeading(page)).toBeInViewport({ ratio: 1 });
}

export async function answerAndCheck(page: Page, id: string, how: 'right' | 'wrong' | { choice: string }) {
	await fillItem(page, id, how);
	await page.getByRole('button', { name: 'Check my answer' }).click();
}

/**
 * Walk one step of a lesson the way a student would, from its first card to the next step. `remediate`
 * answers a check wrong first, reads the remediation and answers the re-check right; `miss` gets both wrong.
 * `visit` is called on each card shown (for axe checks).
 */
export async function walkStep(
	page: Page,
	step: LessonStep,
	how: 'right' | 'remediate' | 'miss',
	visit: (kind: string) => Promise<void> = async () => {}
): Promise<void> {
	const { card } = step;
	switch (card.kind) {
		case 'explain':
			await expect(cardHeading(page)).toHaveText(card.title);
			await visit('explain');
			await page.getByRole('button', { name: 'Next', exact: true }).click();
			return;
		case 'flow':
			await expect(cardHeading(page)).toHaveText(card.title);
			await visit('flow question');
			await page.getByRole('button', { name: 'Yes', exact: true }).click();
			await expect(page.locator('#flow-result')).toBeFocused();
			await visit('flow result');
			await page.getByRole('button', { name: card.next ?? 'Next', exact: true }).click();
			return;
		case 'check':
		case 'scenario': {
			await expect(cardHeading(page)).toHaveText(card.title);
			await visit('check');
			if (how === 'right') {
				await answerAndCheck(page, card.item, 'right');
			} else {
				await answerAndCheck(page, card.item, 'wrong');
				const remediation =
					card.kind === 'check'
						? card.remediation
						: card.remediations[firstWrongChoice(card.item) as keyof typeof card.remediations]!;
				await expectCard(page, remediation.title);
				await visit('remediation');
				await page.getByRole('button', { name: 'Try a different question' }).click();
				await expectCard(page, 'Try a different question');
				await visit('re-check');
				await answerAndCheck(page, card.retryItem, how === 'miss' ? 'wrong' : 'right');
				if (how === 'miss') {
					await expectCard(page, 'Here is the answer');
					await visit('answer shown');
					await page.getByRole('button', { name: 'Next', exact: true }).click();
					return;
				}
			}
			await expect(page.getByText('✓ Right.')).toBeVisible();
			await expect(cardHeading(page)).toBeFocused();
			await visit('right');
			await page.getByRole('button', { name: 'Next', exact: true }).click();
			return;
		}
		case 'summary':
			await expectCard(page, card.title);
			await visit('summary');
			return;
	}
}
