import { describe, expect, it } from 'vitest';
import { at, FIXTURE_MODULE, problemsOf, writeFixture } from './test-fixture';
import { loadContent } from './load-content';

const MODULE = `${FIXTURE_MODULE}lessons: [first]\n`;
const FILE = 'demo/lessons/first.yaml';

const practice = (id: string, type = 'true-false', use = 'practice') =>
	type === 'single'
		? `  - id: ${id}
    type: single
    use: ${use}
    objective: history
    difficulty: 1
    prompt: Which treaty came first?
    options:
      - { id: a, text: "1961", why: Right. }
      - { id: b, text: "2000", why: Later. }
      - { id: c, text: "2024", why: Much later. }
    answer: a
    explanation: The first treaty dates from 1961.
    citations:
      - { source: doc, quote: The first treaty was signed in 1961 }
`
		: `  - id: ${id}
    type: true-false
    use: ${use}
    objective: history
    difficulty: 1
    prompt: ${use === 'assessment' ? 'In 1961 the first treaty was signed.' : 'The first treaty was signed in 1961.'}
    answer: true
    explanation: It was.
    citations:
      - { source: doc, quote: The first treaty was signed in 1961 }
`;
const BANK = `id: b\ntitle: B\nquestions:\n${practice('p1')}${practice('p2')}${practice('s1', 'single')}${practice('s2', 'single')}${practice('x1', 'true-false', 'assessment')}`;

const lesson = (
	steps: string,
	citations = '  first:\n    source: doc\n    quote: The first treaty was signed in 1961 in Moscow\n'
) =>
	`id: first\nversion: 1\ntitle: First\nobjective: history\nblurb: A lesson.\ncitations:\n${citations}steps:\n${steps}`;

const explain = `  - id: intro
    label: Intro
    card:
      kind: explain
      title: Intro
      body: [The first treaty.]
      citations: [first]
`;
const check = (item = 'p1', retry = 'p2') => `  - id: check
    label: Check
    card:
      kind: check
      title: Check
      item: ${item}
      retryItem: ${retry}
      remediation:
        title: Again
        body: [Read it again.]
        citations: [first]
`;
const summary = `  - id: summary
    label: Summary
    card:
      kind: summary
      title: Summary
      body: [Done.]
      takeaways: [The first treaty.]
`;

const problems = (lessonYaml: string, moduleYaml = MODULE) =>
	problemsOf({ moduleYaml, banks: { 'b.yaml': BANK }, lessons: { 'first.yaml': lessonYaml } });

