/** Groups a source's paragraphs into render blocks: runs of list items become one list. */
import type { Paragraph } from './types';

export type Block = { kind: 'list'; items: Paragraph[] } | { kind: 'single'; paragraph: Paragraph };

export function toBlocks(paragraphs: Paragraph[]): Block[] {
	const blocks: Block[] = [];
	for (const p of paragraphs) {
		const last = blocks.at(-1);
		if (p.kind === 'list-item') {
			if (last?.kind === 'list') last.items.push(p);
			else blocks.push({ kind: 'list', items: [p] });
		} else blocks.push({ kind: 'single', paragraph: p });
	}
	return blocks;
}
