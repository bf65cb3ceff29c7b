import { describe, expect, it } from 'vitest';
import { drawAttempt, seededRandom } from './draw';
import { FIXTURE_MODULE, fixtureContent } from './test-content';

const index = fixtureContent();
const mod = index.module(FIXTURE_MODULE)!;
const quiz = (id: string) => index.quiz(FIXTURE_MODULE, id)!;
const byId = new Map(mod.questions.map((q) => [q.id, q]));

describe('drawing an attempt', () => {
	it('is reproducible from its seed', () => {
		const a = drawAttempt({ quiz: quiz('mixed'), questions: mod.questions, seed: 42 });
		const b = drawAttempt({ quiz: quiz('mixed'), questions: mod.questions, seed: 42 });
		expect(b).toEqual(a);
		// …and does not depend on the order questions are listed in.
		expect(drawAttempt({ quiz: quiz('mixed'), questions: [...mod.questions].reverse(), seed: 42 })).toEqual(
			a
		);
	});

	it('draws per objective and difficulty, assessment items only, each once', () => {
		for (let seed = 0; seed < 50; seed++) {
			const { questionIds } = drawAttempt({ quiz: quiz('mixed'), questions: mod.questions, seed });
			const qs = questionIds.map((id) => byId.get(id)!);
			expect(new Set(questionIds).size).toBe(8);
			expect(qs.every((q) => q.use === 'assessment')).toBe(true);
			expect(qs.filter((q) => q.objective === 'alpha')).toHaveLength(4);
			expect(qs.filter((q) => q.objective === 'alpha' && q.difficulty === 2).length).toBeGreaterThanOrEqual(
				2
			);
			expect(qs.filter((q) => q.objective === 'beta')).toHaveLength(4);
		}
	});

	it('shuffles options, items and matching sides per attempt, and never shows an ordering already solved', () => {
		const orders = new Set<string>();
		for (let seed = 0; seed < 40; seed++) {
			const drawn = drawAttempt({ quiz: quiz('mixed'), questions: mod.questions, seed });
			for (const [id, order] of Object.entries(drawn.orders)) {
				const q = byId.get(id)!;
				if (q.type === 'ordering') {
					expect(order.items).not.toEqual(q.answer);
					expect([...order.items!].sort()).toEqual([...q.answer].sort());
				}
				if (q.type === 'single' || q.type === 'multiple') orders.add(`${id}:${order.options!.join()}`);
				if (q.type === 'matching') expect([...order.left!].sort()).toEqual(q.left.map((l) => l.id).sort());
			}
		}
		// Different seeds give different option orders.
		expect(orders.size).toBeGreaterThan(4);
	});

	it('prefers items the learner has not seen on a retake', () => {
		// alpha has 6 assessment items; the quiz draws 3.
		const first = drawAttempt({ quiz: quiz('alpha'), questions: mod.questions, seed: 1 });
		const seen = new Map(first.questionIds.map((id) => [id, 1]));
		for (let seed = 2; seed < 30; seed++) {
			const retake = drawAttempt({ quiz: quiz('alpha'), questions: mod.questions, seed, seen });
			expect(retake.questionIds.filter((id) => seen.has(id))).toEqual([]);
		}
		// When every item has been seen, the least-seen come first.
		const all = new Map(mod.questions.map((q) => [q.id, 2]));
		all.set('a-numeric', 1);
		const third = drawAttempt({ quiz: quiz('alpha'), questions: mod.questions, seed: 7, seen: all });
		expect(third.questionIds).toContain('a-numeric');
	});

	it('keeps held-out items for a final quiz (issue 14)', () => {
		// The fixture's own items, with two of alpha's marked held out.
		const held = new Set(
			mod.questions
				.filter((q) => q.objective === 'alpha')
				.slice(0, 2)
				.map((q) => q.id)
		);
		const questions = mod.questions.map((q) => (held.has(q.id) ? { ...q, heldOut: true } : q));
		const alpha = { draws: [{ objective: 'alpha', count: 2 }] };
		const finalDrew = new Set<string>();
		for (let seed = 1; seed <= 30; seed++) {
			const open = drawAttempt({ quiz: { ...alpha, final: false }, questions, seed });
			expect(open.questionIds.filter((id) => held.has(id))).toEqual([]);
			const final = drawAttempt({ quiz: { ...alpha, final: true }, questions, seed });
			for (const id of final.questionIds) if (held.has(id)) finalDrew.add(id);
		}
		expect(finalDrew).toEqual(held);
	});

	it('has a seeded random source that is uniform enough', () => {
		const random = seededRandom(123);
		const buckets = [0, 0, 0, 0];
		for (let i = 0; i < 4000; i++) buckets[Math.floor(random() * 4)]!++;
		for (const b of buckets) expect(b).toBeGreaterThan(850);
	});
});
