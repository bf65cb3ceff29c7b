import { parseHighlight } from '$lib/content/links';
import { appContent } from '$lib/server/content/app-content';
import { checkedHighlight, readerSource } from '$lib/server/content/reader';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const source = readerSource(appContent(), params.module, params.source);
	const requested = parseHighlight(url.searchParams);
	const highlight = checkedHighlight(source, requested);
	const others = appContent()
		.module(params.module)
		?.sources.filter((s) => s.id !== source.id)
		.map((s) => ({ id: s.id, title: s.title }));
	return {
		source,
		highlight,
		highlightMissing: requested !== null && highlight === null,
		others: others ?? []
	};
};
