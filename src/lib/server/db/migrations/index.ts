/**
 * Every migration, in order. Listed statically (not read from disk) so they are bundled into the
 * production build and run the same from vite, tsx and node. Names sort in the order they apply.
 */
import type { Migration } from 'kysely';
import * as learners from './001-learners';
import * as lessons from './002-lessons';
import * as quizzes from './003-quizzes';
import * as accountsClasses from './004-accounts-classes';
import * as assignmentAttempts from './005-assignment-attempts';
import * as progress from './006-progress';
import * as learnerMastery from './007-learner-mastery';
import * as passwordResets from './008-password-resets';
import * as scoreChanges from './009-score-changes';
import * as lessonAnswerOnce from './010-lesson-answer-once';
import * as assignmentForms from './011-assignment-forms';

export const migrations: Record<string, Migration> = {
	'001-learners': learners,
	'002-lessons': lessons,
	'003-quizzes': quizzes,
	'004-accounts-classes': accountsClasses,
	'005-assignment-attempts': assignmentAttempts,
	'006-progress': progress,
	'007-learner-mastery': learnerMastery,
	'008-password-resets': passwordResets,
	'009-score-changes': scoreChanges,
	'010-lesson-answer-once': lessonAnswerOnce,
	'011-assignment-forms': assignmentForms
};
