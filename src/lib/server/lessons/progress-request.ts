/**
 * Validates a lesson progress save before anything is written: the shape (zod, strict), then what only the
 * lesson can say: the machine version, a snapshot this machine can resume from, check answers for items of
 * the right check step, and completion only from the final state. Bad input gets a 4xx and a message.
 */
import { z } from 'zod';
import { checkJson } from '$lib/server/form';
import type { LessonSnapshot } from '$lib/lessons/snapshot';
import { parseLessonSnapshot } from '$lib/lessons/snapshot';
import { ID_RE, type ProgressEvent } from '$lib/lessons/progress-events';
import { MAX_EVENTS_PER_SAVE } from './event-caps';
import type { BuiltLesson } from '$lib/lessons/lesson-machine';
import type { Question } from '$lib/content/types';

const id = z.string().regex(ID_RE, 'must be 8–64 letters, digits, - or _');
const stepId = z.string().min(1).max(64);
/** A practice item response is small; anything larger is not an answer. */
const MAX_RESPONSE_CHARS = 4000;

const eventSchema = z.discriminatedUnion('type', [
	z.strictObject({
		id,
		type: z.literal('check.answered'),
		step: stepId,
		item: stepId,
		response: z.unknown()
	}),
	z.strictObject({ id, type: z.literal('remediation.taken'), step: stepId }),
	z.strictObject({ id, type: z.literal('lesson.completed') })
]);

const requestSchema = z.strictObject({
	version: z.int().nonnegative(),
	run: id,
	snapshot: z.unknown(),
	events: z
		.array(eventSchema)
		.max(MAX_EVENTS_PER_SAVE, `at most ${MAX_EVENTS_PER_SAVE} events in one save; send the rest in the next`)
});

export interface ValidProgress {
	version: number;
	run: string;
	snapshot: LessonSnapshot;
	events: ProgressEvent[];
	/** The practice item each check answer is for. */
	questions: Map<string, Question>;
}

export type ProgressValidation =
	{ ok: true; value: ValidProgress } | { ok: false; status: number; message: string };

const fail = (status: number, message: string): ProgressValidation => ({ ok: false, status, message });

export function validateProgress(
	raw: unknown,
	registered: BuiltLesson,
	question: (id: string) => Question | undefined
): ProgressValidation {
	const parsed = checkJson(raw, requestSchema);
	if (!parsed.ok) {
		const [path, message] = Object.entries(parsed.errors)[0] ?? ['', 'malformed'];
		return fail(400, `Invalid progress: ${path || 'body'}: ${message}`);
	}
	const { version, run, events } = parsed.data;
	const { lesson, machine } = registered;
	if (version !== lesson.version) {
		return fail(
			409,
			`This lesson has changed (version ${version} → ${lesson.version}); reload the page to start the new version.`
		);
	}
	const snapshot = parseLessonSnapshot(machine, parsed.data.snapshot);
	if (!snapshot) return fail(400, 'Invalid progress: snapshot is not a state of this lesson.');
	if (new Set(events.map((e) => e.id)).size !== events.length) {
		return fail(400, 'Invalid progress: two events share an id.');
	}

	const questions = new Map<string, Question>();
	for (const event of events as ProgressEvent[]) {
		if (event.type === 'lesson.completed') {
			if (snapshot.status !== 'done') return fail(400, 'Invalid progress: the lesson is not at its end.');
			continue;
		}
		const card = lesson.steps.find((s) => s.id === event.step)?.card;
		if (card?.kind !== 'check' && card?.kind !== 'scenario') {
			return fail(400, `Invalid progress: "${event.step}" is not a check in this lesson.`);
		}
		if (event.type === 'check.answered') {
			if (event.item !== card.item && event.item !== card.retryItem) {
				return fail(400, `Invalid progress: "${event.item}" is not asked at "${event.step}".`);
			}
			const text = JSON.stringify(event.response ?? null);
			if (text.length > MAX_RESPONSE_CHARS) return fail(413, 'Invalid progress: response is too large.');
			const q = question(event.item);
			// Checked at start-up already; a missing or assessment item here means the content changed under us.
			if (!q || q.use !== 'practice') return fail(409, `Practice item "${event.item}" is not available.`);
			questions.set(q.id, q);
		}
	}
	return { ok: true, value: { version, run, snapshot, events: events as ProgressEvent[], questions } };
}
