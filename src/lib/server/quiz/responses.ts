/**
 * What a learner may store as the answer to one question. The graders accept anything and never throw;
 * this is the stricter gate in front of the database, so a tampered or malformed save is refused with a
 * message (422) instead of being stored. `null` clears an answer.
 */
import type { Question } from '$lib/content/types';

export const MAX_TEXT = 200;

export type Checked = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Checked => ({ ok: true, value });
const no = (message: string): Checked => ({ ok: false, message });
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function uniqueStrings(v: unknown, allowed: readonly string[], what: string): Checked {
	if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
		return no(`expected a list of ${what} ids`);
	if (new Set(v).size !== v.length) return no(`a ${what} is listed twice`);
	const unknown = v.find((x) => !allowed.includes(x));
	if (unknown !== undefined) return no(`"${unknown}" is not a ${what} of this question`);
	return ok(v.length ? [...v] : null);
}

export function checkResponse(q: Question, response: unknown): Checked {
	if (response === null) return ok(null);
	switch (q.type) {
		case 'single':
			if (typeof response !== 'string') return no('expected an option id');
			return q.options.some((o) => o.id === response)
				? ok(response)
				: no(`"${response}" is not an option of this question`);
		case 'multiple':
			return uniqueStrings(
				response,
				q.options.map((o) => o.id),
				'option'
			);
		case 'true-false':
			return typeof response === 'boolean' ? ok(response) : no('expected true or false');
		case 'ordering': {
			const items = q.items.map((i) => i.id);
			const list = uniqueStrings(response, items, 'item');
			if (!list.ok || list.value === null) return list;
			return (list.value as string[]).length === items.length
				? list
				: no('an ordering must place every item once');
		}
		case 'matching': {
			if (!isPlainObject(response)) return no('expected pairs of left and right ids');
			const out: Record<string, string> = {};
			for (const [left, right] of Object.entries(response)) {
				if (!q.left.some((l) => l.id === left))
					return no(`"${left}" is not a left-hand item of this question`);
				if (typeof right !== 'string' || !q.right.some((r) => r.id === right))
					return no(`"${String(right)}" is not a right-hand item of this question`);
				out[left] = right;
			}
			return ok(Object.keys(out).length ? out : null);
		}
		case 'short-text':
		case 'numeric': {
			const text =
				typeof response === 'number' && q.type === 'numeric' && Number.isFinite(response)
					? String(response)
					: response;
			if (typeof text !== 'string') return no('expected text');
			if (text.length > MAX_TEXT) return no(`an answer is at most ${MAX_TEXT} characters`);
			return ok(text.trim() === '' ? null : text);
		}
		case 'evidence': {
			if (!Array.isArray(response) || !response.every((i) => Number.isInteger(i)))
				return no('expected a list of sentence numbers');
			const picks = response as number[];
			if (new Set(picks).size !== picks.length) return no('a sentence is listed twice');
			if (picks.some((i) => i < 0 || i >= q.sentences.length)) return no('no such sentence in the passage');
			return ok(picks.length ? [...picks].sort((a, b) => a - b) : null);
		}
	}
}
