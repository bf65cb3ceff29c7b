/**
 * What a lesson card says. Card content lives beside each machine (`<lesson>.machine.ts`), typed by these
 * shapes; the content check verifies every citation with the same CitationVerifier as the banks, and checks
 * that every practice item a card names exists and is `use: practice`.
 *
 * Text is plain strings (no markup). `record` paragraphs are outside facts from the public record: the
 * player labels them as context so a student can tell them from what the documents say.
 */

/** A passage of a module source, quoted verbatim (whitespace and typographic quotes aside). */
export interface CardCitation {
	source: string;
	quote: string;
}

/** Explanatory prose with the passages it rests on. */
export interface Prose {
	title: string;
	body: readonly string[];
	/** Context from the public record, labelled as such; never a substitute for a cited passage. */
	record?: readonly string[];
	citations: readonly CardCitation[];
}

export interface ExplainCard extends Prose {
	kind: 'explain';
}

/** A check: a practice item, a remediation with the cited passage, and a different item to re-check. */
export interface CheckCard {
	kind: 'check';
	title: string;
	/** Practice item ids (questions/<module>/banks/lesson-<lesson>.yaml). */
	item: string;
	retryItem: string;
	remediation: Prose;
}

/** Where a scenario lands under the staged trigger. */
export const OUTCOMES = ['consult', 'assist', 'cooperate', 'none', 'contested'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * A scenario check (alliance logic): a single-choice practice item whose option ids are outcomes. Each
 * wrong outcome has its own remediation; `explanation` is shown once the right outcome is chosen (for a
 * contested scenario it explains why the documents do not settle it).
 */
export interface ScenarioCard {
	kind: 'scenario';
	title: string;
	item: string;
	retryItem: string;
	outcome: Outcome;
	explanation: Prose;
	remediations: Readonly<Partial<Record<Outcome, Prose>>>;
}

/** One yes/no question of a decision flow, and where each answer leads. */
export interface FlowQuestion {
	question: string;
	help: string;
	citations: readonly CardCitation[];
}

/**
 * A decision flow the student steps through (alliance logic's staged trigger), shaped as a ladder: the
 * questions in order; Yes at the i-th question leads to the i-th result, No moves to the next question,
 * and No at the last question leads to the last result. The machine's flow states follow the same shape
 * (its tests check that), so the card can show the trail of answers that led to a result.
 */
export interface FlowCard {
	kind: 'flow';
	title: string;
	lead: readonly string[];
	questions: Readonly<Record<string, FlowQuestion>>;
	results: Readonly<Record<string, Prose>>;
}

export interface SummaryCard {
	kind: 'summary';
	title: string;
	body: readonly string[];
	takeaways: readonly string[];
}

export type Card = ExplainCard | CheckCard | ScenarioCard | FlowCard | SummaryCard;

export interface LessonStep {
	/** The machine's top-level state for this step. */
	id: string;
	/** Short label for the path indicator. */
	label: string;
	card: Card;
}

export interface LessonDefinition {
	id: string;
	/** Bump when the machine's states change: a saved snapshot from an older version restarts the lesson. */
	version: number;
	title: string;
	/** The module objective this lesson teaches (same id as the lesson). */
	objective: string;
	/** One sentence for the catalog. */
	blurb: string;
	/** The main path, in order; remediation is a detour inside a check step. */
	steps: readonly LessonStep[];
}

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

/** A stable key for a citation, so the server can hand the player the passage for each one. */
export const citationKey = (c: CardCitation): string => `${c.source}\u241f${c.quote}`;
