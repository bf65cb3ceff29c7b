/**
 * A cited passage ready to show: the paragraph split around the quote. Built on the server from verified
 * offsets, so components only render; they never search text.
 */
import { citationHref } from './links';
import type { LocatedCitation, Source } from './types';

export interface PassageView {
	source: string;
	sourceTitle: string;
	publisher: string;
	paragraph: number;
	before: string;
	marked: string;
	after: string;
	href: string;
}

export function passageView(moduleId: string, source: Source, c: LocatedCitation): PassageView | null {
	const p = source.paragraphs[c.paragraph - 1];
	if (!p || c.end > p.text.length || c.start >= c.end) return null;
	return {
		source: source.id,
		sourceTitle: source.title,
		publisher: source.publisher,
		paragraph: c.paragraph,
		before: p.text.slice(0, c.start),
		marked: p.text.slice(c.start, c.end),
		after: p.text.slice(c.end),
		href: citationHref(moduleId, c)
	};
}
