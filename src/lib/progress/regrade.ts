/** What a class's progress page shows of a regrade run (issue 11, point 2). Browser-safe shapes only. */
export interface RegradeAttemptView {
	displayName: string;
	moduleId: string;
	quizId: string;
	number: number;
	oldScore: number;
	newScore: number;
	maxScore: number;
	/** The attempt's page, while the student is still a member. */
	href: string | null;
}

export interface RegradeKeptView {
	displayName: string;
	moduleId: string;
	quizId: string;
	number: number;
	questionId: string;
	/** The instructor's score, which stays. */
	score: number;
	/** What the content now grades it. */
	regraded: number;
	href: string | null;
}

export interface RegradeRunView {
	id: string;
	at: string;
	byName: string;
	/** `module/question` of each question whose grading changed. */
	questions: string[];
	attempts: RegradeAttemptView[];
	kept: RegradeKeptView[];
}
