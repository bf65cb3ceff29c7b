import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderCycles } from './folder-cycles';

describe('folder-cycles', () => {
	let root: string;
	const write = (path: string, text: string) => {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	};
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'folder-cycles-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('finds none in a one-way tree, whatever imports tests make', () => {
		write('server/quiz/attempts.ts', "import { onGraded } from '$lib/server/effects';\n");
		write('server/effects/index.ts', "import type { Db } from '../db';\n");
		write('server/db/index.ts', 'export type Db = object;\n');
		write('server/effects/index.test.ts', "import { start } from '$lib/server/quiz/attempts';\n");
		expect(folderCycles(root)).toEqual([]);
	});

	it('names the folders of a cycle and the import behind each step, through $lib, relative and Svelte imports', () => {
		write('server/quiz/attempts.ts', "import { report } from '$lib/server/classes/reports';\n");
		write('server/classes/reports.ts', "import { mastery } from '../progress/mastery';\n");
		write('server/progress/mastery.ts', "\n\nimport { timing } from '$lib/server/quiz/timing';\n");
		write('components/A.svelte', "<script>import B from '$lib/components/b/B.svelte';</script>\n");
		write('components/b/B.svelte', "<script>\n  import A from '../A.svelte';\n</script>\n");
		const found = folderCycles(root);
		expect(found.map((f) => f.group)).toEqual([
			['components', 'components/b'],
			['server/classes', 'server/progress', 'server/quiz']
		]);
		const steps = found[1]!.cycle.map((e) => `${e.from} → ${e.to} line ${e.line} '${e.specifier}'`);
		expect(steps).toEqual([
			"server/classes → server/progress line 1 '../progress/mastery'",
			"server/progress → server/quiz line 3 '$lib/server/quiz/timing'",
			"server/quiz → server/classes line 1 '$lib/server/classes/reports'"
		]);
	});
});
