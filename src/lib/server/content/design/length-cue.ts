/**
 * The length cue: when the key of a single-choice item is the only longest option, test-wise learners pick
 * it unread. Reported per module; above MAX_SHARE the check fails and names the worst items (key length over
 * the longest distractor), so an author knows where to start.
 */
import type { ModuleContent, QuestionOf } from '$lib/content/types';
import type { RuleResult } from './rule';

export const MAX_SHARE = 0.35;
const WORST_NAMED = 5;

export function lengthCue(m: Pick<ModuleContent, 'questions'>): RuleResult {
	const singles = m.questions.filter(
		(q): q is QuestionOf<'single'> => q.type === 'single' && q.use === 'assessment'
	);
	const cued = singles.flatMap((q) => {
		const key = q.options.find((o) => o.id === q.answer)?.text.length ?? 0;
		const longest = Math.max(...q.options.filter((o) => o.id !== q.answer).map((o) => o.text.length));
		return key > longest ? [{ id: q.id, key, longest }] : [];
	});
	const share = singles.length ? cued.length / singles.length : 0;
	const pct = Math.round(100 * share);
	const figure = `single-choice assessment items whose key is strictly the longest option: ${cued.length}/${singles.length} (${pct} %, at most ${MAX_SHARE * 100} %)`;
	if (share <= MAX_SHARE) return { figure, findings: [] };
	const worst = [...cued].sort((a, b) => b.key / b.longest - a.key / a.longest).slice(0, WORST_NAMED);
	return {
		figure,
		findings: worst.map((w) => ({
			at: { question: w.id },
			path: ['answer'],
			message: `"${w.id}": the key is the longest option (${w.key} characters, the longest other ${w.longest}); ${cued.length} of ${singles.length} single-choice items (${pct} %) give the key away by length, at most ${MAX_SHARE * 100} % may`
		}))
	};
}
