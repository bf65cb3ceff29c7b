/**
 * What a lesson card says. Lessons are content (questions/<module>/lessons/<id>.yaml); their shapes are
 * the zod schemas in $lib/content/lesson-schema (types only here, so nothing of zod ships to the browser),
 * and the content check verifies every citation with the same CitationVerifier as the banks.
 *
 * Text is plain strings (no markup). `record` paragraphs are outside facts from the public record: the
 * player labels them as context so a student can tell them from what the documents say.
 */
import type { FlowCard, LessonDefinition, Prose } from '$lib/content/lesson-schema';
import type { PublicQuestion } from '$lib/content/public';
import type { CitationFile } from '$lib/content/schema';

export type {
	Card,
	CheckCard,
	ExplainCard,
	FlowCard,
	FlowQuestion,
	LessonDefinition,
	LessonStep,
	Prose,
	ScenarioCard,
	SummaryCard
} from '$lib/content/lesson-schema';

/** A passage of a module source, quoted verbatim (whitespace and typographic quotes aside). */
export type CardCitation = CitationFile;

/** Every citation on every card of a lesson, in card order. */
export function lessonCitations(lesson: LessonDefinition): CardCitation[] {
	const out: CardCitation[] = [];
	const prose = (p: Prose) => out.push(...p.citations);
	for (const { card } of lesson.steps) {
		switch (card.kind) {
			case 'explain':
				prose(card);
				break;
			case 'check':
				prose(card.remediation);
				break;
			case 'scenario':
				prose(card.explanation);
				Object.values(card.remediations).forEach(prose);
				break;
			case 'flow':
				Object.values(card.questions).forEach((q) => out.push(...q.citations));
				Object.values(card.results).forEach(prose);
				break;
			case 'summary':
				break;
		}
	}
	return out;
}

/** The answers that lead to a node of a ladder-shaped flow: to a question, or to a result. */
export function flowTrail(card: FlowCard, node: string): { question: string; answer: 'yes' | 'no' }[] {
	const questions = Object.keys(card.questions);
	const results = Object.keys(card.results);
	const q = questions.indexOf(node);
	const r = results.indexOf(node);
	const noes = q >= 0 ? q : r === results.length - 1 ? questions.length : r;
	const trail: { question: string; answer: 'yes' | 'no' }[] = questions
		.slice(0, noes)
		.map((question) => ({ question, answer: 'no' }));
	if (r >= 0 && r < questions.length) trail.push({ question: questions[r]!, answer: 'yes' });
	return trail;
}

/** The practice item ids a lesson uses, each once, in card order. */
export function lessonItems(lesson: LessonDefinition): string[] {
	const ids = lesson.steps.flatMap(({ card }) =>
		card.kind === 'check' || card.kind === 'scenario' ? [card.item, card.retryItem] : []
	);
	return [...new Set(ids)];
}

/**
 * How the page shows a practice item, built on the server: the question without its key (what the
 * inputs render) and the key in words (shown after a missed re-check). The browser gets the full item
 * too, to grade it; these two it only renders, so their code stays on the server.
 */
export interface ShownItem {
	question: PublicQuestion;
	answer: string[];
}

/** A stable key for a citation, so the server can hand the player the passage for each one. */
export const citationKey = (c: CardCitation): string => `${c.source}\u241f${c.quote}`;
