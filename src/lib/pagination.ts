/**
 * Server-side paging of long lists (the class dashboard's grid): a lecture course of hundreds of students
 * renders 100 rows at a time instead of a multi-megabyte page. Pure, so it is shared by pages and tested alone.
 */
export const PAGE_SIZE = 100;

export interface Paged<T> {
	items: T[];
	/** 1-based, clamped to the pages there are. */
	page: number;
	pages: number;
	/** 1-based positions of the first and last item shown; 0 and 0 for an empty list. */
	first: number;
	last: number;
	total: number;
}

/** A page number from a query parameter: a positive integer, anything else is page 1. */
export function parsePage(raw: string | null): number {
	if (!raw || !/^\d{1,6}$/.test(raw)) return 1;
	return Math.max(1, Number(raw));
}

export function paginate<T>(items: readonly T[], requested: number, size = PAGE_SIZE): Paged<T> {
	const total = items.length;
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
	const start = (page - 1) * size;
	const shown = items.slice(start, start + size);
	return {
		items: shown,
		page,
		pages,
		first: shown.length ? start + 1 : 0,
		last: start + shown.length,
		total
	};
}
