/** URLs into the reader. A citation link opens the source with the cited passage highlighted and focused. */
import type { LocatedCitation } from './types';

export function sourceHref(moduleId: string, sourceId: string): string {
	return `/modules/${encodeURIComponent(moduleId)}/sources/${encodeURIComponent(sourceId)}`;
}

export function citationHref(
	moduleId: string,
	c: Pick<LocatedCitation, 'source' | 'paragraph' | 'start' | 'end'>
): string {
	return `${sourceHref(moduleId, c.source)}?p=${c.paragraph}&from=${c.start}&to=${c.end}#cited`;
}

/** A highlight request parsed from the reader's query string; null when absent or malformed. */
export interface HighlightRequest {
	paragraph: number;
	from: number;
	to: number;
}

export function parseHighlight(params: URLSearchParams): HighlightRequest | null {
	const nums = ['p', 'from', 'to'].map((k) => params.get(k));
	if (nums.some((v) => v === null || !/^\d{1,6}$/.test(v))) return null;
	const [paragraph, from, to] = nums.map(Number) as [number, number, number];
	return from < to ? { paragraph, from, to } : null;
}
