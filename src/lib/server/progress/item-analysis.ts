/**
 * Item analysis (issue 6), aggregated in SQL: one GROUP BY over the quiz answers of graded attempts gives,
 * per question, the sums item-stats.ts turns into facility and item–rest discrimination; a second GROUP BY
 * over (question, response) gives option frequencies without pulling answer rows into JavaScript. The
 * passage overlay counts, per cited paragraph, the distinct students who answered / missed a question citing
 * it, joining a small VALUES table (question → passage) built from the content index.
 *
 * Every attempt counts (retakes included): an item answered twice by one student contributes two responses.
 * A scope restricts the learners (a class); `all` is for tests and the benchmark.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Question } from '$lib/content/types';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { itemStats, type ItemFlag, type ItemSums } from './item-stats';

/**
 * Whose attempts count: everyone (tests, benchmark) or a subquery of learner ids (a class's students).
 * `members` is everyone the scope covers, one row each, learner row or not: a student imported by CSV who
 * never signed in has no learner row yet, but is still one of the class (issue 11, point 6).
 */
export type Scope =
	{ kind: 'all' } | { kind: 'learners'; ids: RawBuilder<unknown>; members: RawBuilder<unknown> };

/** How many people the scope covers (a class: its members, signed in or not). */
export async function scopeSize(db: Db, scope: Scope): Promise<number> {
	const people = scope.kind === 'all' ? sql`select id from learners` : scope.members;
	const row = await sql<{ n: number | string }>`select count(*) as n from (${people}) t`.execute(db.kysely);
	return num(row.rows[0]?.n);
}

/** The scope as a condition on `a.learner_id` (the attempts alias used by every query here). */
export function scopeCondition(scope: Scope): RawBuilder<boolean> {
	return scope.kind === 'all' ? sql<boolean>`1 = 1` : sql<boolean>`a.learner_id in (${scope.ids})`;
}

export interface OptionFrequency {
	id: string;
	text: string;
	correct: boolean;
	count: number;
	/** Share of responses to the item that chose this option, 0–1. */
	share: number;
}

export interface ItemRow {
	questionId: string;
	prompt: string;
	type: Question['type'];
	objective: string;
	difficulty: number;
	n: number;
	facility: number | null;
	discrimination: number | null;
	flags: ItemFlag[];
	unanswered: number;
	options: OptionFrequency[];
}

export interface QuizAnalysis {
	moduleId: string;
	quizId: string;
	attempts: number;
	students: number;
	/** Everyone in scope (a class: every member, signed in or not), so the page can say who has not taken it. */
	members: number;
	meanPercent: number | null;
	items: ItemRow[];
}

const num = (v: unknown) => Number(v ?? 0);

/** The per-question sums for graded attempts of one quiz (or every quiz of the module when quizId is null). */
export async function itemSums(input: {
	db: Db;
	moduleId: string;
	quizId: string | null;
	scope: Scope;
}): Promise<Map<string, ItemSums>> {
	const { db, moduleId, quizId, scope } = input;
	let q = db.kysely
		.selectFrom('quiz_answers as qa')
		.innerJoin('quiz_attempts as a', 'a.id', 'qa.attempt_id')
		.where('a.module_id', '=', moduleId)
		.where('a.status', '=', 'graded')
		.where('qa.score', 'is not', null)
		.select((eb) => [
			'qa.question_id',
			eb.fn.countAll().as('n'),
			eb.fn.sum('qa.score').as('sx'),
			sql<number>`sum(a.score - qa.score)`.as('sy'),
			sql<number>`sum(qa.score * (a.score - qa.score))`.as('sxy'),
			sql<number>`sum(qa.score * qa.score)`.as('sxx'),
			sql<number>`sum((a.score - qa.score) * (a.score - qa.score))`.as('syy')
		])
		.groupBy('qa.question_id');
	if (quizId) q = q.where('a.quiz_id', '=', quizId);
	const rows = await q.where(scopeCondition(scope)).execute();
	return new Map(
		rows.map((r) => [
			r.question_id,
			{
				n: num(r.n),
				sumX: num(r.sx),
				sumY: num(r.sy),
				sumXY: num(r.sxy),
				sumXX: num(r.sxx),
				sumYY: num(r.syy)
			}
		])
	);
}

