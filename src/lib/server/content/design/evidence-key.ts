/**
 * An evidence item's citations must include the sentence(s) of its key. The review after grading highlights
 * what an item cites, and review cards match variants by cited paragraph: citing a distractor sentence sends
 * the learner to the wrong place (the 2026-12-02 review found 12 of 16 doing so).
 */
import { normalise } from '$lib/content/normalise';
import type { ModuleContent, QuestionOf } from '$lib/content/types';
import type { RuleResult } from './rule';

/** A citation covers a sentence when one contains the other, compared as the verifier compares quotes. */
const covers = (quote: string, sentence: string) => {
	const q = normalise(quote);
	const s = normalise(sentence);
	return q.includes(s) || s.includes(q);
};

export function evidenceCitesKey(m: Pick<ModuleContent, 'questions'>): RuleResult {
	const evidence = m.questions.filter((q): q is QuestionOf<'evidence'> => q.type === 'evidence');
	const findings: RuleResult['findings'] = [];
	for (const q of evidence) {
		const missing = q.answer
			.map((i) => q.sentences[i] as string)
			.filter((s) => !q.citations.some((c) => c.source === q.passage.source && covers(c.quote, s)));
		for (const s of missing) {
			const short = s.length > 70 ? `${s.slice(0, 70)}…` : s;
			findings.push({
				at: { question: q.id },
				path: ['citations'],
				message: `evidence "${q.id}": no citation covers the key sentence "${short}"; cite the sentence that carries the key, so the review highlights it`
			});
		}
	}
	const failing = new Set(findings.map((f) => ('question' in f.at ? f.at.question : '')));
	return {
		figure: `evidence items citing their key sentences: ${evidence.length - failing.size}/${evidence.length}`,
		findings
	};
}
