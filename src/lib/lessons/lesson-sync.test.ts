import { describe, expect, it, vi } from 'vitest';
import { LessonSync, postProgress, type PostResult } from './lesson-sync';
import type { ProgressRequest } from './progress-events';

function memoryStorage() {
	const data = new Map<string, string>();
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		data
	};
}

const ok: PostResult = { ok: true, response: { step: 1, steps: 7, done: false, graded: [] } };
const event = (id: string) => ({ id, type: 'remediation.taken' as const, step: 'order' });
const saved = (snapshot: unknown, run = 'run-1') => ({ version: 1, run, snapshot });

describe('LessonSync', () => {
	it('keeps every save on the device and sends it, with its events, to the server', async () => {
		const storage = memoryStorage();
		const sent: ProgressRequest[] = [];
		const states: string[] = [];
		const sync = new LessonSync({
			storageKey: 'k',
			storage,
			post: async (b) => (sent.push(b), ok),
			onChange: (s) => states.push(s)
		});
		await sync.save(saved('s1'), [event('e1')]);
		expect(sent).toEqual([{ version: 1, run: 'run-1', snapshot: 's1', events: [event('e1')] }]);
		expect(sync.read()).toEqual({ ...saved('s1'), pending: [], synced: true });
		expect(states).toEqual(['saving', 'saved']);
	});

	it('holds saves while offline and sends the latest place with every pending event once back', async () => {
		const storage = memoryStorage();
		let online = false;
		const sent: ProgressRequest[] = [];
		const states: string[] = [];
		const sync = new LessonSync({
			storageKey: 'k',
			storage,
			post: async (b) => (online ? (sent.push(b), ok) : { ok: false, offline: true }),
			onChange: (s) => states.push(s)
		});
		await sync.save(saved('s1'), [event('e1')]);
		await sync.save(saved('s2'), [event('e2')]);
		expect(states.at(-1)).toBe('offline');
		expect(sync.read()).toMatchObject({ snapshot: 's2', pending: [event('e1'), event('e2')], synced: false });
		// A fresh page (same device) sees the unsynced save.
		expect(new LessonSync({ storageKey: 'k', storage, post: async () => ok }).read()?.snapshot).toBe('s2');
		online = true;
		await sync.flush();
		expect(sent).toEqual([{ version: 1, run: 'run-1', snapshot: 's2', events: [event('e1'), event('e2')] }]);
		expect(sync.read()?.synced).toBe(true);
	});

	it('sends saves one at a time and in order, even when they come faster than the server answers', async () => {
		const sent: unknown[] = [];
		let release: () => void = () => {};
		const sync = new LessonSync({
			storageKey: 'k',
			storage: memoryStorage(),
			post: (b) =>
				new Promise<PostResult>((resolve) => {
					sent.push(b.snapshot);
					release = () => resolve(ok);
				})
		});
		const first = sync.save(saved('s1'), [event('e1')]);
		void sync.save(saved('s2'), [event('e2')]);
		void sync.save(saved('s3'), []);
		expect(sent).toEqual(['s1']);
		release();
		// The queue sends only the latest place once the first request is answered.
		await vi.waitFor(() => expect(sent).toEqual(['s1', 's3']));
		release();
		await first;
		expect(sync.read()).toMatchObject({ snapshot: 's3', pending: [], synced: true });
	});

	it('drops a refused save and says why, and starts a new event list for a new run', async () => {
		const storage = memoryStorage();
		const changes: [string, string | null][] = [];
		const sync = new LessonSync({
			storageKey: 'k',
			storage,
			post: async () => ({ ok: false, offline: false, status: 409, message: 'This lesson has changed' }),
			onChange: (s, m) => changes.push([s, m])
		});
		await sync.save(saved('s1'), [event('e1')]);
		expect(changes.at(-1)).toEqual(['refused', 'This lesson has changed']);
		expect(sync.read()?.pending).toEqual([]);
		const other = new LessonSync({
			storageKey: 'k',
			storage,
			post: async () => ({ ok: false, offline: true })
		});
		await other.save(saved('s1', 'run-1'), [event('e1')]);
		await other.save(saved('s0', 'run-2'), [event('e2')]);
		expect(other.read()?.pending).toEqual([event('e2')]);
	});

	it('survives storage that throws or holds garbage', async () => {
		const broken = {
			getItem: () => '{not json',
			setItem: () => {
				throw new Error('quota');
			}
		};
		const sync = new LessonSync({ storageKey: 'k', storage: broken, post: async () => ok });
		expect(sync.read()).toBeNull();
		await expect(sync.save(saved('s1'), [])).resolves.toBeUndefined();
	});

	it('treats network failures and server errors as offline, and 4xx as refused with the message', async () => {
		const body = { version: 1, run: 'r', snapshot: null, events: [] };
		const failing = postProgress('/x', (async () => {
			throw new TypeError('network');
		}) as typeof fetch);
		expect(await failing(body)).toEqual({ ok: false, offline: true });
		const status = (code: number, data: unknown) =>
			postProgress(
				'/x',
				(async () => new Response(JSON.stringify(data), { status: code })) as typeof fetch
			)(body);
		expect(await status(503, {})).toEqual({ ok: false, offline: true });
		expect(await status(400, { message: 'Invalid progress' })).toEqual({
			ok: false,
			offline: false,
			status: 400,
			message: 'Invalid progress'
		});
		expect(await status(200, ok.ok && ok.response)).toEqual(ok);
	});
});
