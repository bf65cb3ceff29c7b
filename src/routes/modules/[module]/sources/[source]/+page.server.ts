import { parseHighlight } from '$lib/content/links';
import { appContent } from '$lib/server/content/app-content';
import { checkedHighlight, readerSource } from '$lib/server/content/reader';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appDb } from '$lib/server/db';
import { classScope } from '$lib/server/progress/class-analytics';
import { passageMisses } from '$lib/server/progress/item-analysis';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	const source = readerSource(appContent(), params.module, params.source);
	const requested = parseHighlight(url.searchParams);
	const highlight = checkedHighlight(source, requested);
	const others = appContent()
		.module(params.module)
		?.sources.filter((s) => s.id !== source.id)
		.map((s) => ({ id: s.id, title: s.title }));
	// The instructor's overlay (?class=<id>): which paragraphs the class misreads. Owner only, checked here.
	const classId = url.searchParams.get('class');
	let overlay = null;
	if (classId) {
		const { klass } = await requireOwnedClass(event, classId);
		const misses = await passageMisses({
			db: appDb(),
			content: appContent(),
			moduleId: params.module,
			sourceId: source.id,
			scope: classScope(klass.id)
		});
		overlay = {
			className: klass.name,
			dashboard: `/classes/${klass.id}/progress`,
			paragraphs: misses.map((m) => ({
				paragraph: m.paragraph,
				percent: Math.round(m.share * 100),
				missed: m.missed,
				answered: m.answered
			}))
		};
	}
	return {
		overlay,
		source,
		highlight,
		highlightMissing: requested !== null && highlight === null,
		others: others ?? []
	};
};
