/**
 * Mastery per learner and objective, kept in a table (learner_mastery) so the class dashboard reads one row
 * per student and objective instead of every answer the class ever gave (issue 6: 60,000 answers took
 * 160–400 ms to window on each render; the table reads in a few milliseconds).
 *
 * The rule is mastery.ts's: per learner and objective, the weighted mean of the last RECENT scored answers,
 * quiz items weighing 1 and lesson checks MASTERY_RULES.lessonWeight. Here it is one SQL statement, run
 *  - for one learner, inside the transaction that grades their attempt or records their lesson check, or
 *    merges an anonymous learner into their account (refreshLearnerMastery);
 *  - for everyone at start-up when the question → objective map or the rule has changed since the table was
 *    built (syncMasteryIndex, which compares a fingerprint kept in derived_state).
 * So the table never waits on a job: whatever the grading transaction commits, the dashboard shows.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { MASTERY_RULES } from '$lib/progress/mastery';

/** Bump when the SQL below changes meaning: start-up then rebuilds the table. */
const INDEX_VERSION = 1;
const STATE_NAME = 'learner_mastery';

type Q = Kysely<Database>;
/** All this needs of the content: its modules' questions and their objectives. */
type Modules = Pick<ContentIndex, 'modules'>;

/** The question → objective map of every module, in a stable order. */
function objectiveMap(content: Modules) {
	return content.modules
		.flatMap((m) => m.questions.map((q) => ({ module_id: m.id, question_id: q.id, objective: q.objective })))
		.sort((a, b) =>
			a.module_id === b.module_id
				? a.question_id.localeCompare(b.question_id)
				: a.module_id.localeCompare(b.module_id)
		);
}

export function masteryFingerprint(content: Modules): string {
	const source = JSON.stringify({ version: INDEX_VERSION, rules: MASTERY_RULES, map: objectiveMap(content) });
	return createHash('sha256').update(source).digest('hex');
}

/**
 * Recomputes learner_mastery rows (one learner's, or everyone's) from graded quiz answers and lesson checks,
 * upserting one row per learner, module and objective with evidence.
 */
function upsertMastery(only: string | null) {
	const forLearner = (column: string) => (only === null ? sql`` : sql`and ${sql.ref(column)} = ${only}`);
	const objectiveOf = (module: string, question: string) =>
		sql`(select qo.objective from question_objectives qo
			where qo.module_id = ${sql.ref(module)} and qo.question_id = ${sql.ref(question)})`;
	const { recent, lessonWeight } = MASTERY_RULES;
	// Answers recorded at the same instant (one attempt, one lesson save) are grouped before the window, which
	// then ranks about a third as many rows; a group straddling the RECENT boundary counts in proportion.
	return sql`
		with obs as (
			select a.learner_id as learner_id, a.module_id as module_id, ${objectiveOf('a.module_id', 'qa.question_id')} as objective,
				qa.score as score, 1.0 as w, 1 as quiz, a.submitted_at as at
			from quiz_attempts a
			inner join quiz_answers qa on qa.attempt_id = a.id
			where a.status = 'graded' and qa.score is not null ${forLearner('a.learner_id')}
			union all
			select e.learner_id, e.module_id, ${objectiveOf('e.module_id', 'e.item_id')},
				coalesce(e.score, e.correct), ${lessonWeight}, 0, e.created_at
			from lesson_events e
			where e.type = 'check.answered' ${forLearner('e.learner_id')}
		),
		tied as (
			select learner_id, module_id, objective, at, quiz, count(*) as n, sum(w * score) as ws, sum(w) as sw
			from obs where objective is not null
			group by learner_id, module_id, objective, at, quiz
		),
		ranked as (
			select tied.*, sum(n) over (
				partition by learner_id, module_id, objective order by at desc rows between unbounded preceding and current row
			) as upto
			from tied
		),
		counted as (
			select learner_id, module_id, objective, ws, sw, quiz, n,
				case when upto <= ${recent} then 1.0 else (${recent} - (upto - n)) * 1.0 / n end as part
			from ranked where upto - n < ${recent}
		)
		insert into learner_mastery (learner_id, module_id, objective, score, answers, quiz_answers)
		select learner_id, module_id, objective, sum(ws * part) / sum(sw * part), sum(n * part), sum(n * part * quiz)
		from counted
		group by learner_id, module_id, objective
		on conflict (learner_id, module_id, objective) do update set
			score = excluded.score, answers = excluded.answers, quiz_answers = excluded.quiz_answers`;
}

/**
 * Brings one learner's mastery rows up to date. Call inside the transaction that wrote their answers.
 * The no-op update takes the learner's row lock first (PostgreSQL), so two transactions refreshing the same
 * learner run one after the other and the second sees the first's answers; SQLite already serialises writers.
 */
export async function refreshLearnerMastery(trx: Q, learnerId: string): Promise<void> {
	await trx
		.updateTable('learners')
		.set((eb) => ({ last_seen_at: eb.ref('last_seen_at') }))
		.where('id', '=', learnerId)
		.execute();
	await upsertMastery(learnerId).execute(trx);
}

/** Recomputes the whole table. */
export async function rebuildLearnerMastery(trx: Q): Promise<void> {
	await trx.deleteFrom('learner_mastery').execute();
	await upsertMastery(null).execute(trx);
}

/**
 * Start-up: mirrors the content's question → objective map and rebuilds learner_mastery when the map or the
 * rule changed since it was built (a new question bank, a question moved to another objective, a new
 * RECENT). Returns whether it rebuilt. One transaction: a failed rebuild leaves the previous state whole.
 * Several instances starting at once on one PostgreSQL rebuild once: the first to lock the state row
 * rebuilds, the others wait for it and then find the fingerprint current.
 */
export async function syncMasteryIndex(db: Db, content: Modules, now = new Date()): Promise<boolean> {
	const fingerprint = masteryFingerprint(content);
	const current = (q: Q) =>
		q.selectFrom('derived_state').select('fingerprint').where('name', '=', STATE_NAME).executeTakeFirst();
	if ((await current(db.kysely))?.fingerprint === fingerprint) return false;
	// The row to lock must exist before anyone can lock it.
	await db.kysely
		.insertInto('derived_state')
		.values({ name: STATE_NAME, fingerprint: '', built_at: now.toISOString() })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	return db.kysely.transaction().execute(async (trx) => {
		await trx
			.updateTable('derived_state')
			.set((eb) => ({ fingerprint: eb.ref('fingerprint') }))
			.where('name', '=', STATE_NAME)
			.execute();
		if ((await current(trx))?.fingerprint === fingerprint) return false;
		await trx.deleteFrom('question_objectives').execute();
		const rows = objectiveMap(content);
		for (let i = 0; i < rows.length; i += 500)
			await trx
				.insertInto('question_objectives')
				.values(rows.slice(i, i + 500))
				.execute();
		await rebuildLearnerMastery(trx);
		await trx
			.updateTable('derived_state')
			.set({ fingerprint, built_at: now.toISOString() })
			.where('name', '=', STATE_NAME)
			.execute();
		return true;
	});
}
