/**
 * npm run content:check [-- --dir <path> [--dir <path> …]]
 * Validates a questions/ tree: every problem as `path:line:col: message`, exit 1; on success a coverage report.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../src/lib/server/content/problems';
import { loadContent } from '../src/lib/server/content/load-content';
import { coverageReport, formatCoverage } from '../src/lib/server/content/coverage';

const args = process.argv.slice(2);
// Several --dir flags check several trees together (module ids must then be unique across them).
const given = args.flatMap((a, i) => (a === '--dir' && args[i + 1] ? [args[i + 1] as string] : []));
const dirs = (given.length ? given : ['questions']).map((d) => resolve(d));
const dir = dirs.join(', ');

const started = performance.now();
const result = loadContent(dirs);
const ms = Math.round(performance.now() - started);

if (!result.ok) {
	for (const p of result.problems) console.error(formatProblem(p));
	console.error(`\n${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${dir}`);
	process.exit(1);
}
console.log(formatCoverage(coverageReport(result.index)));
console.log(`\nContent OK (${ms} ms).`);
