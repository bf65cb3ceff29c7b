/**
 * A practice item's answer in words, for the card that shows the answer after a missed re-check.
 * Practice keys may reach the browser; assessment keys never come through here.
 */
import type { Question } from '$lib/content/types';

export function answerKeyLines(q: Question): string[] {
	const text = (list: { id: string; text: string }[], id: string) =>
		list.find((x) => x.id === id)?.text ?? id;
	switch (q.type) {
		case 'single':
			return [text(q.options, q.answer)];
		case 'multiple':
			return q.answer.map((id) => text(q.options, id));
		case 'true-false':
			return [q.answer ? 'True' : 'False'];
		case 'ordering':
			return q.answer.map((id, i) => `${i + 1}. ${text(q.items, id)}`);
		case 'matching':
			return q.left.map((l) => `${l.text} → ${text(q.right, q.answer[l.id] ?? '')}`);
		case 'short-text':
			return [q.answer];
		case 'numeric':
			return [q.unit ? `${q.answer} ${q.unit}` : String(q.answer)];
		case 'evidence':
			return q.answer.map((i) => q.sentences[i] ?? '');
	}
}
