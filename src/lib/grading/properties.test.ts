/**
 * Property tests for every grader (issue 4): for arbitrary valid questions, random and hostile responses
 * never throw and score within [0, max]; the key always scores max. Worked examples are in graders.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question, QuestionOf } from '$lib/content/types';
import { gradeMultiple, gradeSingle, gradeTrueFalse } from './choice';
import { gradeEvidence } from './evidence';
import { grade, keyResponse } from './index';
import { gradeMatching } from './matching';
import { gradeNumeric } from './numeric';
import { gradeOrdering } from './ordering';
import { gradeShortText, normaliseAnswer } from './short-text';
import * as make from './test-questions';
import type { Verdict } from './verdict';

const RUNS = { numRuns: 300 };

const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/);
const ids = (min: number, max: number) => fc.uniqueArray(idArb, { minLength: min, maxLength: max });

const singleArb: fc.Arbitrary<QuestionOf<'single'>> = ids(2, 6).chain((os) =>
	fc.constantFrom(...os).map((answer) => make.single(answer, os))
);
const multipleArb: fc.Arbitrary<QuestionOf<'multiple'>> = ids(2, 6).chain((os) =>
	fc.shuffledSubarray(os, { minLength: 1 }).map((answer) => make.multiple(answer, os))
);
const trueFalseArb = fc.boolean().map((b) => make.trueFalse(b));
const orderingArb: fc.Arbitrary<QuestionOf<'ordering'>> = ids(2, 8).map((answer) => make.ordering(answer));
const matchingArb: fc.Arbitrary<QuestionOf<'matching'>> = fc
	.integer({ min: 2, max: 6 })
	.chain((n) =>
		fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }))
	)
	.map(([n, perm]) =>
		make.matching(Object.fromEntries(Array.from({ length: n }, (_, i) => [`l${i}`, `r${perm[i]}`])))
	);
// Authors' answers contain at least one letter or digit: the content check refuses an answer made only of
// punctuation or symbols, since it normalises to nothing and could never be matched.
const answerText = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÿ0-9 .,'’“”÷-]{0,30}$/);
const shortTextArb: fc.Arbitrary<QuestionOf<'short-text'>> = fc
	.tuple(answerText, fc.array(answerText, { maxLength: 3 }), fc.array(answerText, { maxLength: 3 }))
	.map(([answer, accept, rejects]) => {
		const accepted = new Set([answer, ...accept].map(normaliseAnswer));
		const reject = rejects
			.filter((r) => !accepted.has(normaliseAnswer(r)))
			.map((text) => ({ text, why: 'no' }));
		return make.shortText(answer, accept, reject);
	});
const numericArb: fc.Arbitrary<QuestionOf<'numeric'>> = fc
	.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
	.map(([answer, tolerance]) => make.numeric(answer, tolerance));
const evidenceArb: fc.Arbitrary<QuestionOf<'evidence'>> = fc
	.integer({ min: 2, max: 8 })
	.chain((n) => fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: 1 })))
	.map(([n, picks]) =>
		make.evidence(
			[...picks].sort((a, b) => a - b),
			n
		)
	);

/** Responses an attacker or a buggy client might send: anything JSON-ish plus near-miss shapes. */
const hostile = (near: fc.Arbitrary<unknown>) =>
	fc.oneof(
		fc.anything({
			withBoxedValues: true,
			withMap: true,
			withSet: true,
			withNullPrototype: true,
			withSparseArray: true
		}),
		fc.string({ unit: 'binary', maxLength: 600 }),
		fc.double(),
		fc.array(fc.oneof(fc.integer(), fc.string(), fc.double(), fc.constant(null)), { maxLength: 12 }),
		fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined))),
		near
	);

const nearChoice = (q: { options: { id: string }[] }) =>
	fc.oneof(fc.constantFrom(...q.options.map((o) => o.id)), fc.subarray(q.options.map((o) => o.id)));
const nearOrdering = (q: QuestionOf<'ordering'>) =>
	fc.oneof(fc.shuffledSubarray(q.answer), fc.array(fc.constantFrom(...q.answer, 'zz'), { maxLength: 10 }));
const nearMatching = (q: QuestionOf<'matching'>) =>
	fc.dictionary(
		fc.constantFrom(...q.left.map((l) => l.id), '__proto__', 'constructor', 'l99'),
		fc.constantFrom(...q.right.map((r) => r.id), 'r99')
	);
