/**
 * Builds what quiz pages send to the browser, by explicit picking. Questions reach the page only through
 * toPublicQuestion until they are graded; reviews are built only for graded attempts (or checked answers).
 */
import { passageView, type PassageView } from '$lib/content/passage';
import { toPublicQuestion } from '$lib/content/public';
import type { Question, Quiz } from '$lib/content/types';
import { isAnswered } from '$lib/content/form-response';
import type { Verdict } from '$lib/grading';
import type { ContentIndex } from '$lib/server/content/content-index';
import type {
	AttemptQuestion,
	AttemptReview,
	AttemptSummary,
	InstructorAttemptView,
	PublicAttempt,
	PublicQuizInfo,
	QuestionReview,
	QuizProgress
} from '$lib/quiz/types';
import {
	attemptOrders,
	attemptQuestionIds,
	storedResponse,
	type AnswerRow,
	type AttemptRow
} from './attempts';
import type { QuestionOrder } from './draw';
import { withheld, type HeldKeys } from './held-keys';
import { closing, GRACE_MS, reviewOpen, reviewOpensAt, WARNING_MS } from './timing';

export const quizPath = (moduleId: string, quizId: string) =>
	`/modules/${encodeURIComponent(moduleId)}/quizzes/${encodeURIComponent(quizId)}`;
export const attemptPath = (a: Pick<AttemptRow, 'module_id' | 'quiz_id' | 'id'>) =>
	`${quizPath(a.module_id, a.quiz_id)}/attempts/${encodeURIComponent(a.id)}`;
export const reviewPath = (a: Pick<AttemptRow, 'module_id' | 'quiz_id' | 'id'>) => `${attemptPath(a)}/review`;

export function quizInfo(content: ContentIndex, quiz: Quiz): PublicQuizInfo {
	return {
		moduleId: quiz.moduleId,
		moduleTitle: content.module(quiz.moduleId)?.title ?? quiz.moduleId,
		id: quiz.id,
		title: quiz.title,
		summary: quiz.summary,
		itemCount: quiz.itemCount,
		attemptsAllowed: quiz.attemptsAllowed,
		timeLimitMinutes: quiz.timeLimitMinutes,
		feedback: quiz.feedback,
		passMark: quiz.passMark
	};
}

/** The quiz as this attempt runs it: the rules copied at start (an assignment's, when started from one). */
export function attemptQuizInfo(content: ContentIndex, quiz: Quiz, attempt: AttemptRow): PublicQuizInfo {
	return {
		...quizInfo(content, quiz),
		feedback: attempt.feedback,
		timeLimitMinutes: attempt.time_limit_minutes
	};
}

export function attemptSummary(a: AttemptRow, now: Date): AttemptSummary {
	const open = reviewOpen(a, now);
	const due = reviewOpensAt(a);
	return {
		id: a.id,
		number: a.number,
		status: a.status,
		startedAt: a.started_at,
		submittedAt: a.submitted_at,
		submitReason: a.submit_reason,
		reviewOpen: open,
		reviewOpensAt: a.status === 'graded' && !open && due ? due.toISOString() : null,
		// Under after-due the score, too, waits for the due date.
		score: open ? a.score : null,
		maxScore: open ? a.max_score : null,
		percent: open && a.score !== null && a.max_score ? Math.round((100 * a.score) / a.max_score) : null,
		passed: open && a.passed !== null ? a.passed === 1 : null,
		assignmentId: a.assignment_id ?? null
	};
}

export function quizProgress(quiz: Quiz, attempts: AttemptRow[], now: Date): QuizProgress {
	const mine = attempts
		.filter((a) => a.module_id === quiz.moduleId && a.quiz_id === quiz.id)
		.map((a) => attemptSummary(a, now));
	const percents = mine.map((a) => a.percent).filter((p): p is number => p !== null);
	return {
		id: quiz.id,
		title: quiz.title,
		itemCount: quiz.itemCount,
		attemptsAllowed: quiz.attemptsAllowed,
		attemptsUsed: mine.length,
		bestPercent: percents.length ? Math.max(...percents) : null,
		passed: mine.some((a) => a.passed === true),
		inProgress: mine.some((a) => a.status === 'open')
	};
}

interface Drawn {
	n: number;
	question: Question;
	order: QuestionOrder;
	row: AnswerRow | undefined;
}

/** The attempt's questions that still exist in the content, in the order drawn. */
function drawnQuestions(
	content: ContentIndex,
	attempt: AttemptRow,
	answers: ReadonlyMap<string, AnswerRow>
): Drawn[] {
	const orders = attemptOrders(attempt);
	const out: Drawn[] = [];
	for (const id of attemptQuestionIds(attempt)) {
		const question = content.question(attempt.module_id, id);
		if (question) out.push({ n: out.length + 1, question, order: orders[id] ?? {}, row: answers.get(id) });
	}
	return out;
}

