/** The design rules of content:check: defects a schema cannot see but a reviewer did (issue 14). */
import type { ModuleContent } from '$lib/content/types';
import { documentLetters } from './document-letters';
import { evidenceCitesKey } from './evidence-key';
import { finalOnlyPool } from './final-pool';
import { lengthCue } from './length-cue';
import { retakeUnseen } from './retake-unseen';
import type { Locate, RuleResult } from './rule';
import { taughtOrReading } from './taught';

export type { Finding, Locate, RuleResult } from './rule';

/** `locate` finds a lesson's quotes in the sources (the caller's CitationVerifier). */
export const designRules = (
	m: Pick<ModuleContent, 'questions' | 'quizzes' | 'lessonDefinitions'>,
	locate: Locate
): RuleResult[] => [
	evidenceCitesKey(m),
	lengthCue(m),
	retakeUnseen(m),
	finalOnlyPool(m),
	taughtOrReading(m, locate),
	documentLetters(m)
];
