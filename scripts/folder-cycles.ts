/**
 * Fails when the folders of src/lib import each other in a cycle (ARCHITECTURE.md: the house is one-way).
 *
 * A folder is a node: the files directly in it, not those of its subfolders (so src/lib/server's own
 * files are one node and src/lib/server/quiz another). An edge a → b means a file in a imports a file in b.
 * Every strongly connected group of two or more folders is reported with one cycle through it and, for each
 * step, the import that makes it, so the fix can start from a line.
 *
 * Usage: tsx scripts/folder-cycles.ts [root]   (root defaults to src/lib; exit 1 on a cycle)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export type Edge = { from: string; to: string; file: string; line: number; specifier: string };

const SOURCE = /\.(ts|js|svelte)$/;
// Tests may reach across folders to build fixtures; the layers are about what the app itself imports.
const TEST = /\.(test|e2e)\.ts$|[/\\]test-[^/\\]*\.ts$|machine-suite\.ts$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return SOURCE.test(entry.name) && !TEST.test(path) ? [path] : [];
	});
}

/** The folder (relative to root, '.' for root itself) that an import specifier lands in, or null outside root. */
function targetFolder(root: string, file: string, specifier: string): string | null {
	let target: string;
	if (specifier === '$lib' || specifier.startsWith('$lib/')) target = join(root, specifier.slice(4));
	else if (specifier.startsWith('.')) target = resolve(dirname(file), specifier);
	else return null;
	const inside = relative(root, target);
	if (inside.startsWith('..')) return null;
	const folder = existsSync(target) && statSync(target).isDirectory() ? target : dirname(target);
	return relative(root, folder) || '.';
}

export function folderEdges(root: string): Edge[] {
	const edges: Edge[] = [];
	for (const file of sourceFiles(root)) {
		const from = relative(root, dirname(file)) || '.';
		const lines = readFileSync(file, 'utf8').split('\n');
		lines.forEach((text, index) => {
			for (const match of text.matchAll(IMPORT)) {
				const specifier = match[2]!;
				const to = targetFolder(root, file, specifier);
				if (to !== null && to !== from) {
					edges.push({ from, to, file: relative(process.cwd(), file), line: index + 1, specifier });
				}
			}
		});
	}
	return edges;
}

/** Tarjan's strongly connected components, keeping only groups of two or more folders. */
function cyclicGroups(graph: Map<string, Set<string>>): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];
	const visit = (node: string) => {
		index.set(node, counter);
		low.set(node, counter++);
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
		}
		if (low.get(node) === index.get(node)) {
			const group: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				group.push(member);
			} while (member !== node);
			if (group.length > 1) groups.push(group.sort());
		}
	};
	for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
	return groups;
}

/** A shortest cycle through the group's first folder, by breadth-first search inside the group. */
function cycleThrough(group: string[], graph: Map<string, Set<string>>): string[] {
	const start = group[0]!;
	const members = new Set(group);
	const previous = new Map<string, string>();
	const queue = [start];
	while (queue.length > 0) {
		const node = queue.shift()!;
		for (const next of [...(graph.get(node) ?? [])].sort()) {
			if (!members.has(next)) continue;
			if (next === start) {
				const path = [node];
				while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
				return [...path, start];
			}
			if (!previous.has(next)) {
				previous.set(next, node);
				queue.push(next);
			}
		}
	}
	return [start];
}

export function folderCycles(root: string): { group: string[]; cycle: Edge[] }[] {
	const edges = folderEdges(root);
	const graph = new Map<string, Set<string>>();
	for (const edge of edges) {
		if (!graph.has(edge.from)) graph.set(edge.from, new Set());
		if (!graph.has(edge.to)) graph.set(edge.to, new Set());
		graph.get(edge.from)!.add(edge.to);
	}
	return cyclicGroups(graph).map((group) => {
		const path = cycleThrough(group, graph);
		const cycle = path.slice(1).map((to, i) => edges.find((e) => e.from === path[i] && e.to === to)!);
		return { group, cycle };
	});
}

const invoked = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (invoked) {
	const root = resolve(process.argv[2] ?? 'src/lib');
	const found = folderCycles(root);
	if (found.length === 0) {
		console.log(`folder-cycles: no import cycles between the folders of ${relative(process.cwd(), root)}`);
	} else {
		for (const { group, cycle } of found) {
			const names = cycle.map((e) => e.from).concat(cycle[0]!.from);
			console.error(`folder-cycles: ${group.length} folders import each other: ${group.join(', ')}`);
			console.error(`  cycle: ${names.join(' → ')}`);
			for (const e of cycle)
				console.error(`    ${e.from} → ${e.to}: ${e.file}:${e.line} imports '${e.specifier}'`);
		}
		console.error(
			`folder-cycles: ${found.length} cycle group(s); see ARCHITECTURE.md for the allowed directions`
		);
		process.exitCode = 1;
	}
}
