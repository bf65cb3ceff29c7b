/** The reader's view of one source, with an optional highlight checked against the text. */
import { error } from '@sveltejs/kit';
import type { HighlightRequest } from '$lib/content/links';
import type { ReaderSource } from '$lib/content/types';
import type { ContentIndex } from './content-index';

export function readerSource(index: ContentIndex, moduleId: string, sourceId: string): ReaderSource {
	const mod = index.module(moduleId);
	const s = mod?.sources.find((x) => x.id === sourceId);
	if (!mod || !s) error(404, 'No such source');
	return {
		moduleId: mod.id,
		moduleTitle: mod.title,
		id: s.id,
		title: s.title,
		titleSupplied: s.titleSupplied,
		publisher: s.publisher,
		author: s.author,
		published: s.published,
		dateNote: s.dateNote ?? null,
		kind: s.kind,
		perspective: s.perspective,
		paragraphs: s.paragraphs.map((p) => ({ n: p.n, kind: p.kind, text: p.text }))
	};
}

/** The highlight if it lies inside one paragraph of the source; otherwise null (and the page says so). */
export function checkedHighlight(source: ReaderSource, h: HighlightRequest | null): HighlightRequest | null {
	if (!h) return null;
	const p = source.paragraphs[h.paragraph - 1];
	return p && h.to <= p.text.length ? h : null;
}
