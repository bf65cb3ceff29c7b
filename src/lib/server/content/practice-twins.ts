/**
 * A practice item must not twin an assessment item (issue 11, point 3): lesson pages and the spaced review
 * ship practice keys to anyone, so a practice item with an assessment item's prompt (or evidence claim), its
 * short-text key, or one of its option whys word for word hands out that assessment key. Each twin is
 * reported at the practice item's line, naming the assessment item and where it is.
 */
import { normalise } from '$lib/content/normalise';
import type { Question } from '$lib/content/types';
import { normaliseAnswer } from '$lib/grading/short-text';
import type { ProblemList } from './problems';
import type { YamlFile, YamlPath } from './yaml-file';

export interface QuestionPlace {
	yaml: YamlFile;
	path: YamlPath;
}

const same = (s: string) => normalise(s).toLowerCase();

/** What a question shares with others, as (what, field path, comparable text) triples. */
function marks(q: Question): { what: string; field: YamlPath; text: string }[] {
	const out: { what: string; field: YamlPath; text: string }[] = [
		q.type === 'evidence'
			? { what: 'claim', field: ['claim'], text: same(q.claim) }
			: { what: 'prompt', field: ['prompt'], text: same(q.prompt) }
	];
	if (q.type === 'short-text')
		for (const key of [q.answer, ...q.accept])
			out.push({ what: 'short-text key', field: ['answer'], text: `key:${normaliseAnswer(key)}` });
	if (q.type === 'single' || q.type === 'multiple')
		q.options.forEach((o, i) =>
			out.push({ what: 'option why', field: ['options', i, 'why'], text: `why:${same(o.why)}` })
		);
	return out;
}

export function checkPracticeTwins(
	questions: readonly Question[],
	places: ReadonlyMap<string, QuestionPlace>,
	problems: ProblemList
): void {
	const assessed = new Map<string, Question>();
	for (const q of questions)
		if (q.use === 'assessment') for (const m of marks(q)) if (!assessed.has(m.text)) assessed.set(m.text, q);
	for (const q of questions) {
		if (q.use !== 'practice') continue;
		const place = places.get(q.id);
		if (!place) continue;
		const reported = new Set<string>();
		for (const m of marks(q)) {
			const twin = assessed.get(m.text);
			if (!twin || reported.has(`${twin.id}/${m.what}`)) continue;
			reported.add(`${twin.id}/${m.what}`);
			const at = place.yaml.position([...place.path, ...m.field]);
			const there = places.get(twin.id);
			const where = there ? ` (${there.yaml.file}:${there.yaml.position([...there.path, 'id']).line})` : '';
			problems.add(
				place.yaml.file,
				at.line,
				at.col,
				`practice item "${q.id}" has the same ${m.what} as assessment item "${twin.id}"${where}: practice keys reach every visitor, so reword the practice item`
			);
		}
	}
}
