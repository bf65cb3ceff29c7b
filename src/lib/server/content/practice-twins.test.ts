/**
 * Issue 11: four lesson items twinned assessment items (same prompt, same short-text key, an option's why
 * word for word), so lesson pages handed their keys to anyone. content:check now refuses each kind of twin
 * at the practice item's line, and names the assessment item and its line.
 */
import { describe, expect, it } from 'vitest';
import { at, problemsOf } from './test-fixture';

const single = (id: string, use: string, prompt: string, why: string) => `  - id: ${id}
    type: single
    use: ${use}
    objective: history
    difficulty: 1
    prompt: ${prompt}
    options:
      - { id: a, text: "1961", why: "${why}" }
      - { id: b, text: "2000", why: "Later than that (${id})." }
    answer: a
    explanation: The first treaty dates from 1961.
    citations:
      - { source: doc, quote: The first treaty was signed in 1961 }
`;
const short = (id: string, use: string, prompt: string, answer: string, accept = '[]') => `  - id: ${id}
    type: short-text
    use: ${use}
    objective: history
    difficulty: 1
    prompt: ${prompt}
    answer: ${answer}
    accept: ${accept}
    explanation: The text names the city.
    citations:
      - { source: doc, quote: The first treaty was signed in 1961 in Moscow }
`;
const bank = (...questions: string[]) => `id: b\ntitle: B\nquestions:\n${questions.join('')}`;
const FILE = 'demo/banks/b.yaml';

describe('practice items that twin an assessment item', () => {
	it('are refused for a shared prompt, short-text key or option why, each located at the practice item', () => {
		const text = bank(
			single('x-year', 'assessment', 'When was the first treaty signed?', 'Right, in 1961.'),
			short('x-city', 'assessment', 'Where was the first treaty signed?', 'Moscow'),
			// Same prompt (case and spacing aside).
			single('p-prompt', 'practice', 'when was the first  treaty signed?', 'The text says 1961.'),
			// Same key as x-city through one of its accepted spellings.
			short('p-key', 'practice', 'Name the city of the signing.', 'the capital', '[Moscow]'),
			// Same option why.
			single('p-why', 'practice', 'Which year came first?', 'Right, in 1961.')
		);
		const line = (id: string) => at(text, `id: ${id}`).split(':')[0];
		expect(problemsOf({ banks: { 'b.yaml': text } })).toEqual([
			`${FILE}:${at(text, 'when was the first')}: practice item "p-prompt" has the same prompt as assessment item "x-year" (${FILE}:${line('x-year')}): practice keys reach every visitor, so reword the practice item`,
			`${FILE}:${at(text, 'the capital')}: practice item "p-key" has the same short-text key as assessment item "x-city" (${FILE}:${line('x-city')}): practice keys reach every visitor, so reword the practice item`,
			`${FILE}:${at(text, '"Right, in 1961."', 2)}: practice item "p-why" has the same option why as assessment item "x-year" (${FILE}:${line('x-year')}): practice keys reach every visitor, so reword the practice item`
		]);
	});

	it('accept practice items that only share the topic and the cited passage', () => {
		const text = bank(
			single('x-year', 'assessment', 'When was the first treaty signed?', 'Right, in 1961.'),
			single('p-year', 'practice', 'Which year saw the first treaty?', 'Yes: 1961.')
		);
		expect(problemsOf({ banks: { 'b.yaml': text } })).toEqual([]);
	});
});
