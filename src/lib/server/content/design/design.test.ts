/**
 * The design rules of content:check (issue 14), each shown failing on a small module at the line an author
 * must fix, and passing once the defect is fixed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../load-content';
import { formatProblem } from '../problems';
import { at, FIXTURE_MODULE, writeFixture } from '../test-fixture';

const BANK = 'demo/banks/b.yaml';
const bank = (questions: string) => `id: b\ntitle: Bank B\nquestions:\n${questions}`;

/** A single-choice item; `long` makes the key the only longest option. */
const single = (id: string, o: { long?: boolean; extra?: string; quote?: string } = {}) => `  - id: ${id}
    type: single
    use: assessment
    objective: history
    difficulty: 1${o.extra ?? ''}
    prompt: When was the first treaty signed?
    options:
      - { id: a, text: "${o.long ? 'In 1961, in Moscow, by both parties' : '1961'}", why: Right. }
      - { id: b, text: "2000", why: The second treaty. }
      - { id: c, text: "2024", why: Much later. }
    answer: a
    explanation: The first treaty dates from 1961.
    citations:
      - { source: doc, quote: ${o.quote ?? 'The first treaty was signed in 1961'} }
`;

const evidence = (citation: string) => `  - id: ev
    type: evidence
    use: assessment
    objective: history
    difficulty: 2
    prompt: Select the sentence that supports the claim.
    claim: Some people doubted the treaty would last.
    passage:
      source: doc
      quote: Both parties said the treaty would last. Critics said the treaty would not last.
    answer:
      - Critics said the treaty would not last.
    explanation: Only the critics doubted it.
    citations:
      - { source: doc, quote: ${citation} }
`;

const quiz = (id: string, count: number, extra = '') =>
	`id: ${id}\ntitle: Quiz ${id}\nsummary: A quiz.${extra}\nsettings:\n  attemptsAllowed: 2\n  feedback: on-submit\n  passMark: 50\ndraws:\n  - { objective: history, count: ${count} }\n`;

function problems(
	banks: string,
	quizzes: Record<string, string> = {},
	lessons?: Record<string, string>,
	moduleYaml = FIXTURE_MODULE
) {
	const root = writeFixture({ banks: { 'b.yaml': banks }, lessons, moduleYaml });
	mkdirSync(join(root, 'demo', 'quizzes'), { recursive: true });
	for (const [name, text] of Object.entries(quizzes))
		writeFileSync(join(root, 'demo', 'quizzes', name), text);
	const result = loadContent(root, { relativeTo: root });
	return result.ok ? [] : result.problems.map(formatProblem);
}

describe('design rule: an evidence item cites the sentence of its key', () => {
	it('fails at the citations when they point at a distractor sentence, and passes when they cite the key', () => {
		const wrong = bank(evidence('Both parties said the treaty would last.'));
		expect(problems(wrong)).toEqual([
			`${BANK}:${at(wrong, '- { source: doc, quote: Both')}: evidence "ev": no citation covers the key sentence "Critics said the treaty would not last."; cite the sentence that carries the key, so the review highlights it`
		]);
		expect(problems(bank(evidence('Critics said the treaty would not last.')))).toEqual([]);
	});
});

describe('design rule: the length cue', () => {
	it('fails above 35 % of single-choice items with the key strictly longest, naming those items', () => {
		const yaml = bank(single('q1', { long: true }) + single('q2', { long: true }) + single('q3'));
		const found = problems(yaml);
		expect(found).toHaveLength(2);
		expect(found[0]).toMatch(
			new RegExp(
				`^${BANK}:\\d+:13: "q1": the key is the longest option \\(35 characters, the longest other 4\\); 2 of 3 single-choice items \\(67 %\\)`
			)
		);
		expect(found[1]).toContain('"q2"');
	});

	it('passes at one item in three (33 %)', () => {
		expect(problems(bank(single('q1', { long: true }) + single('q2') + single('q3')))).toEqual([]);
	});
});

