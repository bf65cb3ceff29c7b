/**
 * Content load + verification time for the shipped module and for a generated module ten times larger
 * (ten copies of every source and every bank, each copy's questions citing its own copy of the sources),
 * median of several runs each, and the ratio: how loading scales with content size.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../src/lib/server/content/load-content';

export interface ContentScale {
	questions: number;
	medianMs: number;
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] as number;
}

function time(dir: string, runs: number): ContentScale {
	const ms: number[] = [];
	let questions = 0;
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		const result = loadContent(dir);
		ms.push(performance.now() - t);
		if (!result.ok) throw new Error(`content in ${dir} is invalid: ${result.problems[0]?.message}`);
		questions = result.index.modules.reduce((n, m) => n + m.questions.length, 0);
	}
	return { questions, medianMs: Math.round(median(ms) * 10) / 10 };
}

/** Writes a module `copies` times larger than questions/<module> into a temp folder and returns the root. */
export function generateLargerModule(moduleId: string, copies: number): string {
	const root = mkdtempSync(join(tmpdir(), 'sb-scale-'));
	const src = join('questions', moduleId);
	const dir = join(root, moduleId);
	mkdirSync(join(dir, 'sources'), { recursive: true });
	mkdirSync(join(dir, 'banks'), { recursive: true });
	cpSync(join(src, 'module.yaml'), join(dir, 'module.yaml'));
	const sourceIds = readdirSync(join(src, 'sources')).map((f) => f.replace(/\.md$/, ''));
	for (let k = 0; k < copies; k++) {
		for (const id of sourceIds) {
			const text = readFileSync(join(src, 'sources', `${id}.md`), 'utf8').replace(
				`id: ${id}\n`,
				`id: ${id}-${k}\n`
			);
			writeFileSync(join(dir, 'sources', `${id}-${k}.md`), text);
		}
		for (const bank of readdirSync(join(src, 'banks'))) {
			let yaml = readFileSync(join(src, 'banks', bank), 'utf8')
				.replace(/^id: (.+)$/m, `id: $1-${k}`)
				.replace(/^( {2}- id: )(.+)$/gm, `$1$2-${k}`);
			for (const id of sourceIds) yaml = yaml.replaceAll(`source: ${id}\n`, `source: ${id}-${k}\n`);
			writeFileSync(join(dir, 'banks', bank.replace('.yaml', `-${k}.yaml`)), yaml);
		}
	}
	// module.yaml lists lessons by id; the scale test measures content, not lesson registration.
	const moduleFile = parse(readFileSync(join(dir, 'module.yaml'), 'utf8'));
	writeFileSync(join(dir, 'module.yaml'), stringify({ ...moduleFile, lessons: [] }));
	return root;
}

export function measureContentScale(moduleId = 'treaty-2024', runs = 5) {
	const base = time('questions', runs);
	const root = generateLargerModule(moduleId, 10);
	try {
		const large = time(root, runs);
		return { base, large, ratio: Math.round((large.medianMs / base.medianMs) * 100) / 100 };
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

if (process.argv[1]?.endsWith('content-scale.ts')) {
	const r = measureContentScale();
	console.log(`module: ${r.base.questions} questions in ${r.base.medianMs} ms (median)`);
	console.log(
		`10× module: ${r.large.questions} questions in ${r.large.medianMs} ms (median); ratio ${r.ratio}`
	);
}
