/**
 * The content index the app serves, loaded and verified once at start-up from CONTENT_DIR (default
 * ./questions). Invalid content stops the server with the same messages as `npm run content:check`.
 */
import { resolve } from 'node:path';
import type { ContentIndex } from './content-index';
import { loadContent } from './load-content';
import { contentLoadOptions } from './load-options';
import { InvalidContentError } from './problems';

let index: ContentIndex | undefined;

export function loadAppContent(dir = resolve(process.env.CONTENT_DIR || 'questions')): ContentIndex {
	const result = loadContent(dir, contentLoadOptions());
	if (!result.ok) throw new InvalidContentError(result.problems);
	index = result.index;
	return index;
}

export function appContent(): ContentIndex {
	return index ?? loadAppContent();
}
