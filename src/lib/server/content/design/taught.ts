/**
 * Every assessed point should have been taught: an assessment item must cite a paragraph that some lesson
 * cites (on a card or through the practice items it asks), or be marked `reading: true`, an item that tests
 * reading the sources themselves. Paragraph granularity: a lesson that quotes a paragraph has met it.
 * A module without lessons teaches nothing to check against (a bank-only module), so it is not checked.
 */
import type { CitationFile } from '$lib/content/schema';
import type { ModuleContent } from '$lib/content/types';
import type { Locate, RuleResult } from './rule';

/** Every {source, quote} anywhere in a resolved lesson (cards nest them at several depths). */
function quotesIn(value: unknown, out: CitationFile[] = []): CitationFile[] {
	if (Array.isArray(value)) for (const v of value) quotesIn(v, out);
	else if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if (typeof o.source === 'string' && typeof o.quote === 'string')
			out.push({ source: o.source, quote: o.quote });
		else for (const v of Object.values(o)) quotesIn(v, out);
	}
	return out;
}

/** Item ids a lesson asks (check and scenario cards). */
function itemsIn(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) itemsIn(v, out);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if ((k === 'item' || k === 'retryItem') && typeof v === 'string') out.push(v);
			else itemsIn(v, out);
		}
	}
	return out;
}

export function taughtOrReading(
	m: Pick<ModuleContent, 'questions' | 'lessonDefinitions'>,
	locate: Locate
): RuleResult {
	if (m.lessonDefinitions.length === 0)
		return { figure: 'no lessons: taught points not checked', findings: [] };
	const taught = new Set<string>();
	const byId = new Map(m.questions.map((q) => [q.id, q]));
	for (const lesson of m.lessonDefinitions) {
		for (const c of quotesIn(lesson.steps)) {
			const at = locate(c);
			if (at) taught.add(`${at.source}#${at.paragraph}`);
		}
		for (const id of itemsIn(lesson.steps)) {
			for (const c of byId.get(id)?.citations ?? []) taught.add(`${c.source}#${c.paragraph}`);
		}
	}
	const assessment = m.questions.filter((q) => q.use === 'assessment');
	const findings: RuleResult['findings'] = [];
	let reading = 0;
	for (const q of assessment) {
		if (q.reading) {
			reading++;
			continue;
		}
		if (q.citations.some((c) => taught.has(`${c.source}#${c.paragraph}`))) continue;
		const cited = q.citations.map((c) => `${c.source} ¶${c.paragraph}`).join(', ');
		findings.push({
			at: { question: q.id },
			path: ['citations'],
			message: `"${q.id}" assesses a passage no lesson teaches (${cited}); teach it in a lesson or mark the item \`reading: true\``
		});
	}
	const taughtCount = assessment.length - reading - findings.length;
	return {
		figure: `assessment items on a taught passage: ${taughtCount}, reading items: ${reading}, untaught: ${findings.length}`,
		findings
	};
}
