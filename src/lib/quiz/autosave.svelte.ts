/**
 * Autosave for a quiz attempt in the browser: each change is sent to the server within a second or two,
 * one request at a time per question and always the newest answer, with a revision number so the server can
 * ignore anything that arrives out of order. Network failures and 5xx responses are retried with back-off
 * (and at once when the browser comes back online); a 4xx is shown as an error, since retrying cannot help.
 */
import { isAnswered } from '$lib/content/form-response';

export type SaveState = 'saved' | 'pending' | 'saving' | 'offline' | 'error' | 'incomplete';

interface Entry {
	state: SaveState;
	/** Highest revision the server has acknowledged (or had when the page loaded). */
	acked: number;
	/** Highest revision handed out so far. */
	issued: number;
	answered: boolean;
	message: string | null;
}

interface Queued {
	response: unknown;
	revision: number;
}

export interface AutosaveOptions {
	url: string;
	questions: { id: string; revision: number; answered: boolean }[];
	/** Debounce for typing; clicks and selections are sent almost at once. Both well under 2 s. */
	typingDelayMs?: number;
	clickDelayMs?: number;
	fetch?: typeof fetch;
}

const RETRY_STEPS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

export class Autosaver {
	entries: Record<string, Entry> = $state({});
	/** Seconds until the next retry while offline, for the status line. */
	retryInSeconds: number | null = $state(null);
	/** Set when the server refuses every further answer (submitted, or time is up). */
	closedMessage: string | null = $state(null);

	#url: string;
	#fetch: typeof fetch;
	#typingDelay: number;
	#clickDelay: number;
	// Bookkeeping only, never rendered: plain Maps on purpose (what the page shows lives in `entries`).
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#queued = new Map<string, Queued>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#timers = new Map<string, ReturnType<typeof setTimeout>>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#inFlight = new Map<string, Promise<void>>();
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#countdown: ReturnType<typeof setInterval> | null = null;
	#failures = 0;
	#paused = false;

	constructor(options: AutosaveOptions) {
		this.#url = options.url;
		this.#fetch = options.fetch ?? ((...args) => fetch(...args));
		this.#typingDelay = options.typingDelayMs ?? 600;
		this.#clickDelay = options.clickDelayMs ?? 150;
		for (const q of options.questions) {
			this.entries[q.id] = {
				state: 'saved',
				acked: q.revision,
				issued: q.revision,
				answered: q.answered,
				message: null
			};
		}
	}

	/** The overall state for the status line: the most urgent of the questions' states. */
	get status(): SaveState {
		const states = Object.values(this.entries).map((e) => e.state);
		for (const s of ['error', 'offline', 'saving', 'pending', 'incomplete'] as const)
			if (states.includes(s)) return s;
		return 'saved';
	}

	get answeredCount(): number {
		return Object.values(this.entries).filter((e) => e.answered).length;
	}

	get unsaved(): boolean {
		return Object.values(this.entries).some((e) => e.state !== 'saved' && e.state !== 'error');
	}

	/** A question's fields changed: `response` undefined means the fields are only partly filled. */
	change(questionId: string, response: unknown, options: { typing: boolean; incomplete: boolean }): void {
		const entry = this.entries[questionId];
		if (!entry || this.closedMessage) return;
		clearTimeout(this.#timers.get(questionId));
		if (options.incomplete) {
			this.#queued.delete(questionId);
			entry.state = 'incomplete';
			entry.message = null;
			return;
		}
		entry.issued = Math.max(entry.issued, entry.acked) + 1;
		this.#queued.set(questionId, { response: response ?? null, revision: entry.issued });
		entry.answered = isAnswered(response);
		entry.state = 'pending';
		entry.message = null;
		this.#timers.set(
			questionId,
			setTimeout(() => void this.#send(questionId), options.typing ? this.#typingDelay : this.#clickDelay)
		);
	}

	/** Revisions the server reports after a full-form save (the page's data was reloaded). */
	sync(questions: { id: string; revision: number; answered: boolean }[]): void {
		for (const q of questions) {
			const entry = this.entries[q.id];
			if (!entry) continue;
			entry.acked = Math.max(entry.acked, q.revision);
			entry.issued = Math.max(entry.issued, q.revision);
			if (!this.#queued.has(q.id) && !this.#inFlight.has(q.id)) {
				entry.answered = q.answered;
				if (entry.state !== 'incomplete') entry.state = 'saved';
			}
		}
	}

	/**
	 * Stops sending (the form being posted carries every answer) and waits for requests in flight, so the
	 * form's save and submit come after them.
	 */
	async pause(): Promise<void> {
		this.#paused = true;
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#timers.clear();
		this.#queued.clear();
		this.#stopRetry();
		await Promise.allSettled([...this.#inFlight.values()]);
	}

	resume(): void {
		this.#paused = false;
	}

	/** Send everything queued now (e.g. when the browser comes back online). */
	retryNow(): void {
		this.#stopRetry();
		for (const id of this.#queued.keys()) void this.#send(id);
	}

	destroy(): void {
		for (const t of this.#timers.values()) clearTimeout(t);
		this.#stopRetry();
	}

	async #send(questionId: string): Promise<void> {
		if (this.#paused || this.#inFlight.has(questionId)) return;
		const job = this.#queued.get(questionId);
		const entry = this.entries[questionId];
		if (!job || !entry) return;
		this.#queued.delete(questionId);
		entry.state = 'saving';
		const flight = this.#post(questionId, job, entry);
		this.#inFlight.set(questionId, flight);
		await flight;
		this.#inFlight.delete(questionId);
		// A newer answer was typed meanwhile: send it now.
		if (this.#queued.has(questionId) && (entry.state as SaveState) !== 'offline') void this.#send(questionId);
	}

	async #post(questionId: string, job: Queued, entry: Entry): Promise<void> {
		let response: Response;
		try {
			response = await this.#fetch(this.#url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ questionId, response: job.response, revision: job.revision })
			});
		} catch {
			return this.#offline(questionId, job, entry);
		}
		if (response.status >= 500 || response.status === 429) return this.#offline(questionId, job, entry);
		const body = (await response.json().catch(() => ({}))) as { revision?: number; message?: string };
		if (!response.ok) {
			entry.state = 'error';
			entry.message = body.message ?? `The answer was not saved (${response.status}).`;
			if (response.status === 409) this.closedMessage = entry.message;
			return;
		}
		this.#failures = 0;
		entry.acked = Math.max(entry.acked, body.revision ?? job.revision);
		if (!this.#queued.has(questionId)) entry.state = 'saved';
		if (!Object.values(this.entries).some((e) => e.state === 'offline')) this.#stopRetry();
	}

	#offline(questionId: string, job: Queued, entry: Entry): void {
		// Keep the newest answer: put this one back unless a newer one is already waiting.
		if (!this.#queued.has(questionId)) this.#queued.set(questionId, job);
		entry.state = 'offline';
		if (this.#retryTimer) return;
		const wait = RETRY_STEPS_MS[Math.min(this.#failures, RETRY_STEPS_MS.length - 1)] as number;
		this.#failures++;
		const due = Date.now() + wait;
		this.retryInSeconds = Math.ceil(wait / 1000);
		this.#countdown = setInterval(
			() => (this.retryInSeconds = Math.max(0, Math.ceil((due - Date.now()) / 1000))),
			500
		);
		this.#retryTimer = setTimeout(() => this.retryNow(), wait);
	}

	#stopRetry(): void {
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		if (this.#countdown) clearInterval(this.#countdown);
		this.#retryTimer = null;
		this.#countdown = null;
		this.retryInSeconds = null;
	}
}
