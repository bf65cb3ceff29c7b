/**
 * What quiz pages may send to the browser. Built on the server by explicit picking (server/quiz/views.ts).
 * Before an attempt is graded only `Public…` shapes leave the server: no keys, explanations, "why"s or
 * citations. `QuestionReview` is built only for graded questions (a submitted attempt whose review is open,
 * or an answer checked under immediate feedback).
 */
import type { PassageView } from '$lib/content/passage';
import type { PublicQuestion } from '$lib/content/public';
import type { FeedbackPolicy } from '$lib/content/quiz-schema';

export interface PublicQuizInfo {
	moduleId: string;
	moduleTitle: string;
	id: string;
	title: string;
	summary: string;
	itemCount: number;
	attemptsAllowed: number;
	timeLimitMinutes: number | null;
	feedback: FeedbackPolicy;
	passMark: number;
}

export interface AttemptSummary {
	id: string;
	number: number;
	status: 'open' | 'graded';
	startedAt: string;
	submittedAt: string | null;
	submitReason: 'learner' | 'time-limit' | 'due-date' | null;
	/** Whether the score and the review may be shown (false before the due date under after-due). */
	reviewOpen: boolean;
	/** When the review opens, if it is not open yet and there is a date to wait for. */
	reviewOpensAt: string | null;
	score: number | null;
	maxScore: number | null;
	/** Rounded percentage of the maximum. */
	percent: number | null;
	passed: boolean | null;
	/** The assignment the attempt was started from (issue 5), or null for self-study. */
	assignmentId: string | null;
}

export interface AttemptTimer {
	/** When the attempt closes, on the server clock. */
	endsAt: string;
	reason: 'time-limit' | 'due-date';
	/** Included in endsAt. */
	extensionMinutes: number;
	warningMs: number;
	graceMs: number;
}

export interface AttemptQuestion {
	n: number;
	question: PublicQuestion;
	/** Form field prefix for this question's inputs. */
	prefix: string;
	/** The learner's own saved response (null when none). */
	response: unknown;
	/** The stored revision of that response; autosave continues from here. */
	revision: number;
	/** Feedback for an answer checked under immediate feedback; null otherwise. */
	feedback: QuestionReview | null;
}

export interface PublicAttempt {
	id: string;
	number: number;
	quiz: PublicQuizInfo;
	questions: AttemptQuestion[];
	timer: AttemptTimer | null;
	/** The server clock when the page was built, so the timer can correct for the browser's clock. */
	serverNow: string;
	saveUrl: string;
	/** The assignment the attempt was started from (issue 5), or null for self-study. */
	assignmentId: string | null;
}

export interface ReviewOption {
	text: string;
	why: string;
	chosen: boolean;
	correct: boolean;
}

export interface ReviewSentence {
	text: string;
	chosen: boolean;
	supports: boolean;
}

export interface QuestionReview {
	n: number;
	id: string;
	type: PublicQuestion['type'];
	prompt: string;
	claim: string | null;
	score: number;
	correct: boolean;
	partial: boolean;
	answered: boolean;
	/** The learner's answer and the correct answer, as lines of text (ordered for ordering questions). */
	yours: string[];
	key: string[];
	ordered: boolean;
	/** Other accepted spellings (short text). */
	accepted: string[];
	/** Every option with its "why" (single and multiple choice). */
	options: ReviewOption[];
	/** The passage's sentences (evidence). */
	sentences: ReviewSentence[];
	/** Targeted feedback for this particular answer, when the author wrote one. */
	feedback: string | null;
	explanation: string;
	citations: PassageView[];
	/**
	 * Set when this question's key is held (it sits in an assignment attempt not released yet): key, accepted,
	 * option whys and marks, supporting sentences, feedback and explanation are then empty, and evidence
	 * questions carry no citations (their highlight is the answer).
	 */
	held: KeyHold | null;
	/** Set when an instructor changed this answer's score (issue 11): `score` is then theirs. */
	override: ScoreOverride | null;
}

/** An instructor's override of one answer's score: why, and what the grader had given. */
export interface ScoreOverride {
	comment: string;
	gradedScore: number;
}

/** One change to an answer's score, as an instructor's attempt page lists it (issue 11). */
export interface ScoreChange {
	questionId: string;
	kind: 'override' | 'undo' | 'regrade';
	oldScore: number;
	newScore: number;
	comment: string | null;
	byName: string;
	at: string;
}

/** Why a question's key is not shown yet, and until when. */
export interface KeyHold {
	/** ISO time it opens at the latest, or null while an attempt holding it has no deadline. */
	until: string | null;
}

export interface AttemptReview {
	quiz: PublicQuizInfo;
	attempt: AttemptSummary;
	questions: QuestionReview[];
}

/** A student's attempt as their instructor sees it (issue 11): keys always, scores once graded. */
export interface InstructorAttemptView {
	quiz: PublicQuizInfo;
	attempt: {
		id: string;
		number: number;
		status: 'open' | 'graded';
		startedAt: string;
		/** The latest autosave of any answer, or null when nothing was saved. */
		lastSavedAt: string | null;
		submittedAt: string | null;
		submitReason: 'learner' | 'time-limit' | 'due-date' | null;
		score: number | null;
		maxScore: number;
		percent: number | null;
		passed: boolean | null;
		assignmentId: string | null;
		/** Questions with a saved answer. */
		answered: number;
	};
	/** Each question's review; in an open attempt its verdict is not meaningful yet (see attempt.status). */
	questions: QuestionReview[];
}

/** One quiz as the catalog lists it, with this learner's progress. */
export interface QuizProgress {
	id: string;
	title: string;
	itemCount: number;
	attemptsAllowed: number;
	attemptsUsed: number;
	/** Best percentage among attempts whose review is open. */
	bestPercent: number | null;
	passed: boolean;
	inProgress: boolean;
}
