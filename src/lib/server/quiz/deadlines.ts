/**
 * Server-side finalization: open attempts whose time limit or closing due date has passed (plus the grace
 * period) are graded from their saved answers, without any client. Run by the sweeper on a timer in every
 * app instance; reads settle the attempts they touch as well (settleAttempt in the quiz routes). Grading
 * claims an attempt with a conditional UPDATE … WHERE status = 'open', so the sweeper, a late submit and a
 * page load racing for the same attempt grade it exactly once (issue 5).
 */
import type { ContentIndex } from '$lib/server/content/content-index';
import type { Db } from '$lib/server/db';
import { settleAttempt } from './attempts';
import { acceptsWork } from './timing';

export async function settleExpiredAttempts({
	db,
	content,
	now
}: {
	db: Db;
	content: ContentIndex;
	now: Date;
}): Promise<number> {
	const open = await db.kysely
		.selectFrom('quiz_attempts')
		.selectAll()
		.where('status', '=', 'open')
		.where((eb) =>
			eb.or([
				eb('time_limit_minutes', 'is not', null),
				eb.and([eb('due_at', 'is not', null), eb('accept_late', '=', 0)])
			])
		)
		.execute();
	let settled = 0;
	for (const attempt of open) {
		if (acceptsWork(attempt, now)) continue;
		const after = await settleAttempt({ db, content, attempt, now });
		if (after.status === 'graded') settled++;
	}
	return settled;
}