describe('lesson files', () => {
	it('load when valid: citations resolved to their passages, in module order', () => {
		const root = writeFixture({
			moduleYaml: MODULE,
			banks: { 'b.yaml': BANK },
			lessons: { 'first.yaml': lesson(explain + check() + summary) }
		});
		const result = loadContent(root);
		if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
		const first = result.index.lesson('demo', 'first')!;
		expect(first.lesson.steps[0]!.card).toMatchObject({
			kind: 'explain',
			citations: [{ source: 'doc', quote: 'The first treaty was signed in 1961 in Moscow' }]
		});
		expect(first.machine.id).toBe('first');
	});

	it('locate a misquote, an unknown and an assessment item, and an undefined citation name', () => {
		const text = lesson(
			explain.replace('citations: [first]', 'citations: [first, nowhere]') + check('nope', 'x1') + summary,
			'  first:\n    source: doc\n    quote: The first treaty was signed in 1962 in Moscow\n'
		);
		const got = problems(text);
		expect(got).toEqual([
			`${FILE}:${at(text, 'nowhere')}: lesson "first": no passage named "nowhere" in citations:`,
			expect.stringMatching(
				new RegExp(
					`^${FILE}:${at(text, 'The first treaty was signed in 1962')}: lesson "first": quote not found in "doc"`
				)
			),
			`${FILE}:${at(text, 'nope')}: lesson "first": unknown question id "nope" (no bank has it)`,
			`${FILE}:${at(text, 'x1')}: lesson "first": question "x1" is an assessment item; lessons may only use practice items, because their keys reach the browser`
		]);
	});

	it('locate schema errors: an unknown card kind, a missing citation list, an unknown key', () => {
		const text = lesson(
			explain.replace('kind: explain', 'kind: essay') +
				check().replace('        citations: [first]\n', '') +
				summary.replace('      takeaways', '      colour: blue\n      takeaways')
		);
		expect(problems(text)).toEqual([
			`${FILE}:${at(text, 'essay')}: steps[0].card.kind Invalid discriminator value. Expected 'explain' | 'check' | 'scenario' | 'flow' | 'summary'`,
			`${FILE}:${at(text, 'title: Again')}: steps[1].card.remediation.citations is required`,
			`${FILE}:${at(text, 'colour')}: steps[2].card unknown key "colour"`
		]);
	});

	it('refuse a path that does not end at the summary, a repeated step id, a re-check of the same item', () => {
		const text = lesson(explain + check('p1', 'p1') + explain);
		expect(problems(text)).toEqual([
			`${FILE}:${at(text, 'p1', 2)}: lesson "first": the re-check must ask a different item`,
			`${FILE}:${at(text, 'intro', 2)}: lesson "first": step id "intro" is already used by step 1`,
			`${FILE}:${at(text, 'explain', 2)}: lesson "first": the last step must be the summary`
		]);
	});

	it('refuse a flow that is not a ladder, and a scenario whose outcome is not the key', () => {
		const flow = `  - id: flow
    label: Flow
    card:
      kind: flow
      title: Flow
      lead: [Answer.]
      questions:
        one: { question: First?, help: Help., citations: [first] }
      results:
        yes: { title: Yes, body: [Yes.], citations: [first] }
`;
		const scenario = `  - id: scene
    label: Scene
    card:
      kind: scenario
      title: Scene
      item: s1
      retryItem: s2
      outcome: b
      explanation: { title: Why, body: [Because.], citations: [first] }
      remediations:
        a: { title: No, body: [No.], citations: [first] }
        z: { title: No, body: [No.], citations: [first] }
`;
		const text = lesson(explain + flow + scenario + summary);
		expect(problems(text)).toEqual([
			`${FILE}:${at(text, 'yes: {')}: lesson "first": a decision flow with 1 questions needs 2 results (it has 1)`,
			`${FILE}:${at(text, 'b\n      explanation')}: lesson "first": outcome "b" is not the key of "s1" ("a")`,
			`${FILE}:${at(text, 'a: { title: No')}: lesson "first": remediation "a" is not a wrong option of "s1"`,
			`${FILE}:${at(text, 'z: { title: No')}: lesson "first": remediation "z" is not a wrong option of "s1"`
		]);
	});

	it('tie files to module.yaml: id = file name, listed in lessons:, objective of the module, no unused passage', () => {
		const text = lesson(explain + check() + summary).replace('objective: history', 'objective: geography');
		const unlisted = `${FIXTURE_MODULE}lessons: []\n`;
		expect(problems(text, unlisted)).toEqual([
			`${FILE}:${at(text, 'first')}: lesson "first" is not listed in module.yaml's lessons: (the list gives the teaching order)`,
			`${FILE}:${at(text, 'geography')}: lesson "first": objective "geography" is not one of the module's (module.yaml objectives)`
		]);
		const spare = lesson(
			explain + check() + summary,
			'  first:\n    source: doc\n    quote: The first treaty was signed in 1961 in Moscow\n  spare:\n    source: doc\n    quote: dropped the mutual defence clause entirely\n'
		);
		expect(problems(spare)).toEqual([
			`${FILE}:${at(spare, 'spare')}: lesson "first": citation "spare" is not used by any card`
		]);
		const renamed = lesson(explain + check() + summary).replace('id: first', 'id: second');
		expect(problems(renamed)).toEqual([
			`${FILE}:${at(renamed, 'second')}: lesson id "second" must match its file name (first.yaml)`
		]);
	});
});

describe('lesson text names the documents plainly', () => {
	it('locates "Document A" in a card body, and passes once the document is named', () => {
		const lettered = lesson(
			explain.replace('The first treaty.', 'Document A dates the first treaty.') + summary
		);
		expect(problems(lettered)).toEqual([
			`${FILE}:${at(lettered, 'Document A dates')}: lesson "first": "Document A" names a document by a letter no page explains; name it plainly (e.g. "the Sputnik report")`
		]);
		expect(
			problems(
				lesson(explain.replace('The first treaty.', 'The harbour log dates the first treaty.') + summary)
			)
		).toEqual([]);
	});
});
