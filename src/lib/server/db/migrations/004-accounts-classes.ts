import type { Kysely } from 'kysely';

/**
 * Accounts (users, sessions, sign-in throttling) and classes (members, assignments, extensions, and the
 * per-student work summary that lessons and quizzes report into). Issue 5.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('username', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('password_changed_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
	await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

	await db.schema
		.createTable('sign_in_failures')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('sign_in_failures_key_at')
		.on('sign_in_failures')
		.columns(['key', 'at'])
		.execute();

	// One learner per account: progress follows the account, and a race between two first sign-ins cannot
	// give an account two learners (NULLs stay distinct on both engines, so anonymous learners are unaffected).
	await db.schema.createIndex('learners_user_id_unique').on('learners').column('user_id').unique().execute();

	await db.schema
		.createTable('classes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('instructor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('join_code', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('classes_instructor_id').on('classes').column('instructor_id').execute();

	await db.schema
		.createTable('class_members')
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('joined_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('class_members_pk', ['class_id', 'user_id'])
		.execute();
	await db.schema.createIndex('class_members_user_id').on('class_members').column('user_id').execute();

	await db.schema
		.createTable('assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('class_id', 'text', (c) => c.notNull().references('classes.id').onDelete('cascade'))
		.addColumn('module_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('target_id', 'text')
		.addColumn('opens_at', 'text', (c) => c.notNull())
		.addColumn('due_at', 'text', (c) => c.notNull())
		.addColumn('attempts_allowed', 'integer')
		.addColumn('time_limit_minutes', 'integer')
		.addColumn('feedback_policy', 'text', (c) => c.notNull())
		.addColumn('late_policy', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('assignments_class_id').on('assignments').column('class_id').execute();

	await db.schema
		.createTable('assignment_extensions')
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('due_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('assignment_extensions_pk', ['assignment_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('assignment_work')
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('started_at', 'text')
		.addColumn('submitted_at', 'text')
		.addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('score', 'double precision')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('assignment_work_pk', ['assignment_id', 'user_id'])
		.execute();
	await db.schema.createIndex('assignment_work_user_id').on('assignment_work').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'assignment_work',
		'assignment_extensions',
		'assignments',
		'class_members',
		'classes',
		'sign_in_failures',
		'sessions',
		'users'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.dropIndex('learners_user_id_unique').execute();
}
