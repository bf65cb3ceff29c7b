/**
 * The quiz autosaver on fake timers: what the student sees in the status line (saving, offline with a
 * countdown, saved, an error) and what reaches the server (the newest answer, one request per question at a
 * time, retried with back-off). No real waiting: the clock is moved.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosave.svelte';

interface Sent {
	body: { questionId: string; response: unknown; revision: number };
	reply: (status: number, body?: unknown) => void;
	fail: () => void;
}

/** A fetch whose every request waits until the test answers it. */
function fakeServer() {
	const sent: Sent[] = [];
	const fetch = ((_url: string, init: RequestInit) =>
		new Promise<Response>((resolve, reject) => {
			sent.push({
				body: JSON.parse(String(init.body)),
				reply: (status, body = {}) => resolve(new Response(JSON.stringify(body), { status })),
				fail: () => reject(new TypeError('Failed to fetch'))
			});
		})) as typeof globalThis.fetch;
	return { sent, fetch };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('Autosaver', () => {
	let server: ReturnType<typeof fakeServer>;
	let saver: Autosaver;
	beforeEach(() => {
		vi.useFakeTimers();
		server = fakeServer();
		saver = new Autosaver({
			url: '/answers',
			questions: [
				{ id: 'q1', revision: 3, answered: true },
				{ id: 'q2', revision: 0, answered: false }
			],
			fetch: server.fetch
		});
	});
	afterEach(() => {
		saver.destroy();
		vi.useRealTimers();
	});

	it('sends only the newest of quick keystrokes, after the typing pause, with the next revision', async () => {
		saver.change('q1', 'tr', { typing: true, incomplete: false });
		await vi.advanceTimersByTimeAsync(400);
		saver.change('q1', 'treaty', { typing: true, incomplete: false });
		expect(saver.status).toBe('pending');
		await vi.advanceTimersByTimeAsync(599);
		expect(server.sent).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(server.sent.map((s) => s.body)).toEqual([{ questionId: 'q1', response: 'treaty', revision: 5 }]);
		expect(saver.status).toBe('saving');
		server.sent[0]!.reply(200, { revision: 5 });
		await settle();
		expect(saver.status).toBe('saved');
		expect(saver.unsaved).toBe(false);
	});

	it('keeps one request per question in flight and then sends the answer chosen meanwhile', async () => {
		saver.change('q2', 'a', { typing: false, incomplete: false });
		await vi.advanceTimersByTimeAsync(150);
		saver.change('q2', 'b', { typing: false, incomplete: false });
		await vi.advanceTimersByTimeAsync(1_000);
		expect(server.sent).toHaveLength(1);
		server.sent[0]!.reply(200, { revision: 1 });
		await settle();
		expect(server.sent.map((s) => s.body.response)).toEqual(['a', 'b']);
		expect(server.sent[1]!.body.revision).toBe(2);
		expect(saver.answeredCount).toBe(2);
	});

	it('goes offline on a network failure, counts down, retries with back-off and saves the same answer', async () => {
		saver.change('q2', 'a', { typing: false, incomplete: false });
		await vi.advanceTimersByTimeAsync(150);
		server.sent[0]!.fail();
		await settle();
		expect(saver.status).toBe('offline');
		expect(saver.retryInSeconds).toBe(1);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(server.sent).toHaveLength(2);
		server.sent[1]!.reply(503);
		await settle();
		// The second failure waits twice as long.
		expect(saver.retryInSeconds).toBe(2);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(server.sent).toHaveLength(2);
		expect(saver.retryInSeconds).toBe(1);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(server.sent.map((s) => s.body)).toEqual([
			{ questionId: 'q2', response: 'a', revision: 1 },
			{ questionId: 'q2', response: 'a', revision: 1 },
			{ questionId: 'q2', response: 'a', revision: 1 }
		]);
		server.sent[2]!.reply(200, { revision: 1 });
		await settle();
		expect(saver.status).toBe('saved');
		expect(saver.retryInSeconds).toBeNull();
	});

	it('shows a refusal without retrying, and once the attempt is closed takes no more answers', async () => {
		saver.change('q1', 'x', { typing: false, incomplete: false });
		await vi.advanceTimersByTimeAsync(150);
		server.sent[0]!.reply(409, { message: 'This attempt has been submitted.' });
		await settle();
		expect(saver.status).toBe('error');
		expect(saver.entries.q1!.message).toBe('This attempt has been submitted.');
		expect(saver.closedMessage).toBe('This attempt has been submitted.');
		saver.change('q2', 'y', { typing: false, incomplete: false });
		await vi.advanceTimersByTimeAsync(30_000);
		expect(server.sent).toHaveLength(1);
	});

	it('holds back a partly filled answer, and sends nothing while paused for a full-form post', async () => {
		saver.change('q2', undefined, { typing: true, incomplete: true });
		await vi.advanceTimersByTimeAsync(5_000);
		expect(saver.status).toBe('incomplete');
		expect(server.sent).toHaveLength(0);
		saver.change('q1', 'z', { typing: true, incomplete: false });
		await saver.pause();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(server.sent).toHaveLength(0);
		saver.sync([{ id: 'q1', revision: 4, answered: true }]);
		expect(saver.entries.q1!.state).toBe('saved');
	});
});