export function publicAttempt(input: {
	content: ContentIndex;
	quiz: Quiz;
	attempt: AttemptRow;
	answers: ReadonlyMap<string, AnswerRow>;
	now: Date;
	/** Keys held for other assignments' attempts (held-keys.ts; NOTHING_HELD for an instructor's view). */
	held: HeldKeys;
}): PublicAttempt {
	const { content, quiz, attempt, answers, now, held } = input;
	const closes = closing(attempt);
	const questions: AttemptQuestion[] = drawnQuestions(content, attempt, answers).map((d) => ({
		n: d.n,
		question: toPublicQuestion(d.question, d.order),
		prefix: `q.${d.question.id}`,
		response: storedResponse(d.row) ?? null,
		revision: d.row?.revision ?? 0,
		// Graded on its own under immediate feedback: this question's key may be shown, no other.
		feedback: d.row?.checked_at
			? withheld(questionReview(content, attempt.module_id, d), held.get(d.question.id))
			: null
	}));
	return {
		id: attempt.id,
		number: attempt.number,
		quiz: attemptQuizInfo(content, quiz, attempt),
		questions,
		timer: closes
			? {
					endsAt: closes.at.toISOString(),
					reason: closes.reason,
					extensionMinutes: attempt.extension_minutes,
					warningMs: WARNING_MS,
					graceMs: GRACE_MS
				}
			: null,
		serverNow: now.toISOString(),
		saveUrl: `${attemptPath(attempt)}/answers`,
		assignmentId: attempt.assignment_id ?? null
	};
}

const TRUE_FALSE = (b: unknown) => (b === true ? 'True' : b === false ? 'False' : String(b));

