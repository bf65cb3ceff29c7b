/** Coverage of a module's content: what the banks ask about, and how much of each source they cite. */
import { QUESTION_TYPES } from '$lib/content/schema';
import type { ModuleContent } from '$lib/content/types';
import type { ContentIndex } from './content-index';
import { CitationVerifier } from './citation-verifier';
import { designRules } from './design';

export interface SourceCoverage {
	source: string;
	cited: number;
	citable: number;
	/** Citable paragraphs no question cites, so authors know where to write next. */
	uncited: number[];
}

export interface ModuleCoverage {
	module: string;
	questions: number;
	byType: Record<string, number>;
	byObjective: Record<string, { practice: number; assessment: number }>;
	byDifficulty: Record<string, number>;
	byUse: Record<string, number>;
	sources: SourceCoverage[];
	/** The design rules' figures (evidence citing keys, length cue, retakes, final pool, taught points). */
	design: string[];
}

function countBy<T>(items: T[], key: (t: T) => string, seed: string[] = []): Record<string, number> {
	const out: Record<string, number> = Object.fromEntries(seed.map((k) => [k, 0]));
	for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
	return out;
}

export function moduleCoverage(m: ModuleContent): ModuleCoverage {
	const citedBySource = new Map<string, Set<number>>();
	for (const q of m.questions) {
		const located = q.type === 'evidence' ? [...q.citations, q.passage] : q.citations;
		for (const c of located) {
			const set = citedBySource.get(c.source) ?? new Set<number>();
			set.add(c.paragraph);
			citedBySource.set(c.source, set);
		}
	}
	const byObjective: ModuleCoverage['byObjective'] = {};
	for (const o of m.objectives) byObjective[o.id] = { practice: 0, assessment: 0 };
	for (const q of m.questions) {
		const row = byObjective[q.objective];
		if (row) row[q.use]++;
	}
	return {
		module: m.id,
		questions: m.questions.length,
		byType: countBy(m.questions, (q) => q.type, [...QUESTION_TYPES]),
		byObjective,
		byDifficulty: countBy(m.questions, (q) => String(q.difficulty), ['1', '2', '3']),
		byUse: countBy(m.questions, (q) => q.use, ['practice', 'assessment']),
		sources: m.sources.map((s) => {
			const cited = citedBySource.get(s.id) ?? new Set<number>();
			return {
				source: s.id,
				cited: s.citable.filter((n) => cited.has(n)).length,
				citable: s.citable.length,
				uncited: s.citable.filter((n) => !cited.has(n))
			};
		}),
		design: designRules(m, new CitationVerifier(m.sources).locate).map((r) => r.figure)
	};
}

export function coverageReport(index: ContentIndex): ModuleCoverage[] {
	return index.modules.map(moduleCoverage);
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((100 * a) / b)}%`);

export function formatCoverage(report: ModuleCoverage[]): string {
	const lines: string[] = [];
	for (const m of report) {
		lines.push(`Module ${m.module}: ${m.questions} questions`);
		lines.push(
			`  by type:       ${Object.entries(m.byType)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}`
		);
		lines.push(
			`  by use:        ${Object.entries(m.byUse)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}`
		);
		lines.push(
			`  by difficulty: ${Object.entries(m.byDifficulty)
				.map(([k, v]) => `${k}: ${v}`)
				.join(', ')}`
		);
		lines.push('  by objective (assessment + practice):');
		for (const [k, v] of Object.entries(m.byObjective)) {
			lines.push(
				`    ${k.padEnd(18)} ${String(v.assessment).padStart(3)} + ${String(v.practice).padStart(3)}`
			);
		}
		lines.push('  sources (citable paragraphs cited):');
		for (const s of m.sources) {
			const missing = s.uncited.length ? `  uncited: ¶${s.uncited.join(', ¶')}` : '';
			lines.push(`    ${s.source.padEnd(18)} ${s.cited}/${s.citable} (${pct(s.cited, s.citable)})${missing}`);
		}
		lines.push('  design:');
		for (const d of m.design) lines.push(`    ${d}`);
	}
	return lines.join('\n');
}
