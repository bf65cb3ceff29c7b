/**
 * Keeps a lesson's place safe: every save goes to localStorage at once and then to the server, one request
 * at a time, in order. While the server cannot be reached the save stays on the device (with the events not
 * yet sent) and goes out on the next save or when the browser is back online. Storage and transport are
 * injected, so this runs the same in unit tests.
 */
import type { ProgressEvent, ProgressRequest, ProgressResponse } from './progress-events';
import type { SavedLesson } from './snapshot';

/** What the device keeps: the latest save and the events the server has not acknowledged. */
export interface LocalLesson extends SavedLesson {
	pending: ProgressEvent[];
	/** True once the server has acknowledged this exact save. */
	synced: boolean;
}

export type SyncState = 'idle' | 'saving' | 'saved' | 'offline' | 'refused';

export type PostResult =
	| { ok: true; response: ProgressResponse }
	| { ok: false; offline: true }
	| { ok: false; offline: false; status: number; message: string };

export interface SyncOptions {
	storageKey: string;
	storage: Pick<Storage, 'getItem' | 'setItem'> | null;
	post: (body: ProgressRequest) => Promise<PostResult>;
	onChange?: (state: SyncState, message: string | null) => void;
}

export class LessonSync {
	#local: LocalLesson | null;
	#busy = false;
	#again = false;

	constructor(private readonly options: SyncOptions) {
		this.#local = this.read();
	}

	/** The save kept on this device, if any. */
	read(): LocalLesson | null {
		try {
			const raw = this.options.storage?.getItem(this.options.storageKey);
			const value: unknown = raw ? JSON.parse(raw) : null;
			if (typeof value !== 'object' || value === null) return null;
			const v = value as LocalLesson;
			if (typeof v.version !== 'number' || typeof v.run !== 'string' || !Array.isArray(v.pending))
				return null;
			return { ...v, synced: v.synced === true };
		} catch {
			return null;
		}
	}

	#write(): void {
		try {
			this.options.storage?.setItem(this.options.storageKey, JSON.stringify(this.#local));
		} catch {
			// Private browsing or a full quota: the server copy still works.
		}
	}

	#notify(state: SyncState, message: string | null = null): void {
		this.options.onChange?.(state, message);
	}

	/** Record a new place in the lesson, and the events that led to it, then send them. */
	save(saved: SavedLesson, events: ProgressEvent[]): Promise<void> {
		const sameRun = this.#local?.run === saved.run && this.#local.version === saved.version;
		this.#local = { ...saved, pending: [...(sameRun ? this.#local!.pending : []), ...events], synced: false };
		this.#write();
		return this.flush();
	}

	/** Send what the server has not acknowledged yet; safe to call at any time. */
	async flush(): Promise<void> {
		if (this.#busy) {
			this.#again = true;
			return;
		}
		this.#busy = true;
		try {
			do {
				this.#again = false;
				const sent = this.#local;
				if (!sent || sent.synced) break;
				this.#notify('saving');
				const result = await this.options.post({
					version: sent.version,
					run: sent.run,
					snapshot: sent.snapshot,
					events: sent.pending
				});
				if (!result.ok && result.offline) {
					this.#notify('offline');
					return;
				}
				const ids = new Set(sent.pending.map((e) => e.id));
				const current = this.#local!;
				// Acknowledged or refused, these events are done: a refused save would be refused again.
				current.pending = current.pending.filter((e) => !ids.has(e.id));
				current.synced = current === sent && current.pending.length === 0;
				this.#write();
				if (!result.ok) {
					this.#notify('refused', result.message);
					return;
				}
				this.#notify('saved');
			} while (this.#again || !this.#local?.synced);
		} finally {
			this.#busy = false;
		}
	}
}

/** The real transport: POST JSON; a network failure (not an HTTP error) means offline. */
export function postProgress(url: string, fetcher: typeof fetch = fetch) {
	return async (body: ProgressRequest): Promise<PostResult> => {
		let res: Response;
		try {
			res = await fetcher(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		} catch {
			return { ok: false, offline: true };
		}
		if (res.ok) return { ok: true, response: (await res.json()) as ProgressResponse };
		if (res.status >= 500) return { ok: false, offline: true };
		const data = (await res.json().catch(() => null)) as { message?: string } | null;
		return { ok: false, offline: false, status: res.status, message: data?.message ?? res.statusText };
	};
}