/** How often each distinct response was given, per question (grouped in SQL). */
async function responseCounts(input: {
	db: Db;
	moduleId: string;
	quizId: string | null;
	scope: Scope;
	questionId?: string;
}): Promise<Map<string, ResponseCount[]>> {
	const { db, moduleId, quizId, scope } = input;
	let q = db.kysely
		.selectFrom('quiz_answers as qa')
		.innerJoin('quiz_attempts as a', 'a.id', 'qa.attempt_id')
		.where('a.module_id', '=', moduleId)
		.where('a.status', '=', 'graded')
		.select((eb) => ['qa.question_id', 'qa.response', eb.fn.countAll().as('n')])
		.groupBy(['qa.question_id', 'qa.response']);
	if (quizId) q = q.where('a.quiz_id', '=', quizId);
	if (input.questionId) q = q.where('qa.question_id', '=', input.questionId);
	const out = new Map<string, ResponseCount[]>();
	for (const r of await q.where(scopeCondition(scope)).execute()) {
		const list = out.get(r.question_id) ?? [];
		list.push({ response: r.response, count: num(r.n) });
		out.set(r.question_id, list);
	}
	return out;
}

/** How many answers gave one stored response (JSON text; null = unanswered). */
interface ResponseCount {
	response: string | null;
	count: number;
}

function optionFrequencies(
	q: Question,
	counts: ResponseCount[]
): { options: OptionFrequency[]; unanswered: number } {
	const total = counts.reduce((s, c) => s + c.count, 0);
	let unanswered = 0;
	const tally = new Map<string, number>();
	for (const c of counts) {
		const value: unknown = c.response === null ? null : JSON.parse(c.response);
		if (value === null) {
			unanswered += c.count;
			continue;
		}
		const picks = Array.isArray(value) ? value.map(String) : [String(value)];
		for (const p of picks) tally.set(p, (tally.get(p) ?? 0) + c.count);
	}
	const share = (n: number) => (total ? Math.round((n / total) * 1000) / 1000 : 0);
	let choices: { id: string; text: string; correct: boolean }[] = [];
	if (q.type === 'single')
		choices = q.options.map((o) => ({ id: o.id, text: o.text, correct: q.answer === o.id }));
	else if (q.type === 'multiple')
		choices = q.options.map((o) => ({ id: o.id, text: o.text, correct: q.answer.includes(o.id) }));
	else if (q.type === 'true-false')
		choices = [
			{ id: 'true', text: 'True', correct: q.answer === true },
			{ id: 'false', text: 'False', correct: q.answer === false }
		];
	return {
		options: choices.map((c) => ({ ...c, count: tally.get(c.id) ?? 0, share: share(tally.get(c.id) ?? 0) })),
		unanswered
	};
}

export async function quizAnalysis(input: {
	db: Db;
	content: ContentIndex;
	moduleId: string;
	quizId: string;
	scope: Scope;
}): Promise<QuizAnalysis> {
	const { db, content, moduleId, quizId, scope } = input;
	const summary = db.kysely
		.selectFrom('quiz_attempts as a')
		.where('a.module_id', '=', moduleId)
		.where('a.quiz_id', '=', quizId)
		.where('a.status', '=', 'graded')
		.select((eb) => [
			eb.fn.countAll().as('attempts'),
			sql<number>`count(distinct a.learner_id)`.as('students'),
			sql<number>`avg(case when a.max_score > 0 then 100.0 * a.score / a.max_score end)`.as('mean')
		])
		.where(scopeCondition(scope))
		.executeTakeFirst();
	const [sums, counts, head, members] = await Promise.all([
		itemSums({ db, moduleId, quizId, scope }),
		responseCounts({ db, moduleId, quizId, scope }),
		summary,
		scopeSize(db, scope)
	]);
	const items: ItemRow[] = [];
	for (const [questionId, s] of sums) {
		const q = content.question(moduleId, questionId);
		if (!q) continue;
		items.push(itemRow(q, s, counts.get(questionId) ?? []));
	}
	items.sort((x, y) => (x.facility ?? 2) - (y.facility ?? 2) || x.questionId.localeCompare(y.questionId));
	return {
		moduleId,
		quizId,
		attempts: num(head?.attempts),
		students: num(head?.students),
		members,
		meanPercent: head?.mean == null ? null : Math.round(Number(head.mean)),
		items
	};
}

