/**
 * Validates one question from a bank: the schema first, then the rules a schema cannot say (keys among the
 * options, orderings that are permutations, matchings that pair both sides one to one, known objectives),
 * then verifies every citation. Returns the located question, or null after adding problems.
 */
import { questionFileSchema, QUESTION_TYPES, type QuestionFile } from '$lib/content/schema';
import { normalise } from '$lib/content/normalise';
import { splitSentences } from '$lib/content/sentences';
import type { LocatedCitation, Question } from '$lib/content/types';
import { normaliseAnswer } from '$lib/grading/short-text';
import type { CitationVerifier } from './citation-verifier';
import type { ProblemList } from './problems';
import type { YamlFile, YamlPath } from './yaml-file';
import { reportZodIssues } from './zod-problems';

export interface QuestionContext {
	yaml: YamlFile;
	path: YamlPath;
	bankId: string;
	objectives: ReadonlySet<string>;
	verifier: CitationVerifier;
	problems: ProblemList;
}

type Complaint = (relPath: YamlPath, message: string) => void;

function duplicates(ids: string[]): string[] {
	return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

function checkKeys(q: QuestionFile, complain: Complaint): void {
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const ids = q.options.map((o) => o.id);
			for (const d of duplicates(ids)) complain(['options'], `option id "${d}" is used twice`);
			const keys = q.type === 'single' ? [q.answer] : q.answer;
			keys.forEach((k) => {
				if (!ids.includes(k))
					complain(['answer'], `answer "${k}" is not among the options (${ids.join(', ')})`);
			});
			if (q.type === 'multiple') {
				for (const d of duplicates(q.answer)) complain(['answer'], `answer "${d}" is listed twice`);
			}
			return;
		}
		case 'ordering': {
			const ids = q.items.map((i) => i.id);
			for (const d of duplicates(ids)) complain(['items'], `ordering has duplicate item "${d}"`);
			const texts = q.items.map((i) => normalise(i.text));
			for (const d of duplicates(texts)) complain(['items'], `ordering has two items with the text "${d}"`);
			const sameSet = q.answer.length === ids.length && new Set(q.answer).size === ids.length;
			if (!sameSet || q.answer.some((a) => !ids.includes(a))) {
				complain(['answer'], `answer must list every item id exactly once (items: ${ids.join(', ')})`);
			}
			return;
		}
		case 'matching': {
			const left = q.left.map((i) => i.id);
			const right = q.right.map((i) => i.id);
			if (left.length !== right.length) {
				complain(
					['right'],
					`matching has unequal sides: ${left.length} left items, ${right.length} right items`
				);
				return;
			}
			for (const d of duplicates([...left, ...right]))
				complain(['left'], `matching item id "${d}" is used twice`);
			const keyLeft = Object.keys(q.answer);
			const missing = left.filter((l) => !keyLeft.includes(l));
			const extra = keyLeft.filter((l) => !left.includes(l));
			if (missing.length) complain(['answer'], `answer pairs no partner for ${missing.join(', ')}`);
			if (extra.length) complain(['answer'], `answer names unknown left items ${extra.join(', ')}`);
			const values = Object.values(q.answer);
			for (const v of values) {
				if (!right.includes(v))
					complain(['answer'], `answer "${v}" is not a right-hand item (${right.join(', ')})`);
			}
			for (const d of duplicates(values)) complain(['answer'], `right-hand item "${d}" is paired twice`);
			return;
		}
		case 'short-text': {
			// An answer that normalises to nothing (only punctuation or symbols) could never be matched.
			if (normaliseAnswer(q.answer) === '')
				complain(['answer'], `answer "${q.answer}" has no letters or digits to match`);
			q.accept.forEach((a, i) => {
				if (normaliseAnswer(a) === '')
					complain(['accept', i], `accepted variant "${a}" has no letters or digits to match`);
			});
			const accepted = new Set([q.answer, ...q.accept].map(normaliseAnswer));
			q.reject.forEach((r, i) => {
				if (accepted.has(normaliseAnswer(r.text))) {
					complain(['reject', i, 'text'], `"${r.text}" is both accepted and rejected`);
				}
			});
			return;
		}
		default:
			return;
	}
}

export function checkQuestion(raw: unknown, ctx: QuestionContext): Question | null {
	const { yaml, path, problems } = ctx;
	const rawId =
		typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
			? (raw as { id: string }).id
			: undefined;
	const label = rawId ? `question "${rawId}": ` : `question ${Number(path.at(-1)) + 1}: `;
	const complain: Complaint = (rel, message) => {
		const at = yaml.position([...path, ...rel]);
		problems.add(yaml.file, at.line, at.col, label + message);
	};

	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		complain([], 'must be a mapping of fields (id, type, prompt, …)');
		return null;
	}
	const obj = raw as Record<string, unknown>;
	if (Array.isArray(obj.use)) {
		complain(['use'], 'a question is either practice or assessment, not both: copy it with a new id instead');
		return null;
	}
	if (typeof obj.type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(obj.type)) {
		complain(
			['type'],
			`unknown question type ${JSON.stringify(obj.type)} (expected one of ${QUESTION_TYPES.join(', ')})`
		);
		return null;
	}
	const parsed = questionFileSchema.safeParse(raw);
	if (!parsed.success) {
		reportZodIssues(parsed.error, yaml, path, problems, label);
		return null;
	}
	const q = parsed.data;
	const before = problems.items.length;

	if (!ctx.objectives.has(q.objective)) {
		complain(
			['objective'],
			`unknown objective "${q.objective}" (module.yaml has ${[...ctx.objectives].join(', ')})`
		);
	}
	checkKeys(q, complain);

	const citations: LocatedCitation[] = [];
	q.citations.forEach((c, i) => {
		const v = ctx.verifier.verify(c);
		if (v.ok) citations.push(v.citation);
		else complain(['citations', i, 'quote'], `${v.message} [source "${c.source}"]`);
	});

	if (q.type === 'evidence') {
		const v = ctx.verifier.verify(q.passage);
		if (!v.ok) {
			complain(['passage', 'quote'], `passage ${v.message}`);
			return null;
		}
		const sentences = splitSentences(q.passage.quote);
		const answer: number[] = [];
		q.answer.forEach((s, i) => {
			const at = sentences.findIndex((x) => normalise(x) === normalise(s));
			if (at < 0) {
				complain(
					['answer', i],
					`"${s}" is not one of the passage's sentences: ${sentences.map((x, k) => `[${k}] ${x}`).join(' ')}`
				);
			} else answer.push(at);
		});
		if (sentences.length < 2) {
			complain(['passage', 'quote'], 'an evidence passage needs at least two sentences to choose from');
		} else if (new Set(answer).size === sentences.length) {
			complain(
				['answer'],
				'the answer selects every sentence of the passage, so selecting everything would earn full marks'
			);
		}
		if (problems.items.length > before) return null;
		return {
			...q,
			citations,
			passage: v.citation,
			sentences,
			answer: [...new Set(answer)].sort((a, b) => a - b),
			bank: ctx.bankId
		};
	}
	if (problems.items.length > before) return null;
	return { ...q, citations, bank: ctx.bankId } as Question;
}
