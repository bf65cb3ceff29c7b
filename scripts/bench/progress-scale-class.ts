/**
 * The class part of the progress benchmark. Filled in once classes (issue 5) are in main: until then the
 * benchmark times the analytics over every learner.
 */
import type { ContentIndex } from '../../src/lib/server/content/content-index';
import type { Db } from '../../src/lib/server/db';
import type { Scope } from '../../src/lib/server/progress/item-analysis';

export async function benchClass(_db: Db, _learnerIds: string[], _start: number): Promise<Scope | null> {
	return null;
}

export async function benchDashboard(_db: Db, _content: ContentIndex, _start: number): Promise<unknown> {
	return null;
}
