/**
 * Work the server does on a timer, without any client: ending what has expired. Every app instance runs
 * it; each task is idempotent (a conditional UPDATE or DELETE), so two instances sweeping at once do the
 * work once. Reads also settle what they touch (finalize-on-read), so the timer bounds how long an
 * expired row can sit, not whether it is handled.
 */
import type { Db } from '$lib/server/db';
import { deleteExpiredSessions } from '$lib/server/auth/sessions';
import { throttlePolicy } from '$lib/server/auth/config';
import type { ContentIndex } from '$lib/server/content/content-index';
import { settleExpiredAttempts } from '$lib/server/quiz/deadlines';
import { deleteIdleAnonymousLearners } from '$lib/server/learner-tables';

export interface SweepTask {
	name: string;
	/** Returns how many rows it settled. */
	run(db: Db, now: Date): Promise<number>;
}

export function sweepTasks(content: ContentIndex): SweepTask[] {
	return [
		{
			name: 'quiz attempts past their deadline',
			run: (db, now) => settleExpiredAttempts({ db, content, now })
		},
		...housekeeping
	];
}

const housekeeping: SweepTask[] = [
	{
		name: 'expired sessions',
		run: (db, now) => deleteExpiredSessions(db, now)
	},
	{
		name: 'idle anonymous learners',
		run: (db, now) => deleteIdleAnonymousLearners(db.kysely, { now })
	},
	{
		name: 'old sign-in failures',
		run: async (db, now) => {
			const cutoff = new Date(now.getTime() - throttlePolicy.windowMs).toISOString();
			const result = await db.kysely
				.deleteFrom('sign_in_failures')
				.where('at', '<=', cutoff)
				.executeTakeFirst();
			return Number(result.numDeletedRows);
		}
	}
];

/** One pass over every task; a failing task is reported and does not stop the others. */
export async function sweepOnce(
	db: Db,
	now: Date,
	tasks: readonly SweepTask[]
): Promise<Record<string, number | Error>> {
	const results: Record<string, number | Error> = {};
	for (const task of tasks) {
		try {
			results[task.name] = await task.run(db, now);
		} catch (err) {
			results[task.name] = err instanceof Error ? err : new Error(String(err));
		}
	}
	return results;
}

/**
 * Sweeps every `intervalMs` (default a minute; SWEEP_INTERVAL_SECONDS overrides, 0 turns it off). Passes
 * never overlap, and the timer does not keep the process alive. Returns a stop function.
 */
export function startSweeper({
	db,
	tasks,
	intervalMs = Number(process.env.SWEEP_INTERVAL_SECONDS ?? 60) * 1000,
	log = (message: string) => console.error(message)
}: {
	db: Db;
	tasks: readonly SweepTask[];
	intervalMs?: number;
	log?: (message: string) => void;
}): () => void {
	if (!(intervalMs > 0)) return () => {};
	let running = false;
	const timer = setInterval(async () => {
		if (running) return;
		running = true;
		try {
			const results = await sweepOnce(db, new Date(), tasks);
			for (const [name, result] of Object.entries(results))
				if (result instanceof Error) log(`sweep: ${name} failed: ${result.message}`);
		} finally {
			running = false;
		}
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
