/**
 * A learner's own export on SQLite and PostgreSQL, for answers an instructor overrode (issue 11, point 2):
 * the new score comes with the teacher's comment, display name and when; an undo takes them away again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { testEngines } from '$lib/server/db/test-databases';
import { overrideAnswer, undoOverride } from '$lib/server/quiz/overrides';
import { fixtureContent } from '$lib/server/quiz/test-content';
import { addStudent, gradedAttempt, seedClass, T0, TEACHER } from '$lib/server/quiz/test-graded';
import { learnerExport } from './learner-export';

const content = fixtureContent();
const by = { userId: TEACHER.id, name: TEACHER.displayName };
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(testEngines())('learner export of overridden answers on %s', (engine) => {
	let db: Db;
	let learnerId: string;
	let attemptId: string;
	beforeEach(async () => {
		db = await engine.open();
		await seedClass(db, content);
		({ learnerId } = await addStudent(db, '00000000-0000-4000-8000-0000000000e1', 'Ana'));
		attemptId = (await gradedAttempt(db, content, learnerId)).id;
	});
	afterEach(() => db.close());

	const exported = async () => {
		const data = await learnerExport({ db, content, learnerId, now: later(120) });
		return { data, answers: data.quizAttempts[0]!.answers };
	};
	const answerTo = (answers: { questionId: string }[], id: string) =>
		answers.find((a) => a.questionId === id);

	it("carries the teacher's comment, display name and time with the new score, and not their account", async () => {
		const changed = await overrideAnswer({
			db,
			attemptId,
			questionId: 'b-true-false',
			score: 0.25,
			comment: 'Half the class read the statement the other way.',
			by,
			now: later(60)
		});
		expect(changed.ok).toBe(true);

		const { data, answers } = await exported();
		expect(answerTo(answers, 'b-true-false')).toMatchObject({
			score: 0.25,
			override: {
				comment: 'Half the class read the statement the other way.',
				byName: TEACHER.displayName,
				at: later(60).toISOString()
			}
		});
		expect(answers.filter((a) => a.override !== null)).toHaveLength(1);
		// Like the rest of the export, nothing names another person's account.
		const text = JSON.stringify(data);
		expect(text).not.toContain(TEACHER.id);
		expect(text).not.toContain('"teach"');
	});

	it('shows the latest override, and none once it is undone', async () => {
		const set = (score: number, comment: string, minutes: number) =>
			overrideAnswer({ db, attemptId, questionId: 'b-true-false', score, comment, by, now: later(minutes) });
		await set(0.25, 'First look.', 30);
		await set(0.5, 'Second look.', 60);
		expect(answerTo((await exported()).answers, 'b-true-false')).toMatchObject({
			score: 0.5,
			override: { comment: 'Second look.', byName: TEACHER.displayName, at: later(60).toISOString() }
		});

		await undoOverride({ db, attemptId, questionId: 'b-true-false', by, now: later(90) });
		expect(answerTo((await exported()).answers, 'b-true-false')).toMatchObject({ score: 1, override: null });
	});
});
