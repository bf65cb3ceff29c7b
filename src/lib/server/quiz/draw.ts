/**
 * Drawing an attempt from a blueprint, deterministically from a seed: which assessment items, in which
 * order, with which option shuffles. The seed, the ids and the orders are stored with the attempt, so an
 * attempt can be shown again exactly and re-derived from its seed for an audit.
 */
import { randomInt } from 'node:crypto';
import { drawPlan, drawPool } from '$lib/content/draw-pool';
import type { Question, Quiz } from '$lib/content/types';

/** Per-question display orders, keyed like toPublicQuestion's `order` argument. */
export type QuestionOrder = Partial<Record<'options' | 'items' | 'left' | 'right', string[]>>;

export interface DrawnAttempt {
	seed: number;
	questionIds: string[];
	orders: Record<string, QuestionOrder>;
}

export const newSeed = (): number => randomInt(0, 2 ** 31 - 1);

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const same = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

function orderFor(q: Question, random: () => number): QuestionOrder {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return { options: shuffle(ids(q.options), random) };
		case 'ordering': {
			// Never show the items already in the right order: that would hand out the answer.
			let items = shuffle(ids(q.items), random);
			for (let tries = 0; tries < 5 && same(items, q.answer); tries++) items = shuffle(items, random);
			if (same(items, q.answer)) items = [...items.slice(1), items[0] as string];
			return { items };
		}
		case 'matching':
			return { left: shuffle(ids(q.left), random), right: shuffle(ids(q.right), random) };
		default:
			// True/false has no options; an evidence passage keeps its sentences in reading order.
			return {};
	}
}

/**
 * @param seen how many times the learner has already seen each question in earlier attempts of this quiz:
 * a retake draws unseen items first, then the least seen, so it differs wherever the bank allows.
 */
export function drawAttempt(input: {
	quiz: Pick<Quiz, 'draws' | 'final'>;
	questions: readonly Question[];
	seed: number;
	seen?: ReadonlyMap<string, number>;
}): DrawnAttempt {
	const random = seededRandom(input.seed);
	const seen = input.seen ?? new Map<string, number>();
	// Sorted by id so the draw depends on the bank's contents, not on file or line order.
	const assessment = input.questions
		.filter((q) => q.use === 'assessment')
		.sort((a, b) => (a.id < b.id ? -1 : 1));
	const picked = new Set<string>();
	// Draws of a set difficulty first, then open draws from what is left (the content check counts the same way).
	for (const draw of drawPlan(input.quiz.draws)) {
		const pool = drawPool(input.quiz, draw, assessment).filter((q) => !picked.has(q.id));
		// Least seen first. A final draws held-out items at random with the rest rather than first: serving
		// them first would give every learner's first final nearly the same 20 items.
		const ranked = shuffle(pool, random).sort((a, b) => (seen.get(a.id) ?? 0) - (seen.get(b.id) ?? 0));
		for (const q of ranked.slice(0, draw.count)) picked.add(q.id);
	}
	const chosen = shuffle(
		assessment.filter((q) => picked.has(q.id)),
		random
	);
	return {
		seed: input.seed,
		questionIds: chosen.map((q) => q.id),
		orders: Object.fromEntries(chosen.map((q) => [q.id, orderFor(q, random)]))
	};
}

/**
 * An attempt on a fixed form (an assignment with "same questions for the whole class", issue 11 point 7):
 * exactly the form's questions, in this attempt's own shuffled order, with its own option orders. A question
 * no longer in the bank (content changed since the form was fixed) is left out rather than shown broken.
 */
export function drawFromForm(input: {
	form: readonly string[];
	questions: readonly Question[];
	seed: number;
}): DrawnAttempt {
	const random = seededRandom(input.seed);
	const byId = new Map(input.questions.filter((q) => q.use === 'assessment').map((q) => [q.id, q]));
	const onForm = input.form.flatMap((id) => {
		const q = byId.get(id);
		return q ? [q] : [];
	});
	const chosen = shuffle(onForm, random);
	return {
		seed: input.seed,
		questionIds: chosen.map((q) => q.id),
		orders: Object.fromEntries(chosen.map((q) => [q.id, orderFor(q, random)]))
	};
}
