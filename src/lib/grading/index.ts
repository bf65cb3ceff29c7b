/**
 * grade(question, response) → verdict. Pure: no I/O, no clock, no keys of its own; the same function grades
 * lesson checks and quiz answers. It never throws, whatever the response.
 */
import type { Question } from '$lib/content/types';
import { gradeMultiple, gradeSingle, gradeTrueFalse } from './choice';
import { gradeEvidence } from './evidence';
import { gradeMatching } from './matching';
import { gradeNumeric } from './numeric';
import { gradeOrdering } from './ordering';
import { gradeShortText } from './short-text';
import { ZERO, type Verdict } from './verdict';

export type { Verdict } from './verdict';

export function grade(question: Question, response: unknown): Verdict {
	try {
		switch (question.type) {
			case 'single':
				return gradeSingle(question, response);
			case 'multiple':
				return gradeMultiple(question, response);
			case 'true-false':
				return gradeTrueFalse(question, response);
			case 'ordering':
				return gradeOrdering(question, response);
			case 'matching':
				return gradeMatching(question, response);
			case 'short-text':
				return gradeShortText(question, response);
			case 'numeric':
				return gradeNumeric(question, response);
			case 'evidence':
				return gradeEvidence(question, response);
		}
	} catch {
		// Defence in depth: a hostile response (e.g. a getter that throws) must not take the request down.
		return ZERO;
	}
	return ZERO;
}

/** The key in the shape a response takes, for review screens and for property tests. */
export function keyResponse(question: Question): unknown {
	return question.answer;
}
