/** The options every caller (server start-up, content:check, tests) loads the real content with. */
import { lessonIds, lessons } from '$lib/lessons/registry';
import type { LoadOptions } from './load-content';

export function contentLoadOptions(): LoadOptions {
	return { knownLessons: new Set(lessonIds), lessons };
}
