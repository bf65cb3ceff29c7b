/**
 * The content index the app serves, loaded and verified once at start-up from CONTENT_DIR (default
 * ./questions). Invalid content stops the server with the same messages as `npm run content:check`.
 */
import { delimiter, resolve } from 'node:path';
import type { ContentIndex } from './content-index';
import { loadContent } from './load-content';
import { InvalidContentError } from './problems';

let index: ContentIndex | undefined;

/**
 * CONTENT_DIR names one content tree, or several separated by the platform's path delimiter (`:`; `;` on
 * Windows), e.g. `questions:tests/fixture-content` for the journeys' second module.
 */
export function contentDirs(value = process.env.CONTENT_DIR): string[] {
	const dirs = (value ?? '').split(delimiter).filter((d) => d.trim() !== '');
	return (dirs.length ? dirs : ['questions']).map((d) => resolve(d));
}

export function loadAppContent(dirs: string | readonly string[] = contentDirs()): ContentIndex {
	const result = loadContent(dirs);
	if (!result.ok) throw new InvalidContentError(result.problems);
	index = result.index;
	return index;
}

export function appContent(): ContentIndex {
	return index ?? loadAppContent();
}
