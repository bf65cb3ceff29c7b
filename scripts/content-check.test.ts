import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sourceFile, writeFixture } from '../src/lib/server/content/test-fixture';

const runCheck = (...args: string[]) =>
	spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content-check.ts', ...args], { encoding: 'utf8' });

describe('npm run content:check', () => {
	it('passes the shipped content and prints the coverage report', () => {
		const result = runCheck();
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/Module treaty-2024: \d+ questions/);
		expect(result.stdout).toMatch(/gis-analysis\s+\d+\/28/);
		expect(result.stdout).toContain('Content OK');
	});

	it('prints every problem as path:line:col and exits 1 for a bad tree given with --dir', () => {
		const root = writeFixture({
			sources: { 'doc.md': sourceFile().replace('signed in 1961', 'signed in 1962') },
			banks: { 'b.yaml': 'id: b\ntitle: B\nquestions:\n  - id: q1\n    type: essay\n' }
		});
		const result = runCheck('--dir', root);
		expect(result.status).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines.filter((l) => /^\S+:\d+:\d+: /.test(l))).toHaveLength(2);
		expect(result.stderr).toContain('demo/sources/doc.md:11:11: the text differs from doc.txt');
		expect(result.stderr).toContain('demo/banks/b.yaml:5:11: question "q1": unknown question type "essay"');
		expect(lines.at(-1)).toBe(`2 problems in ${root}`);
	});
});
