/**
 * Which assessment items one draw of a quiz may pick from. Shared by the attempt draw (server/quiz/draw.ts)
 * and the content check's design rules, so the check counts exactly the pools the learners will meet.
 */
import type { QuizDrawFile } from './quiz-schema';
import type { Question, Quiz } from './types';

/** Items of the draw's objective (and difficulty); held-out items only for a final quiz. */
export function drawPool(
	quiz: Pick<Quiz, 'final'>,
	draw: QuizDrawFile,
	questions: readonly Question[]
): Question[] {
	return questions.filter(
		(q) =>
			q.use === 'assessment' &&
			q.objective === draw.objective &&
			(draw.difficulty === undefined || q.difficulty === draw.difficulty) &&
			(quiz.final || !q.heldOut)
	);
}

/** Draws of a set difficulty come first, then the open draws take from what is left. */
export const drawPlan = (draws: readonly QuizDrawFile[]): QuizDrawFile[] =>
	[...draws].sort((a, b) => Number(a.difficulty === undefined) - Number(b.difficulty === undefined));
