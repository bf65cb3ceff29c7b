/**
 * Question inputs are plain form fields, so quizzes work without JavaScript. This turns the submitted
 * fields for one question back into the response shape the graders take. Field names are
 * `<prefix>` for single-valued inputs and `<prefix>.<id>` for per-item ones; see components/questions.
 */
import type { PublicQuestion } from './public';

export type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

/** The response to one question from form fields, or undefined when nothing was answered. */
export function responseFromForm(q: PublicQuestion, form: FormLike, prefix: string): unknown {
	const one = () => {
		const v = form.get(prefix);
		return typeof v === 'string' && v.trim() !== '' ? v : undefined;
	};
	switch (q.type) {
		case 'single':
		case 'short-text':
			return one();
		case 'numeric':
			return one()?.trim();
		case 'true-false': {
			const v = one();
			return v === 'true' ? true : v === 'false' ? false : undefined;
		}
		case 'multiple': {
			const picks = form.getAll(prefix).filter((v): v is string => typeof v === 'string');
			return picks.length ? picks : undefined;
		}
		case 'evidence': {
			const picks = form
				.getAll(prefix)
				.filter((v): v is string => typeof v === 'string' && /^\d+$/.test(v))
				.map(Number);
			return picks.length ? picks : undefined;
		}
		case 'ordering': {
			// Each item gets a position select. Only a complete ordering (each position used once) is a
			// response: ties would otherwise fall back to the authored order and could hand out credit.
			const n = q.items.length;
			const ranked = q.items.map((item) => ({ id: item.id, rank: Number(form.get(`${prefix}.${item.id}`)) }));
			const ranks = ranked.map((r) => r.rank);
			const complete =
				ranks.every((r) => Number.isInteger(r) && r >= 1 && r <= n) && new Set(ranks).size === n;
			return complete ? [...ranked].sort((a, b) => a.rank - b.rank).map((r) => r.id) : undefined;
		}
		case 'matching': {
			const pairs: Record<string, string> = {};
			for (const left of q.left) {
				const v = form.get(`${prefix}.${left.id}`);
				if (typeof v === 'string' && v !== '') pairs[left.id] = v;
			}
			return Object.keys(pairs).length ? pairs : undefined;
		}
	}
}

/** Whether a stored response counts as answered (for "3 unanswered" counts and progress dots). */
export function isAnswered(response: unknown): boolean {
	if (response === undefined || response === null) return false;
	if (typeof response === 'string') return response.trim() !== '';
	if (Array.isArray(response)) return response.length > 0;
	if (typeof response === 'object') return Object.keys(response).length > 0;
	return true;
}
