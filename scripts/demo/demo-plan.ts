/**
 * What the demo class works on, chosen from a module's content in its teaching order, so `npm run demo`
 * seeds any module (`--module <id>`) and the treaty module, first in the catalog, gets the same class as
 * before: its final, its actors quiz, its lineage lesson.
 */
import type { ContentIndex } from '$lib/server/content/content-index';

export interface DemoPlan {
	moduleId: string;
	moduleTitle: string;
	/** Assigned last week: the module's last quiz (teaching order puts the one spanning it all last). */
	pastQuiz: { id: string; title: string };
	/** Assigned this week: the middle quiz; the same quiz as pastQuiz when the module has only one. */
	currentQuiz: { id: string; title: string };
	/** Assigned this week: the second lesson (the first often only introduces), or the only one. */
	lesson: { id: string; title: string };
	/** What early starters of the whole-module assignment do: the lesson after `lesson`, the first quiz. */
	moduleStart: { lessonId: string; quizId: string };
}

export type DemoPlanResult = { ok: true; plan: DemoPlan } | { ok: false; message: string };

/** The plan for `moduleId`, or for the first module in catalog order when none is given. */
export function demoPlan(content: ContentIndex, moduleId?: string): DemoPlanResult {
	const mod = moduleId === undefined ? content.modules[0] : content.module(moduleId);
	if (!mod) {
		const known = content.modules.map((m) => m.id).join(', ') || 'none';
		return {
			ok: false,
			message:
				moduleId === undefined
					? 'There is no module to seed a demo class with: the content folder is empty.'
					: `There is no module “${moduleId}”. Modules you can pick: ${known}.`
		};
	}
	const quizzes = mod.quizzes;
	const lessons = mod.lessonDefinitions;
	if (!quizzes.length || !lessons.length)
		return {
			ok: false,
			message: `The demo class needs a module with at least one quiz and one lesson; “${mod.id}” has ${quizzes.length} and ${lessons.length}.`
		};
	const lessonIndex = Math.min(1, lessons.length - 1);
	const pick = ({ id, title }: { id: string; title: string }) => ({ id, title });
	return {
		ok: true,
		plan: {
			moduleId: mod.id,
			moduleTitle: mod.title,
			pastQuiz: pick(quizzes.at(-1)!),
			currentQuiz: pick(quizzes[Math.floor((quizzes.length - 1) / 2)]!),
			lesson: pick(lessons[lessonIndex]!),
			moduleStart: {
				lessonId: lessons[(lessonIndex + 1) % lessons.length]!.id,
				quizId: quizzes[0]!.id
			}
		}
	};
}