const nearNumeric = (q: QuestionOf<'numeric'>) =>
	fc.oneof(
		fc.constantFrom(NaN, Infinity, -Infinity, -0, q.answer + q.tolerance, q.answer - q.tolerance),
		fc.double().map((d) => String(d)),
		fc.double().map((d) => String(d).replace('.', ','))
	);
const nearEvidence = (q: QuestionOf<'evidence'>) =>
	fc.array(
		fc.oneof(fc.integer({ min: -3, max: q.sentences.length + 3 }), fc.constantFrom('1', '01', '-1', '1e3')),
		{
			maxLength: 12
		}
	);

function expectSane(v: Verdict): void {
	expect(Number.isFinite(v.score)).toBe(true);
	expect(v.score).toBeGreaterThanOrEqual(0);
	expect(v.score).toBeLessThanOrEqual(v.max);
	expect(v.max).toBe(1);
	expect(v.correct).toBe(v.score === v.max);
	expect(v.partial).toBe(v.score > 0 && v.score < v.max);
}

interface Case<Q extends Question> {
	name: string;
	question: fc.Arbitrary<Q>;
	grader: (q: Q, r: unknown) => Verdict;
	near: (q: Q) => fc.Arbitrary<unknown>;
}

const cases = [
	{ name: 'single', question: singleArb, grader: gradeSingle, near: nearChoice },
	{ name: 'multiple', question: multipleArb, grader: gradeMultiple, near: nearChoice },
	{
		name: 'true-false',
		question: trueFalseArb,
		grader: gradeTrueFalse,
		near: () => fc.constantFrom('true', 'false', 1, 0, 'TRUE')
	},
	{ name: 'ordering', question: orderingArb, grader: gradeOrdering, near: nearOrdering },
	{ name: 'matching', question: matchingArb, grader: gradeMatching, near: nearMatching },
	{
		name: 'short-text',
		question: shortTextArb,
		grader: gradeShortText,
		near: (q) => fc.constantFrom(String(q.answer).toUpperCase(), ` ${String(q.answer)}!`, '')
	},
	{ name: 'numeric', question: numericArb, grader: gradeNumeric, near: nearNumeric },
	{ name: 'evidence', question: evidenceArb, grader: gradeEvidence, near: nearEvidence }
] as Case<Question>[];

describe.each(cases)('$name grader properties', ({ question, grader, near }) => {
	it('never throws on random and hostile responses, and scores within [0, max]', () => {
		fc.assert(
			fc.property(
				question.chain((q) => fc.tuple(fc.constant(q), hostile(near(q)))),
				([q, response]) => {
					expectSane(grader(q, response));
					expectSane(grade(q, response));
				}
			),
			RUNS
		);
	});

	it('gives the key full marks', () => {
		fc.assert(
			fc.property(question, (q) => {
				const v = grade(q, keyResponse(q));
				expect(v.score).toBe(v.max);
				expect(v.correct).toBe(true);
			}),
			RUNS
		);
	});

	it('survives responses whose getters throw (grade() catches)', () => {
		const trap = new Proxy([], {
			get() {
				throw new Error('boom');
			},
			ownKeys() {
				throw new Error('boom');
			}
		});
		fc.assert(
			fc.property(question, (q) => {
				expectSane(grade(q, trap));
				expectSane(
					grade(q, {
						get x() {
							throw new Error('boom');
						}
					})
				);
			}),
			{ numRuns: 20 }
		);
	});
});

describe('partial-credit monotonicity', () => {
	it('multiple: adding a wrong option never raises the score', () => {
		fc.assert(
			fc.property(
				multipleArb.chain((q) => fc.tuple(fc.constant(q), fc.subarray(q.options.map((o) => o.id)))),
				([q, picks]) => {
					const wrong = q.options
						.map((o) => o.id)
						.find((id) => !q.answer.includes(id) && !picks.includes(id));
					if (!wrong) return;
					expect(grade(q, [...picks, wrong]).score).toBeLessThanOrEqual(grade(q, picks).score);
				}
			),
			RUNS
		);
	});

	it('ordering: the reverse of the key scores 0', () => {
		fc.assert(
			fc.property(orderingArb, (q) => {
				expect(grade(q, [...q.answer].reverse()).score).toBe(0);
			}),
			RUNS
		);
	});

	it('evidence: selecting every sentence never beats selecting only the supporting ones', () => {
		fc.assert(
			fc.property(evidenceArb, (q) => {
				const all = q.sentences.map((_, i) => i);
				expect(grade(q, all).score).toBeLessThanOrEqual(grade(q, q.answer).score);
			}),
			RUNS
		);
	});
});