function inOrder<T extends { id: string }>(list: readonly T[], order: readonly string[] | undefined): T[] {
	if (!order) return [...list];
	const rank = new Map(order.map((id, i) => [id, i]));
	return [...list].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

/** A response and the key as lines of text, for reviews (quiz and lesson answers alike). */
export function answerLines(
	q: Question,
	response: unknown,
	order: QuestionOrder = {}
): { yours: string[]; key: string[] } {
	const text = (list: readonly { id: string; text: string }[], id: unknown) =>
		list.find((x) => x.id === id)?.text ?? String(id);
	const none = response === undefined || response === null;
	switch (q.type) {
		case 'single':
			return { yours: none ? [] : [text(q.options, response)], key: [text(q.options, q.answer)] };
		case 'multiple': {
			const options = inOrder(q.options, order.options);
			const chosen = Array.isArray(response) ? response : [];
			return {
				yours: options.filter((o) => chosen.includes(o.id)).map((o) => o.text),
				key: options.filter((o) => q.answer.includes(o.id)).map((o) => o.text)
			};
		}
		case 'true-false':
			return { yours: none ? [] : [TRUE_FALSE(response)], key: [TRUE_FALSE(q.answer)] };
		case 'ordering':
			return {
				yours: Array.isArray(response) ? response.map((id) => text(q.items, id)) : [],
				key: q.answer.map((id) => text(q.items, id))
			};
		case 'matching': {
			const pairs =
				typeof response === 'object' && response !== null ? (response as Record<string, string>) : {};
			const left = inOrder(q.left, order.left);
			return {
				yours: left
					.filter((l) => Object.hasOwn(pairs, l.id))
					.map((l) => `${l.text} → ${text(q.right, pairs[l.id])}`),
				key: left.map((l) => `${l.text} → ${text(q.right, q.answer[l.id])}`)
			};
		}
		case 'short-text':
			return { yours: none ? [] : [String(response)], key: [q.answer] };
		case 'numeric': {
			const unit = q.unit ? ` ${q.unit}` : '';
			const tolerance = q.tolerance ? ` (± ${q.tolerance})` : '';
			return { yours: none ? [] : [`${String(response)}${unit}`], key: [`${q.answer}${tolerance}${unit}`] };
		}
		case 'evidence': {
			const picks = Array.isArray(response) ? (response as number[]) : [];
			return {
				yours: picks.map((i) => q.sentences[i] ?? ''),
				key: q.answer.map((i) => q.sentences[i] ?? '')
			};
		}
	}
}

function questionReview(content: ContentIndex, moduleId: string, d: Drawn): QuestionReview {
	const { question: q, row, order } = d;
	const response = storedResponse(row);
	const verdict: Verdict | null = row?.verdict ? (JSON.parse(row.verdict) as Verdict) : null;
	const { yours, key } = answerLines(q, response, order);
	const citations = q.citations
		.map((c) => {
			const source = content.source(moduleId, c.source);
			return source ? passageView(moduleId, source, c) : null;
		})
		.filter((p): p is PassageView => p !== null);
	// An instructor's override wins over the grader; the grader's own score stays in the verdict.
	const overridden = row?.override_comment != null;
	const score = overridden ? (row?.score ?? 0) : (verdict?.score ?? 0);
	const chosen = (id: string) => (Array.isArray(response) ? response.includes(id) : response === id);
	return {
		n: d.n,
		id: q.id,
		type: q.type,
		prompt: q.prompt,
		claim: q.type === 'evidence' ? q.claim : null,
		score,
		correct: overridden ? score >= 1 : (verdict?.correct ?? false),
		partial: overridden ? score > 0 && score < 1 : (verdict?.partial ?? false),
		answered: isAnswered(response),
		yours,
		key,
		ordered: q.type === 'ordering',
		accepted: q.type === 'short-text' ? [...q.accept] : [],
		options:
			q.type === 'single' || q.type === 'multiple'
				? inOrder(q.options, order.options).map((o) => ({
						text: o.text,
						why: o.why,
						chosen: chosen(o.id),
						correct: q.type === 'single' ? q.answer === o.id : q.answer.includes(o.id)
					}))
				: [],
		sentences:
			q.type === 'evidence'
				? q.sentences.map((text, i) => ({
						text,
						chosen: Array.isArray(response) && response.includes(i),
						supports: q.answer.includes(i)
					}))
				: [],
		// Single choice already shows every option's why; other types' targeted feedback goes here.
		feedback: q.type === 'single' ? null : (verdict?.feedback ?? null),
		explanation: q.explanation,
		citations,
		held: null,
		override:
			row?.override_comment != null
				? { comment: row.override_comment, gradedScore: verdict?.score ?? 0 }
				: null
	};
}

/**
 * Feedback on one answer outside an attempt (the spaced review of mistakes, issue 6): the same review a quiz
 * shows, for a question whose key may be shown (a practice item, or a missed item whose attempt review is open).
 */
export function answerFeedback(input: {
	content: ContentIndex;
	moduleId: string;
	question: Question;
	response: unknown;
	verdict: Verdict;
	at: Date;
	held: HeldKeys;
}): QuestionReview {
	const { question, verdict, held } = input;
	const row: AnswerRow = {
		attempt_id: '',
		question_id: question.id,
		response: input.response === undefined ? null : JSON.stringify(input.response),
		revision: 1,
		saved_at: input.at.toISOString(),
		checked_at: input.at.toISOString(),
		score: verdict.score,
		verdict: JSON.stringify(verdict),
		override_comment: null,
		overridden_by: null,
		overridden_at: null
	};
	return withheld(
		questionReview(input.content, input.moduleId, { n: 1, question, order: {}, row }),
		held.get(question.id)
	);
}

/** The full review of a graded attempt. Callers check reviewOpen() first. */
export function attemptReview(input: {
	content: ContentIndex;
	quiz: Quiz;
	attempt: AttemptRow;
	answers: ReadonlyMap<string, AnswerRow>;
	now: Date;
	/** Keys held for other assignments' attempts (held-keys.ts; NOTHING_HELD for an instructor's view). */
	held: HeldKeys;
}): AttemptReview {
	const { content, quiz, attempt, answers, now, held } = input;
	if (!reviewOpen(attempt, now)) throw new Error('attemptReview() called before the review is open');
	return {
		quiz: attemptQuizInfo(content, quiz, attempt),
		attempt: attemptSummary(attempt, now),
		questions: drawnQuestions(content, attempt, answers).map((d) =>
			withheld(questionReview(content, attempt.module_id, d), held.get(d.question.id))
		)
	};
}

/**
 * An attempt as the student's instructor sees it (issue 11): every question with the student's answer and
 * the key, whatever the student's own review policy says, with the times of start, last save and submit.
 * An open attempt shows the answers saved so far, ungraded. Callers check that the instructor may see it
 * ($lib/server/progress/student-work.ts).
 */
export function instructorReview(input: {
	content: ContentIndex;
	quiz: Quiz;
	attempt: AttemptRow;
	answers: ReadonlyMap<string, AnswerRow>;
}): InstructorAttemptView {
	const { content, quiz, attempt: a, answers } = input;
	const saves = [...answers.values()].map((r) => r.saved_at).sort();
	const graded = a.status === 'graded';
	return {
		quiz: attemptQuizInfo(content, quiz, a),
		attempt: {
			id: a.id,
			number: a.number,
			status: a.status,
			startedAt: a.started_at,
			lastSavedAt: saves.at(-1) ?? null,
			submittedAt: a.submitted_at,
			submitReason: a.submit_reason,
			score: graded ? a.score : null,
			maxScore: a.max_score ?? attemptQuestionIds(a).length,
			percent: graded && a.score !== null && a.max_score ? Math.round((100 * a.score) / a.max_score) : null,
			passed: graded && a.passed !== null ? a.passed === 1 : null,
			assignmentId: a.assignment_id ?? null,
			answered: [...answers.values()].filter((r) => isAnswered(storedResponse(r))).length
		},
		questions: drawnQuestions(content, a, answers).map((d) => questionReview(content, a.module_id, d))
	};
}
