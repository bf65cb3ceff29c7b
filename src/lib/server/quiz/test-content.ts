/**
 * Test support: the small fixture module under tests/fixtures/quiz-content (one assessment question of every
 * type, three blueprints), so quiz tests do not depend on the real banks. Nothing in the app imports this.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ContentIndex } from '$lib/server/content/content-index';
import { loadContent } from '$lib/server/content/load-content';

export const FIXTURE_DIR = resolve('tests/fixtures/quiz-content');
export const FIXTURE_MODULE = 'fixture';

export function fixtureContent(): ContentIndex {
	const result = loadContent(FIXTURE_DIR);
	if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
	return result.index;
}

/** A writable copy of the fixture tree, for tests that break it on purpose. */
export function fixtureCopy(): string {
	const dir = mkdtempSync(join(tmpdir(), 'sb-quiz-content-'));
	cpSync(FIXTURE_DIR, dir, { recursive: true });
	return dir;
}
