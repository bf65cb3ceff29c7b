import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ContentIndex } from '$lib/server/content/content-index';
import { loadContent } from '$lib/server/content/load-content';
import { demoPlan } from './demo-plan';

const loaded = loadContent([resolve('questions'), resolve('tests/fixture-content')]);
if (!loaded.ok) throw new Error('content');
const content = loaded.index;

const ids = (moduleId?: string) => {
	const result = demoPlan(content, moduleId);
	if (!result.ok) throw new Error(result.message);
	const { plan } = result;
	return [plan.moduleId, plan.pastQuiz.id, plan.currentQuiz.id, plan.lesson.id, plan.moduleStart];
};

describe('demoPlan', () => {
	it('defaults to the first module in the catalog and picks what the treaty demo always had', () => {
		expect(ids()).toEqual([
			'treaty-2024',
			'final',
			'actors',
			'lineage',
			{ lessonId: 'alliance-logic', quizId: 'lineage' }
		]);
	});

	it('uses the only quiz twice in a module that has one, and wraps round to its first lesson', () => {
		expect(ids('fixture-harbour-light')).toEqual([
			'fixture-harbour-light',
			'check',
			'check',
			'signals',
			{ lessonId: 'routine', quizId: 'check' }
		]);
	});

	it('names the modules there are when asked for one that is not', () => {
		expect(demoPlan(content, 'treaty')).toEqual({
			ok: false,
			message: 'There is no module “treaty”. Modules you can pick: treaty-2024, fixture-harbour-light.'
		});
		expect(demoPlan(new ContentIndex([]))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/empty/)
		});
	});

	it('refuses a module without a quiz or a lesson', () => {
		const noLessons = { ...content.module('fixture-harbour-light')!, lessons: [], lessonDefinitions: [] };
		expect(demoPlan(new ContentIndex([noLessons]))).toEqual({
			ok: false,
			message:
				'The demo class needs a module with at least one quiz and one lesson; “fixture-harbour-light” has 1 and 0.'
		});
	});
});
