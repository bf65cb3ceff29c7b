/** What the catalog home shows for each module: plain data picked from the content index. */
import type { ContentIndex } from '$lib/server/content/content-index';

export interface CatalogSource {
	id: string;
	title: string;
	publisher: string;
	kind: string;
	paragraphs: number;
}

export interface CatalogModule {
	id: string;
	title: string;
	summary: string;
	objectives: { id: string; title: string; description: string }[];
	sources: CatalogSource[];
	questionCount: number;
}

export function catalogModules(index: ContentIndex): CatalogModule[] {
	return index.modules.map((m) => ({
		id: m.id,
		title: m.title,
		summary: m.summary,
		objectives: m.objectives.map((o) => ({ id: o.id, title: o.title, description: o.description })),
		sources: m.sources.map((s) => ({
			id: s.id,
			title: s.title,
			publisher: s.publisher,
			kind: s.kind,
			paragraphs: s.paragraphs.length
		})),
		questionCount: m.questions.length
	}));
}
