import { readFileSync } from 'node:fs';
import { expect, test } from './test';
import { routeBundleSizes } from '../scripts/bench/bundle-sizes';

const budgets = JSON.parse(readFileSync('budgets.json', 'utf8'));

test('every route ships no more JavaScript than its budget (gzipped, first visit)', async () => {
	const routes = await routeBundleSizes();
	expect(routes.length).toBeGreaterThan(2);
	const over = routes
		.map((r) => ({
			route: r.route,
			kB: Math.round(r.jsGzipBytes / 102.4) / 10,
			budget: budgets.javascriptGzipKB.routes[r.route] ?? budgets.javascriptGzipKB.default
		}))
		.filter((r) => r.kB > r.budget);
	expect(over, 'routes over their JavaScript budget').toEqual([]);
});
