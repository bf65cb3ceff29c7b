import { describe, expect, it } from 'vitest';
import { loadContent } from './load-content';
import { moduleCoverage } from './coverage';
import { at, FIXTURE_MODULE, FIXTURE_TEXT, problemsOf, sourceFile, writeFixture } from './test-fixture';

const BANK = 'demo/banks/b.yaml';

const bank = (questions: string, head = 'id: b\ntitle: Bank B\n') => `${head}questions:\n${questions}`;

const single = (
	o: Partial<Record<'id' | 'use' | 'objective' | 'answer' | 'source' | 'quote' | 'extra', string>> = {}
) => `  - id: ${o.id ?? 'q1'}
    type: single
    use: ${o.use ?? 'assessment'}
    objective: ${o.objective ?? 'history'}
    difficulty: 1
    prompt: When was the first treaty signed?
    options:
      - id: a
        text: "1961"
        why: Right, the first treaty.
      - id: b
        text: "2000"
        why: That is the second treaty.
    answer: ${o.answer ?? 'a'}
    explanation: The first treaty dates from 1961.${o.extra ?? ''}
    citations:
      - source: ${o.source ?? 'doc'}
        quote: ${o.quote ?? 'The first treaty was signed in 1961'}
`;

const check = (yaml: string) => problemsOf({ banks: { 'b.yaml': yaml } });

describe('loadContent: a valid module', () => {
	it('loads, locates each citation and counts coverage', () => {
		const root = writeFixture({ banks: { 'b.yaml': bank(single()) } });
		const result = loadContent(root);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const q = result.index.question('demo', 'q1');
		expect(q?.citations[0]).toMatchObject({ source: 'doc', paragraph: 2, start: 0, end: 35 });
		const source = result.index.source('demo', 'doc');
		expect(source?.paragraphs.map((p) => p.kind)).toEqual([
			'title',
			'paragraph',
			'paragraph',
			'paragraph',
			'list-item'
		]);
		const coverage = moduleCoverage(result.index.module('demo')!);
		expect(coverage.sources[0]).toMatchObject({ cited: 1, citable: 4, uncited: [3, 4, 5] });
		expect(coverage.byType.single).toBe(1);
	});
});

describe('loadContent: bad input names file, line, column and question', () => {
	it('invalid YAML', () => {
		const yaml = bank(single({ quote: '"The first treaty was signed' }));
		const [problem, ...rest] = check(yaml);
		expect(problem).toMatch(new RegExp(`^${BANK}:\\d+:\\d+: invalid YAML: `));
		expect(rest.length).toBeGreaterThanOrEqual(0);
	});

	it('unknown question type', () => {
		const yaml = bank(single().replace('type: single', 'type: essay'));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'essay')}: question "q1": unknown question type "essay" (expected one of single, multiple, true-false, ordering, matching, short-text, numeric, evidence)`
		]);
	});

	it('duplicate id across banks', () => {
		const other = bank(single(), 'id: c\ntitle: Bank C\n');
		const problems = problemsOf({ banks: { 'b.yaml': bank(single()), 'c.yaml': other } });
		expect(problems).toEqual([
			`demo/banks/c.yaml:${at(other, 'q1')}: question "q1": id is already used in demo/banks/b.yaml:4; ids are unique across the module`
		]);
	});

	it('missing answer key', () => {
		const yaml = bank(single().replace('    answer: a\n', ''));
		expect(check(yaml)).toEqual([`${BANK}:${at(yaml, 'id: q1')}: question "q1": answer is required`]);
	});

	it('key not among the options', () => {
		const yaml = bank(single({ answer: 'z' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'z\n')}: question "q1": answer "z" is not among the options (a, b)`
		]);
	});

	it('unknown objective', () => {
		const yaml = bank(single({ objective: 'geography' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'geography')}: question "q1": unknown objective "geography" (module.yaml has history)`
		]);
	});

	it('unknown source', () => {
		const yaml = bank(single({ source: 'nope' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'The first treaty was')}: question "q1": unknown source "nope" (this module has "doc") [source "nope"]`
		]);
	});

	it('quote not found, with the closest passage', () => {
		const yaml = bank(single({ quote: 'The first treaty was signed in 1962 in Moscow' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'The first treaty was')}: question "q1": quote not found in "doc"; closest passage (paragraph 2): "The first treaty was signed in 1961 in Moscow" [source "doc"]`
		]);
	});

	it('quote found twice', () => {
		const yaml = bank(single({ quote: 'the treaty would last' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'the treaty would last')}: question "q1": quote found 2 times in "doc" (paragraph 4, 5): quote a longer passage so it points at one place [source "doc"]`
		]);
	});

	it('quote too short', () => {
		const yaml = bank(single({ quote: 'first treaty' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'first treaty\n')}: question "q1": quote is too short (12 characters, at least 20) to point at one passage of "doc" [source "doc"]`
		]);
	});

	it('quote across two paragraphs', () => {
		const yaml = bank(single({ quote: 'in Moscow by both parties. The second treaty' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'in Moscow')}: question "q1": quote spans paragraphs 2 to 3 of "doc": a citation must lie within one paragraph (cite each part separately) [source "doc"]`
		]);
	});

	it('a quote typed with straight quotes and extra spaces still matches', () => {
		expect(check(bank(single({ quote: "'The   first treaty was signed in 1961'" })))).toEqual([]);
	});

	it('ordering with duplicate items', () => {
		const yaml = bank(`  - id: q2
    type: ordering
    use: assessment
    objective: history
    difficulty: 2
    prompt: Order the treaties.
    items:
      - id: t1961
        text: The 1961 treaty
      - id: t1961
        text: The 1961 treaty again
    answer: [t1961, t1961]
    explanation: Oldest first.
    citations:
      - source: doc
        quote: The first treaty was signed in 1961
`);
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, '- id: t1961')}: question "q2": ordering has duplicate item "t1961"`,
			`${BANK}:${at(yaml, '[t1961')}: question "q2": answer must list every item id exactly once (items: t1961, t1961)`
		]);
	});

	it('ordering answer that is not a permutation of the items', () => {
		const yaml = bank(`  - id: q2
    type: ordering
    use: assessment
    objective: history
    difficulty: 2
    prompt: Order the treaties.
    items:
      - id: a
        text: The 1961 treaty
      - id: b
        text: The 2000 treaty
    answer: [a, c]
    explanation: Oldest first.
    citations:
      - source: doc
        quote: The first treaty was signed in 1961