describe('design rules: retakes draw unseen items, and a final has its own pool', () => {
	const three = single('q1') + single('q2') + single('q3');

	it('fails a two-attempt quiz whose retake can draw fewer than half of its items unseen', () => {
		// 3 items, 2 drawn: the retake finds 1 unseen of 2, exactly half, which passes.
		expect(problems(bank(three), { 'half.yaml': quiz('half', 2) })).toEqual([]);
		// 3 of 3 drawn: the retake repeats every item.
		const tight = quiz('tight', 3);
		expect(problems(bank(three), { 'tight.yaml': tight })).toEqual([
			`demo/quizzes/tight.yaml:${at(tight, '- { objective')}: quiz "tight": the last of 1 retakes can draw only 0 of its 3 items unseen; at least half must be (add assessment items, draw fewer or allow fewer attempts)`
		]);
	});

	it('keeps held-out items for the final: other quizzes never draw them, and the final needs 20 of them', () => {
		const held = Array.from({ length: 20 }, (_, i) => single(`h${i}`, { extra: '\n    heldOut: true' })).join(
			''
		);
		const final = quiz('final', 3, '\nfinal: true');
		const open = quiz('open', 1);
		expect(problems(bank(three + held), { 'final.yaml': final, 'open.yaml': open })).toEqual([]);
		// With one held-out item fewer, the final-only pool is 19.
		const fewer = held.replace('\n    heldOut: true', '');
		const found = problems(bank(three + fewer), { 'final.yaml': final, 'open.yaml': open });
		expect(found).toEqual([
			`demo/quizzes/final.yaml:4:8: final quiz "final": 19 of its items are drawn by no other quiz; it needs at least 20 (mark assessment items \`heldOut: true\`)`
		]);
	});
});

describe('design rule: an assessed point is taught in a lesson, or the item is a reading item', () => {
	const moduleYaml = `${FIXTURE_MODULE}lessons: [first]\n`;
	const lesson = `id: first
version: 1
title: First
objective: history
blurb: The first lesson.
citations:
  first:
    source: doc
    quote: The first treaty was signed in 1961 in Moscow
steps:
  - id: intro
    label: Intro
    card:
      kind: explain
      title: The first treaty
      body: [It was signed in 1961.]
      citations: [first]
  - id: end
    label: Summary
    card:
      kind: summary
      title: Summary
      body: [That was the first treaty.]
      takeaways: [1961 came first.]
`;
	const untaught = single('q2', { quote: 'dropped the mutual defence clause entirely' });

	it('fails an item citing a paragraph no lesson quotes, and accepts it marked reading: true', () => {
		const yaml = bank(single('q1') + untaught);
		const found = problems(yaml, {}, { 'first.yaml': lesson }, moduleYaml);
		expect(found).toEqual([
			`${BANK}:${at(yaml, '- { source: doc, quote: dropped')}: "q2" assesses a passage no lesson teaches (doc ¶3); teach it in a lesson or mark the item \`reading: true\``
		]);
		const reading = bank(
			single('q1') +
				single('q2', { quote: 'dropped the mutual defence clause entirely', extra: '\n    reading: true' })
		);
		expect(problems(reading, {}, { 'first.yaml': lesson }, moduleYaml)).toEqual([]);
	});
});

describe('design rule: documents go by their names, not letters', () => {
	it('fails a prompt that says "Document A", at the prompt, and passes once the document is named', () => {
		const lettered = bank(single('q1').replace('When was', 'Per Document A, when was'));
		expect(problems(lettered)).toEqual([
			`${BANK}:${at(lettered, 'Per Document A')}: "q1": "Document A" names a document by a letter no page explains; name it plainly (e.g. "the Sputnik report")`
		]);
		const tagged = bank(single('q1').replace('why: The second treaty.', 'why: The second treaty (B).'));
		expect(problems(tagged)).toHaveLength(1);
		expect(problems(bank(single('q1').replace('When was', 'Per the harbour log, when was')))).toEqual([]);
	});
});
