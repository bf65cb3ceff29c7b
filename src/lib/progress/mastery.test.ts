import { describe, expect, it } from 'vitest';
import { mastery, masteryRuleText, type Observation } from './mastery';

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
const obs = (scores: number[], kind: Observation['kind'] = 'quiz', from = 0): Observation[] =>
	scores.map((score, i) => ({ score, kind, at: at(from + i) }));

describe('mastery', () => {
	it('is "not started" without evidence', () => {
		expect(mastery([])).toEqual({ level: 'not-started', score: null, answers: 0, quizAnswers: 0 });
	});

	it('weights a lesson check half as much as a quiz item', () => {
		// quiz 1.0 (weight 1) + lesson 0.0 (weight 0.5) → 1.0 / 1.5 = 0.667
		const m = mastery([...obs([1], 'quiz'), ...obs([0], 'lesson', 1)]);
		expect(m.score).toBe(0.667);
		expect(m.level).toBe('practising');
	});

	it('needs enough quiz evidence before calling an objective mastered', () => {
		expect(mastery(obs([1, 1, 1, 1, 1, 1], 'lesson')).level).toBe('practising');
		expect(mastery([...obs([1, 1, 1], 'lesson'), ...obs([1, 1, 1], 'quiz', 3)]).level).toBe('mastered');
	});

	it('counts only the last ten answers, so recent improvement shows', () => {
		const early = obs([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
		const late = obs([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'quiz', 10);
		expect(mastery([...late, ...early])).toMatchObject({ level: 'mastered', score: 1, answers: 10 });
		expect(mastery(early).level).toBe('needs-review');
	});

	// Issue 11: a lesson whose checks were all passed said "Objective mastered" while My progress said
	// "Practising": the lesson's own checks (lesson answers only) are not mastery under the rule in words.
	it('says in words the rule it applies: a lesson of perfect checks alone is Practising, not Mastered', () => {
		const [how, levels] = masteryRuleText();
		expect(how).toContain('last 10 scored answers');
		expect(how).toContain('a lesson check counts 50% as much as a quiz question');
		expect(levels).toContain('Mastered needs at least 80% over at least 5 answers, 3 of them from quizzes');
		expect(levels).toContain('Practising means 50% or more');
		expect(mastery(obs([1, 1, 1], 'lesson')).level).toBe('practising');
		expect(mastery([...obs([1, 1], 'quiz'), ...obs([1, 1, 1], 'lesson', 2)]).level).toBe('practising');
		expect(mastery([...obs([1, 1, 1], 'quiz'), ...obs([0.5, 1], 'lesson', 3)]).level).toBe('mastered');
	});
});
