import { sql, type Kysely } from 'kysely';

/**
 * Lesson answers count once (issue 11, point 4): twelve replays of one known practice answer, each with a
 * fresh event id, moved an objective's mastery from 0 to 100 %.
 *
 * - Only the first answer per (learner, lesson, run, step, item) stays a `check.answered`; later ones are kept
 *   in the log as `check.repeated`, which nothing scores. Existing duplicates are relabelled the same way
 *   (kept, not deleted: they were acknowledged), then a unique partial index holds the rule for every writer.
 * - An index by learner, lesson and time for the per-day event cap.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	// The first answer is the earliest by (created_at, batch_seq, event_id); every other one is relabelled.
	await sql`
		update lesson_events set type = 'check.repeated'
		where type = 'check.answered' and exists (
			select 1 from lesson_events f
			where f.type = 'check.answered'
				and f.learner_id = lesson_events.learner_id and f.module_id = lesson_events.module_id
				and f.lesson_id = lesson_events.lesson_id and f.run_id = lesson_events.run_id
				and f.step_id = lesson_events.step_id and f.item_id = lesson_events.item_id
				and (f.created_at < lesson_events.created_at
					or (f.created_at = lesson_events.created_at and f.batch_seq < lesson_events.batch_seq)
					or (f.created_at = lesson_events.created_at and f.batch_seq = lesson_events.batch_seq
						and f.event_id < lesson_events.event_id)))`.execute(db);
	await db.schema
		.createIndex('lesson_events_answer_once')
		.unique()
		.on('lesson_events')
		.columns(['learner_id', 'module_id', 'lesson_id', 'run_id', 'step_id', 'item_id'])
		.where(sql.ref('type'), '=', 'check.answered')
		.execute();
	await db.schema
		.createIndex('lesson_events_day')
		.on('lesson_events')
		.columns(['learner_id', 'module_id', 'lesson_id', 'created_at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropIndex('lesson_events_day').execute();
	await db.schema.dropIndex('lesson_events_answer_once').execute();
	await sql`update lesson_events set type = 'check.answered' where type = 'check.repeated'`.execute(db);
}
