import type { Kysely } from 'kysely';

/**
 * A log of instructor password resets (issue 12, finding 11): an instructor who resets a student who is
 * also in another class can sign in as that student there. Each reset is recorded (who, whom, in which
 * class, when) where the student and the instructors of the student's other classes can see it.
 * The class name is copied so the entry still reads after the class is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('password_resets')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('by_name', 'text', (c) => c.notNull())
		.addColumn('class_id', 'text')
		.addColumn('class_name', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('password_resets_user_at')
		.on('password_resets')
		.columns(['user_id', 'at'])
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('password_resets').execute();
}
