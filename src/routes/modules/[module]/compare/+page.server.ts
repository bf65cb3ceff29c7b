import { error } from '@sveltejs/kit';
import { appContent } from '$lib/server/content/app-content';
import { readerSource } from '$lib/server/content/reader';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const mod = appContent().module(params.module);
	if (!mod) error(404, 'No such module');
	// Side by side needs two different documents; a module with one source is not offered the view.
	if (mod.sources.length < 2)
		error(404, `${mod.title} has only one source, so there is nothing to compare it with.`);
	const ids = mod.sources.map((s) => s.id);
	const pick = (key: string, fallback: number) => {
		const wanted = url.searchParams.get(key);
		if (wanted !== null && !ids.includes(wanted)) error(400, `Unknown source "${wanted}" for ${key}`);
		return wanted ?? ids[fallback]!;
	};
	const left = pick('left', 0);
	const right = pick('right', 1);
	if (left === right)
		error(400, 'Choose two different sources: the left and the right are the same document.');
	return {
		moduleId: mod.id,
		moduleTitle: mod.title,
		choices: mod.sources.map((s) => ({ id: s.id, title: s.title })),
		left: readerSource(appContent(), mod.id, left),
		right: readerSource(appContent(), mod.id, right)
	};
};
