/**
 * YAML parsing that remembers where things are, so validation messages can name line and column.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ProblemList } from './problems';

export type YamlPath = readonly (string | number)[];

export interface YamlFile {
	file: string;
	data: unknown;
	/** 1-based line and column of the node at `path`, or of its nearest existing ancestor. */
	position(path: YamlPath): { line: number; col: number };
	/** Position of a key (not its value) in the map at `mapPath`, when present. */
	keyPosition(mapPath: YamlPath, key: string): { line: number; col: number };
}

interface Ranged {
	range?: [number, number, number] | null;
}

export function parseYamlFile(
	file: string,
	text: string,
	problems: ProblemList,
	lineOffset = 0
): YamlFile | null {
	const lineCounter = new LineCounter();
	const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const pos = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + lineOffset, col };
	};
	if (doc.errors.length > 0) {
		for (const e of doc.errors) {
			const { line, col } = pos(e.pos[0]);
			const first = e.message.split('\n')[0] ?? e.message;
			// The commonest authoring slip: an unquoted ": " inside a plain value.
			const hint = /compact mappings|Implicit map keys/.test(first) ? ' (quote text that contains ": ")' : '';
			problems.add(file, line, col, `invalid YAML: ${first}${hint}`);
		}
		return null;
	}
	const position = (path: YamlPath) => {
		for (let depth = path.length; depth >= 0; depth--) {
			const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as Ranged | undefined;
			if (node && typeof node === 'object' && node.range) return pos(node.range[0]);
		}
		return { line: 1 + lineOffset, col: 1 };
	};
	const keyPosition = (mapPath: YamlPath, key: string) => {
		const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
		if (isMap(map)) {
			const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
			const keyNode = pair?.key as Ranged | undefined;
			if (keyNode?.range) return pos(keyNode.range[0]);
		}
		return position(mapPath);
	};
	return { file, data: doc.toJS(), position, keyPosition };
}
