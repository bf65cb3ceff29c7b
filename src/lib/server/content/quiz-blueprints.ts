/**
 * Loads and checks a module's quiz blueprints (quizzes/*.yaml): the schema first, then what a schema cannot
 * say: known objectives, unique ids, and enough assessment items in the banks for every draw. A draw that
 * asks for more than the banks hold is a located error naming the objective, the difficulty and both counts.
 */
import { quizFileSchema, type QuizDrawFile } from '$lib/content/quiz-schema';
import type { Question, Quiz } from '$lib/content/types';
import type { ProblemList } from './problems';
import type { YamlFile } from './yaml-file';
import { readContentFile } from './content-file';

export interface QuizContext {
	moduleId: string;
	objectives: ReadonlySet<string>;
	questions: readonly Question[];
	problems: ProblemList;
	/** Path as shown in messages. */
	rel(path: string): string;
	/** Filled with each loaded quiz's file, so later checks can point into it. */
	yamlById?: Map<string, YamlFile>;
}

const items = (n: number) => `${n} assessment item${n === 1 ? '' : 's'}`;
const which = (d: QuizDrawFile) =>
	`objective "${d.objective}"${d.difficulty === undefined ? ' (any difficulty)' : ` at difficulty ${d.difficulty}`}`;

/**
 * Draws run in this order at attempt time too (draw.ts): first the draws that name a difficulty, then the
 * rest from what is left. So per objective: each difficulty's draws must fit its items, and all the
 * objective's draws together must fit all its items.
 */
function checkCapacity(yaml: YamlFile, draws: QuizDrawFile[], ctx: QuizContext): void {
	const assessment = ctx.questions.filter((q) => q.use === 'assessment');
	const complain = (i: number, message: string) => {
		const at = yaml.position(['draws', i, 'count']);
		ctx.problems.add(yaml.file, at.line, at.col, message);
	};
	const byObjective = new Map<string, number[]>();
	draws.forEach((d, i) => {
		if (!ctx.objectives.has(d.objective)) return; // reported as an unknown objective
		byObjective.set(d.objective, [...(byObjective.get(d.objective) ?? []), i]);
	});
	for (const [objective, indexes] of byObjective) {
		const pool = assessment.filter((q) => q.objective === objective);
		let specific = 0;
		for (const difficulty of [1, 2, 3] as const) {
			const here = indexes.filter((i) => draws[i]?.difficulty === difficulty);
			const wanted = here.reduce((n, i) => n + (draws[i]?.count ?? 0), 0);
			const held = pool.filter((q) => q.difficulty === difficulty).length;
			specific += Math.min(wanted, held);
			if (wanted > held && here.length) {
				const last = here.at(-1) as number;
				const together = here.length > 1 ? ` (draws ${here.map((i) => `[${i}]`).join(', ')} together)` : '';
				complain(
					last,
					`draws[${last}] asks for ${items(wanted)} of ${which(draws[last] as QuizDrawFile)}${together}, but the banks hold ${held}`
				);
			}
		}
		const open = indexes.filter((i) => draws[i]?.difficulty === undefined);
		const wanted = open.reduce((n, i) => n + (draws[i]?.count ?? 0), 0);
		const left = pool.length - specific;
		if (open.length && wanted > left) {
			const last = open.at(-1) as number;
			const taken = specific
				? ` (${pool.length} in all, ${specific} taken by draws of a set difficulty)`
				: '';
			complain(
				last,
				`draws[${last}] asks for ${items(wanted)} of ${which(draws[last] as QuizDrawFile)}${open.length > 1 ? ' with the other open draws' : ''}, but the banks hold ${left}${taken}`
			);
		}
	}
}

export function loadQuizzes(files: readonly string[], ctx: QuizContext): Quiz[] {
	const quizzes: Quiz[] = [];
	const seen = new Map<string, string>();
	for (const file of files) {
		const read = readContentFile(file, ctx.rel(file), quizFileSchema, ctx.problems, 'quiz: ');
		if (!read) continue;
		const { yaml, data: quiz } = read;
		const before = ctx.problems.items.length;
		const idAt = yaml.position(['id']);
		const first = seen.get(quiz.id);
		if (first) {
			ctx.problems.add(yaml.file, idAt.line, idAt.col, `quiz id "${quiz.id}" is already used in ${first}`);
		} else seen.set(quiz.id, `${yaml.file}:${idAt.line}`);
		quiz.draws.forEach((d, i) => {
			if (!ctx.objectives.has(d.objective)) {
				const at = yaml.position(['draws', i, 'objective']);
				ctx.problems.add(
					yaml.file,
					at.line,
					at.col,
					`draws[${i}]: unknown objective "${d.objective}" (module.yaml has ${[...ctx.objectives].join(', ')})`
				);
			}
		});
		checkCapacity(yaml, quiz.draws, ctx);
		if (ctx.problems.items.length > before) continue;
		ctx.yamlById?.set(quiz.id, yaml);
		quizzes.push({
			id: quiz.id,
			moduleId: ctx.moduleId,
			title: quiz.title,
			summary: quiz.summary,
			attemptsAllowed: quiz.settings.attemptsAllowed,
			timeLimitMinutes: quiz.settings.timeLimitMinutes ?? null,
			feedback: quiz.settings.feedback,
			passMark: quiz.settings.passMark,
			draws: quiz.draws.map((d) => ({ ...d })),
			final: quiz.final,
			itemCount: quiz.draws.reduce((n, d) => n + d.count, 0)
		});
	}
	return quizzes;
}