`);
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, '[a, c]')}: question "q2": answer must list every item id exactly once (items: a, b)`
		]);
	});

	it('numeric key not a number', () => {
		const yaml = bank(`  - id: q3
    type: numeric
    use: assessment
    objective: history
    difficulty: 1
    prompt: In what year was the first treaty signed?
    answer: nineteen sixty-one
    explanation: It was 1961.
    citations:
      - source: doc
        quote: The first treaty was signed in 1961
`);
		expect(check(yaml)).toEqual([`${BANK}:${at(yaml, 'nineteen')}: question "q3": answer must be a number`]);
	});

	it('matching with unequal sides', () => {
		const yaml = bank(`  - id: q4
    type: matching
    use: assessment
    objective: history
    difficulty: 2
    prompt: Match each treaty to its year.
    left:
      - id: first
        text: First treaty
      - id: second
        text: Second treaty
      - id: third
        text: Third treaty
    right:
      - id: y1961
        text: "1961"
      - id: y2000
        text: "2000"
    answer: { first: y1961, second: y2000, third: y2000 }
    explanation: Years.
    citations:
      - source: doc
        quote: The first treaty was signed in 1961
`);
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, '- id: y1961')}: question "q4": matching has unequal sides: 3 left items, 2 right items`
		]);
	});

	it('matching that pairs one right-hand item twice', () => {
		const yaml = bank(`  - id: q4
    type: matching
    use: assessment
    objective: history
    difficulty: 2
    prompt: Match each treaty to its year.
    left:
      - id: first
        text: First treaty
      - id: second
        text: Second treaty
    right:
      - id: y1961
        text: "1961"
      - id: y2000
        text: "2000"
    answer: { first: y1961, second: y1961 }
    explanation: Years.
    citations:
      - source: doc
        quote: The first treaty was signed in 1961
