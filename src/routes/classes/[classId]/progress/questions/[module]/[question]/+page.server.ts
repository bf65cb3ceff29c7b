import { error } from '@sveltejs/kit';
import { passageView, type PassageView } from '$lib/content/passage';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { publicItems } from '$lib/server/progress/analysis-views';
import { classScope } from '$lib/server/progress/class-analytics';
import { questionAnalysis } from '$lib/server/progress/item-analysis';
import { answersByName } from '$lib/server/progress/student-work';
import { attemptOrders } from '$lib/server/quiz/attempts';
import { answerLines } from '$lib/server/quiz/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const content = appContent();
	const { module: moduleId, question: questionId } = event.params;
	const question = content.question(moduleId, questionId);
	if (!question) error(404, 'No such question.');
	const item = await questionAnalysis({ db: appDb(), content, moduleId, questionId, scope: classScope(klass.id) });
	if (!item) error(404, 'No such question.');
	const base = `/classes/${klass.id}/progress`;
	const named = await answersByName(appDb(), {
		classId: klass.id,
		instructorId: user.id,
		moduleId,
		questionId
	});
	return {
		klass: { id: klass.id, name: klass.name },
		item: publicItems([item], base, moduleId)[0]!,
		// Who answered what, by name, in this class only: each answer in words, linked to its attempt.
		answers: named.map((a) => ({
			attemptId: a.attemptId,
			href: a.href,
			displayName: a.displayName,
			username: a.username,
			attemptNumber: a.attemptNumber,
			answer: answerLines(question, a.response, attemptOrders(a)[questionId] ?? {}).yours,
			score: a.score
		})),
		explanation: question.explanation,
		citations: question.citations
			.map((c) => {
				const source = content.source(moduleId, c.source);
				return source ? passageView(moduleId, source, c) : null;
			})
			.filter((p): p is PassageView => p !== null)
	};
};
