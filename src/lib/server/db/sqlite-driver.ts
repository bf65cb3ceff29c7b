/**
 * Kysely's SQLite driver, rebuilt so a locked database cannot freeze the process (issue 12, finding 5).
 *
 * better-sqlite3 is synchronous: with a 5 s busy timeout, a write that found the database locked by another
 * process blocked the event loop for 5 s (every request, /healthz included, stalled), then failed as a bare
 * 500. Here SQLite's own busy wait is 0 and a locked statement is retried on a timer (2, 4, 8 … 50 ms) until
 * `waitMs` has passed, then fails as DatabaseBusyError, which the app answers with 503 and Retry-After.
 *
 * Reads outside a transaction run on a second, read-only connection: in WAL mode they see the last commit
 * and never wait for a writer, so pages and /healthz answer while a write waits for the lock (the one
 * write connection is held by one transaction or statement at a time, as in Kysely's own driver).
 * Transactions begin IMMEDIATE: they take the write lock first, so two processes never deadlock on an
 * upgrade from read to write.
 */
import type SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type Kysely,
	type QueryResult
} from 'kysely';

/** The database stayed locked (by another process) for longer than the app waits. */
export class DatabaseBusyError extends Error {
	constructor() {
		super('The database is busy.');
		this.name = 'DatabaseBusyError';
	}
}

export function isDatabaseBusy(err: unknown): err is DatabaseBusyError {
	return err instanceof DatabaseBusyError;
}

const isLocked = (err: unknown) =>
	typeof err === 'object' &&
	err !== null &&
	typeof (err as { code?: unknown }).code === 'string' &&
	/^SQLITE_(BUSY|LOCKED)/.test((err as { code: string }).code);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `step` (synchronous, busy timeout 0) until it is not locked out, yielding the event loop between tries.
 * It always tries once; past `deadline` (a time, not a duration) a locked step fails as DatabaseBusyError.
 */
async function retryLocked<T>(step: () => T, deadline: number): Promise<T> {
	for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
		try {
			return step();
		} catch (err) {
			if (!isLocked(err)) throw err;
			if (Date.now() + delay > deadline) throw new DatabaseBusyError();
			await sleep(delay);
		}
	}
}

class Mutex {
	#queue: (() => void)[] = [];
	#held = false;
	async lock(): Promise<void> {
		if (!this.#held) {
			this.#held = true;
			return;
		}
		await new Promise<void>((resolve) => this.#queue.push(resolve));
	}
	unlock(): void {
		const next = this.#queue.shift();
		if (next) next();
		else this.#held = false;
	}
}

function run(db: SQLite.Database, { sql, parameters }: CompiledQuery): QueryResult<unknown> {
	const stmt = db.prepare(sql);
	if (stmt.reader) return { rows: stmt.all(parameters as unknown[]) };
	const { changes, lastInsertRowid } = stmt.run(parameters as unknown[]);
	return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** Read-only statements prepared once each on the reader (a bounded cache: the app has a few hundred). */
class Reader {
	#cache = new Map<string, SQLite.Statement>();
	constructor(readonly db: SQLite.Database) {}
	statement(sql: string): SQLite.Statement | null {
		let stmt = this.#cache.get(sql);
		if (!stmt) {
			stmt = this.db.prepare(sql);
			if (this.#cache.size >= 1000) this.#cache.clear();
			this.#cache.set(sql, stmt);
		}
		return stmt.reader && stmt.readonly ? stmt : null;
	}
}

export interface SqliteConnections {
	writer: SQLite.Database;
	/** A read-only connection to the same file; none for `:memory:` (it could not see the writer's data). */
	reader: SQLite.Database | null;
	/** How long a statement waits for another process's lock before DatabaseBusyError. */
	waitMs: number;
}

class Connection implements DatabaseConnection {
	#holdsWriter = false;
	#inTransaction = false;
	constructor(
		private readonly driver: AppSqliteDriver,
		private readonly c: SqliteConnections,
		private readonly reader: Reader | null
	) {}

	async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
		// The wait starts now, not when the writer connection is free: writes queued behind one that waits for
		// another process's lock share its wait instead of each waiting in turn (three queued saves answered
		// 503 after 4, 8 and 12 s).
		const deadline = Date.now() + this.c.waitMs;
		if (!this.#holdsWriter && this.reader) {
			const stmt = this.reader.statement(query.sql);
			if (stmt) {
				const rows = await retryLocked(() => stmt.all(query.parameters as unknown[]), deadline);
				return { rows: rows as R[] };
			}
		}
		const alone = !this.#holdsWriter;
		if (alone) await this.acquireWriter();
		try {
			return (await retryLocked(() => run(this.c.writer, query), deadline)) as QueryResult<R>;
		} finally {
			if (alone) this.releaseWriter();
		}
	}

	// eslint-disable-next-line require-yield
	async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
		throw new Error('Streaming is not used by this app.');
	}

	async acquireWriter() {
		await this.driver.writerLock.lock();
		this.#holdsWriter = true;
	}

	releaseWriter() {
		if (!this.#holdsWriter) return;
		this.#holdsWriter = false;
		this.driver.writerLock.unlock();
	}

	async begin() {
		const deadline = Date.now() + this.c.waitMs;
		await this.acquireWriter();
		try {
			await retryLocked(() => this.c.writer.prepare('begin immediate').run(), deadline);
			this.#inTransaction = true;
		} catch (err) {
			this.releaseWriter();
			throw err;
		}
	}

	async end(sql: 'commit' | 'rollback') {
		try {
			await retryLocked(() => this.c.writer.prepare(sql).run(), Date.now() + this.c.waitMs);
		} finally {
			// A failed commit leaves the transaction open in SQLite: roll it back so the connection is clean.
			if (this.c.writer.inTransaction) this.c.writer.prepare('rollback').run();
			this.#inTransaction = false;
			this.releaseWriter();
		}
	}

	get inTransaction() {
		return this.#inTransaction;
	}
}

class AppSqliteDriver implements Driver {
	readonly writerLock = new Mutex();
	readonly #reader: Reader | null;
	constructor(private readonly c: SqliteConnections) {
		this.#reader = c.reader ? new Reader(c.reader) : null;
	}
	async init() {}
	async acquireConnection(): Promise<DatabaseConnection> {
		return new Connection(this, this.c, this.#reader);
	}
	async beginTransaction(connection: DatabaseConnection) {
		await (connection as Connection).begin();
	}
	async commitTransaction(connection: DatabaseConnection) {
		await (connection as Connection).end('commit');
	}
	async rollbackTransaction(connection: DatabaseConnection) {
		await (connection as Connection).end('rollback');
	}
	async releaseConnection(connection: DatabaseConnection) {
		(connection as Connection).releaseWriter();
	}
	async destroy() {
		this.c.reader?.close();
		this.c.writer.close();
	}
}

export class AppSqliteDialect implements Dialect {
	constructor(private readonly connections: SqliteConnections) {}
	createDriver(): Driver {
		return new AppSqliteDriver(this.connections);
	}
	createQueryCompiler() {
		return new SqliteQueryCompiler();
	}
	createAdapter() {
		return new SqliteAdapter();
	}
	createIntrospector(db: Kysely<unknown>) {
		return new SqliteIntrospector(db);
	}
}

/**
 * For writes a request can do without (recording when a session or learner was last seen): a locked
 * database skips them rather than failing the page.
 */
export async function unlessBusy(write: Promise<unknown>): Promise<void> {
	try {
		await write;
	} catch (err) {
		if (!isDatabaseBusy(err)) throw err;
	}
}