`);
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, '{ first')}: question "q4": right-hand item "y1961" is paired twice`
		]);
	});

	it('a question both practice and assessment', () => {
		const yaml = bank(single({ use: '[practice, assessment]' }));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, '[practice')}: question "q1": a question is either practice or assessment, not both: copy it with a new id instead`
		]);
	});

	it('an unknown field (a typo) is refused, not ignored', () => {
		const yaml = bank(single({ extra: '\n    anwser: a' }));
		expect(check(yaml)).toEqual([`${BANK}:${at(yaml, 'anwser')}: question "q1": unknown key "anwser"`]);
	});

	it('difficulty outside 1–3', () => {
		const yaml = bank(single().replace('difficulty: 1', 'difficulty: 4'));
		const [problem] = check(yaml);
		expect(problem).toMatch(new RegExp(`^${BANK}:${at(yaml, '4\n')}: question "q1": difficulty `));
	});

	it('a question without citations', () => {
		const yaml = bank(single().replace(/ {4}citations:[\s\S]*$/, '    citations: []\n'));
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, '[]')}: question "q1": citations needs at least one citation`
		]);
	});

	it('evidence key that is not a sentence of the passage', () => {
		const yaml = bank(`  - id: q5
    type: evidence
    use: practice
    objective: history
    difficulty: 3
    prompt: Which sentence shows disagreement?
    claim: Not everyone expected the treaty to last.
    passage:
      source: doc
      quote: Both parties said the treaty would last. Critics said the treaty would not last.
    answer:
      - Critics said it would not last.
    explanation: The critics disagree.
    citations:
      - source: doc
        quote: Critics said the treaty would not last.
`);
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'Critics said it')}: question "q5": "Critics said it would not last." is not one of the passage's sentences: [0] Both parties said the treaty would last. [1] Critics said the treaty would not last.`
		]);
	});

	it('evidence key that selects the whole passage', () => {
		const yaml = bank(`  - id: q5
    type: evidence
    use: practice
    objective: history
    difficulty: 3
    prompt: Which sentences mention lasting?
    claim: The treaty's duration was discussed.
    passage:
      source: doc
      quote: Both parties said the treaty would last. Critics said the treaty would not last.
    answer:
      - Both parties said the treaty would last.
      - Critics said the treaty would not last.
    explanation: Both do.
    citations:
      - source: doc
        quote: Critics said the treaty would not last.
`);
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, '- Both parties')}: question "q5": the answer selects every sentence of the passage, so selecting everything would earn full marks`
		]);
	});

	it('an unquoted ": " in a value gets a hint', () => {
		const yaml = bank(
			single().replace('prompt: When was the first treaty signed?', 'prompt: Note: when was it signed?')
		);
		expect(check(yaml)[0]).toMatch(/invalid YAML: .*\(quote text that contains ": "\)$/);
	});

	it('short-text answer that is both accepted and rejected', () => {
		const yaml = bank(`  - id: q6
    type: short-text
    use: assessment
    objective: history
    difficulty: 1
    prompt: Where was the first treaty signed?
    answer: Moscow
    reject:
      - text: moscow.
        why: Duplicate.
    explanation: Moscow.
    citations:
      - source: doc
        quote: The first treaty was signed in 1961 in Moscow
`);
		expect(check(yaml)).toEqual([
			`${BANK}:${at(yaml, 'moscow.')}: question "q6": "moscow." is both accepted and rejected`
		]);
	});

	it('multiple choice listing one answer twice', () => {
		const yaml = bank(
			single().replace('type: single', 'type: multiple').replace('answer: a', 'answer: [a, a]')
		);
		expect(check(yaml)).toEqual([`${BANK}:${at(yaml, '[a, a]')}: question "q1": answer "a" is listed twice`]);
	});

	it('a bank without a title', () => {
		const yaml = bank(single(), 'id: b\n');
		expect(check(yaml)).toEqual([`${BANK}:1:1: title is required`]);
	});

	it('a source whose text no longer matches the file it was copied from', () => {
		const edited = sourceFile().replace('signed in 1961', 'signed in 1962');
		const problems = problemsOf({ sources: { 'doc.md': edited }, banks: { 'b.yaml': bank(single()) } });
		expect(problems[0]).toMatch(
			/^demo\/sources\/doc\.md:11:11: the text differs from doc\.txt \(sha256 [0-9a-f]{12}…, expected [0-9a-f]{12}…\)/
		);
		// …and the citation that pointed at the old words fails too, loudly.
		expect(problems[1]).toContain('question "q1": quote not found in "doc"');
	});

	it('a heading that is not a line of the source', () => {
		const problems = problemsOf({
			sources: { 'doc.md': sourceFile(FIXTURE_TEXT, 'headings:\n  - Missing heading\n') }
		});
		expect(problems).toEqual([
			'demo/sources/doc.md:13:5: heading "Missing heading" is not a line of the text'
		]);
	});

	it('module.yaml naming a lesson that does not exist', () => {
		const moduleYaml = `${FIXTURE_MODULE}lessons: [nope]\n`;
		const problems = problemsOf({ moduleYaml });
		expect(problems).toEqual([
			`demo/module.yaml:${at(moduleYaml, 'nope')}: unknown lesson "nope" (no lessons/nope.yaml)`
		]);
	});

	it('reports every problem in one run, across files', () => {
		const problems = problemsOf({
			banks: { 'b.yaml': bank(single({ answer: 'z', objective: 'geo' })), 'c.yaml': 'id: c\n' }
		});
		expect(problems).toHaveLength(4);
	});
});