/** One question across every quiz of its module: statistics and option frequencies. */
export async function questionAnalysis(input: {
	db: Db;
	content: ContentIndex;
	moduleId: string;
	questionId: string;
	scope: Scope;
}): Promise<ItemRow | null> {
	const { db, content, moduleId, questionId, scope } = input;
	const q = content.question(moduleId, questionId);
	if (!q) return null;
	const [sums, counts] = await Promise.all([
		itemSums({ db, moduleId, quizId: null, scope }),
		responseCounts({ db, moduleId, quizId: null, scope, questionId })
	]);
	const none = { n: 0, sumX: 0, sumY: 0, sumXY: 0, sumXX: 0, sumYY: 0 };
	return itemRow(q, sums.get(questionId) ?? none, counts.get(questionId) ?? []);
}

/** A question's row: what it is, its statistics from the sums, and how often each option was chosen. */
function itemRow(q: Question, sums: ItemSums, counts: ResponseCount[]): ItemRow {
	const stats = itemStats(sums);
	return {
		questionId: q.id,
		prompt: q.prompt,
		type: q.type,
		objective: q.objective,
		difficulty: q.difficulty,
		n: stats.n,
		facility: stats.facility,
		discrimination: stats.discrimination,
		flags: stats.flags,
		...optionFrequencies(q, counts)
	};
}

export interface PassageMisses {
	paragraph: number;
	answered: number;
	missed: number;
	/** missed / answered, 0–1. */
	share: number;
	questions: number;
}

/**
 * Per paragraph of one source: of the students who answered a question citing it (graded attempts), how many
 * missed at least one such question. Aggregated in SQL against a VALUES table of (question, paragraph).
 */
export async function passageMisses(input: {
	db: Db;
	content: ContentIndex;
	moduleId: string;
	sourceId: string;
	scope: Scope;
}): Promise<PassageMisses[]> {
	const { db, content, moduleId, sourceId, scope } = input;
	const pairs = new Map<string, { questionId: string; paragraph: number }>();
	for (const q of content.module(moduleId)?.questions ?? []) {
		if (q.use !== 'assessment') continue;
		for (const c of q.citations)
			if (c.source === sourceId)
				pairs.set(`${q.id}#${c.paragraph}`, { questionId: q.id, paragraph: c.paragraph });
	}
	if (pairs.size === 0) return [];
	const values = sql.join(
		[...pairs.values()].map((p) => sql`(${p.questionId}, ${p.paragraph})`),
		sql`, `
	);
	const rows = await sql<{
		paragraph: number | string;
		answered: number | string;
		missed: number | string;
		questions: number | string;
	}>`
		with cited(question_id, paragraph) as (values ${values})
		select cited.paragraph as paragraph,
			count(distinct a.learner_id) as answered,
			count(distinct case when qa.score < 1 then a.learner_id end) as missed,
			count(distinct qa.question_id) as questions
		from quiz_answers qa
		join quiz_attempts a on a.id = qa.attempt_id
		join cited on cited.question_id = qa.question_id
		where a.module_id = ${moduleId} and a.status = 'graded'
			and qa.question_id in (${sql.join([...new Set([...pairs.values()].map((p) => p.questionId))])}) and ${scopeCondition(scope)}
		group by cited.paragraph
		order by cited.paragraph`.execute(db.kysely);
	return rows.rows.map((r) => {
		const answered = num(r.answered);
		const missed = num(r.missed);
		return {
			paragraph: num(r.paragraph),
			answered,
			missed,
			share: answered ? Math.round((missed / answered) * 1000) / 1000 : 0,
			questions: num(r.questions)
		};
	});
}
