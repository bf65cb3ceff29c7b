/**
 * Small, valid questions of every type for grader tests (unit and property). Test support only: nothing in
 * the app imports this file.
 */
import type { LocatedCitation, Question, QuestionOf } from '$lib/content/types';

const citation: LocatedCitation = {
	source: 'doc',
	quote: 'a quote of twenty characters',
	paragraph: 1,
	start: 0,
	end: 28
};

const base = (id: string) => ({
	id,
	prompt: `Prompt of ${id}`,
	explanation: `Explanation of ${id}`,
	objective: 'obj',
	difficulty: 2 as const,
	use: 'assessment' as const,
	citations: [citation],
	bank: 'bank'
});

const option = (id: string, right = false) => ({
	id,
	text: `Option ${id}`,
	why: right ? `${id} is right` : `${id} is wrong`
});

export function single(answer = 'b', ids = ['a', 'b', 'c', 'd']): QuestionOf<'single'> {
	return { ...base('single-q'), type: 'single', options: ids.map((i) => option(i, i === answer)), answer };
}

export function multiple(answer = ['a', 'b'], ids = ['a', 'b', 'c', 'd']): QuestionOf<'multiple'> {
	return {
		...base('multiple-q'),
		type: 'multiple',
		options: ids.map((i) => option(i, answer.includes(i))),
		answer
	};
}

export function trueFalse(answer = true): QuestionOf<'true-false'> {
	return { ...base('tf-q'), type: 'true-false', answer };
}

export function ordering(answer = ['a', 'b', 'c', 'd']): QuestionOf<'ordering'> {
	return {
		...base('ordering-q'),
		type: 'ordering',
		items: [...answer].reverse().map((id) => ({ id, text: `Item ${id}` })),
		answer
	};
}

export function matching(
	answer: Record<string, string> = { l1: 'r1', l2: 'r2', l3: 'r3', l4: 'r4' }
): QuestionOf<'matching'> {
	return {
		...base('matching-q'),
		type: 'matching',
		left: Object.keys(answer).map((id) => ({ id, text: `Left ${id}` })),
		right: Object.values(answer).map((id) => ({ id, text: `Right ${id}` })),
		answer
	};
}

export function shortText(
	answer = 'Federation Council',
	accept: string[] = ['the Federation Council'],
	reject: { text: string; why: string }[] = [
		{ text: 'State Duma', why: 'The Duma voted first; the Council ratified.' }
	]
): QuestionOf<'short-text'> {
	return { ...base('short-q'), type: 'short-text', answer, accept, reject };
}

export function numeric(answer = 6, tolerance = 0): QuestionOf<'numeric'> {
	return { ...base('numeric-q'), type: 'numeric', answer, tolerance, unit: 'articles' };
}

export function evidence(answer = [1, 3], sentenceCount = 5): QuestionOf<'evidence'> {
	return {
		...base('evidence-q'),
		type: 'evidence',
		claim: 'A claim',
		passage: citation,
		sentences: Array.from({ length: sentenceCount }, (_, i) => `Sentence ${i}.`),
		answer
	};
}

/** One default question of each type. */
export function oneOfEachType(): Question[] {
	return [single(), multiple(), trueFalse(), ordering(), matching(), shortText(), numeric(), evidence()];
}
