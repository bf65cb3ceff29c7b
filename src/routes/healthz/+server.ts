/**
 * Liveness for load balancers, and the trivial endpoint benchmarks compare the real ones with. It asks the
 * database one cheap question, so "ok" means the instance can serve.
 */
import { text } from '@sveltejs/kit';
import { sql } from 'kysely';
import { appDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	await sql`select 1`.execute(appDb().kysely);
	return text('ok', { headers: { 'cache-control': 'no-store' } });
};
