/**
 * Caps on the lesson event log (issue 11 point 4, issue 12 finding 4): one learner stored 2,000 events with
 * 20 saves of 100, and every later save slowed as the log grew. Three caps, each refused with a 4xx and a
 * message before anything is written:
 *  - per save: MAX_EVENTS_PER_SAVE events (the request schema, progress-request.ts);
 *  - per run of a lesson: LESSON_EVENTS_PER_RUN, whatever the days it spans;
 *  - per lesson and UTC day: LESSON_EVENTS_PER_DAY, whatever the runs, so starting run after run gains nothing.
 * An honest run stores at most three events per check (the answer, the remediation, the re-check's answer)
 * and one completion: 19 for the longest lesson (six checks), so both caps sit far above honest use.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';

/**
 * Events one save may carry. The player sends the events since its last acknowledged save, at most about 20
 * for a whole run, so only a made-up request reaches this.
 */
export const MAX_EVENTS_PER_SAVE = 100;
/** Lesson events one learner may store per lesson and UTC day. */
export const LESSON_EVENTS_PER_DAY = 300;
/** Lesson events one learner may store in one run of a lesson (from start to summary). */
export const LESSON_EVENTS_PER_RUN = 150;

export interface LessonKey {
	learner_id: string;
	module_id: string;
	lesson_id: string;
}

/** Why a save was refused: the status and the sentence the learner reads. */
export interface CapRefusal {
	status: 429;
	message: string;
}

/**
 * Serialises saves of one learner's lesson for the rest of the transaction, so two concurrent saves cannot
 * both count below a cap and both store. SQLite runs the app's write transactions one at a time already
 * (BEGIN IMMEDIATE); PostgreSQL would let both read the old count, so it takes an advisory lock per key.
 */
export async function lockLessonLog(trx: Kysely<Database>, engine: Db['engine'], key: LessonKey) {
	if (engine !== 'postgres') return;
	const name = `lesson-events:${key.learner_id}:${key.module_id}:${key.lesson_id}`;
	await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}

const count = async (query: Promise<{ n: number | string } | undefined>) => Number((await query)?.n ?? 0);

/**
 * The refusal for a save that would store `adding` new events in `run` at `now`, or null when it fits
 * both caps. Call it inside the save's transaction, after lockLessonLog.
 */
export async function overEventCaps(
	trx: Kysely<Database>,
	{ key, run, now, adding }: { key: LessonKey; run: string; now: Date; adding: number }
): Promise<CapRefusal | null> {
	const inRun = await count(
		trx
			.selectFrom('lesson_events')
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.where((eb) => eb.and(key))
			.where('run_id', '=', run)
			.executeTakeFirst()
	);
	if (inRun + adding > LESSON_EVENTS_PER_RUN)
		return {
			status: 429,
			message: `This run of the lesson has recorded ${inRun} steps and answers, and one run keeps at most ${LESSON_EVENTS_PER_RUN}. To save your place again, start the lesson again (the button on its last card); nothing from this save was kept.`
		};
	const dayStart = `${now.toISOString().slice(0, 10)}T00:00:00.000Z`;
	const today = await count(
		trx
			.selectFrom('lesson_events')
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.where((eb) => eb.and(key))
			.where('created_at', '>=', dayStart)
			.executeTakeFirst()
	);
	if (today + adding > LESSON_EVENTS_PER_DAY)
		return {
			status: 429,
			message: `This lesson has recorded ${today} steps and answers for you today, and takes at most ${LESSON_EVENTS_PER_DAY} a day. Come back tomorrow; nothing from this save was kept.`
		};
	return null;
}
