/**
 * An instructor for the bench: the demo class (30 students with deterministic lesson, quiz and assignment
 * work, the same as `npm run demo`) seeded into the bench database before the server starts, and a signed-in
 * session for its instructor, so the bench can render the class dashboard as a teacher sees it.
 */
import { resolve } from 'node:path';
import { SESSION_COOKIE } from '../../src/lib/server/auth/config';
import { TEST_PARAMS } from '../../src/lib/server/auth/password';
import { createSession } from '../../src/lib/server/auth/sessions';
import { DEMO_INSTRUCTOR, seedDemo } from '../demo/demo-seed';
import { loadContent } from '../../src/lib/server/content/load-content';
import { connect, migrateToLatest } from '../../src/lib/server/db/connect';

export interface BenchInstructor {
	/** Cookie header value of the instructor's session. */
	cookie: string;
	classId: string;
	students: number;
}

export async function seedBenchInstructor(dbFile: string): Promise<BenchInstructor> {
	const loaded = loadContent(resolve('questions'));
	if (!loaded.ok) throw new Error('content is invalid: run npm run content:check');
	const db = connect(`file:${dbFile}`);
	try {
		await migrateToLatest(db);
		// Cheap password hashes: nobody signs in with them; the session is made directly.
		const summary = await seedDemo(db, { content: loaded.index, params: TEST_PARAMS });
		const instructor = await db.kysely
			.selectFrom('users')
			.select('id')
			.where('username', '=', DEMO_INSTRUCTOR.username)
			.executeTakeFirstOrThrow();
		const { token } = await createSession(db, { userId: instructor.id, now: new Date() });
		return { cookie: `${SESSION_COOKIE}=${token}`, classId: summary.classId, students: summary.students };
	} finally {
		await db.close();
	}
}
