/**
 * The lesson player's state: the lesson's stepper (the factory's config, run without XState in the
 * browser), where the student is as reactive state, and what follows from it
 * (where the student is, what they answered, how the checks went). Every transition saves the persisted
 * snapshot with the lesson events it produced (check answered, remediation taken, lesson completed)
 * through LessonSync. Grading here is for instant feedback only; the server re-grades what it records.
 */
import type { Question } from '$lib/content/types';
import { grade, type Verdict } from '$lib/grading';
import type { LessonDefinition, LessonStep } from './cards';
import type { LessonEvent } from './lesson-kit';
import type { LessonConfig } from './lesson-config';
import { LessonStepper, type StepperState } from './lesson-stepper';
import type { LessonSync, SyncState } from './lesson-sync';
import { newId, type ProgressEvent } from './progress-events';
import {
	lessonSnapshot,
	masteryOf,
	positionOf,
	restoreLesson,
	type LessonSnapshot,
	type SavedLesson
} from './snapshot';

export interface PlayerOptions {
	lesson: LessonDefinition;
	/** The lesson's state chart, built on the server by lessonConfig(). */
	config: LessonConfig;
	items: Record<string, Question>;
	/** The server's copy of the learner's place, if any. */
	saved: SavedLesson | null;
}

export class LessonPlayer {
	readonly lesson: LessonDefinition;
	readonly items: Record<string, Question>;
	snapshot: StepperState = $state.raw() as unknown as StepperState;
	/** Why the lesson started over (an older version, an unreadable save), shown once. */
	notice: string | null = $state(null);
	syncState: SyncState = $state('idle');
	syncMessage: string | null = $state(null);
	/** Text for the polite live region: feedback after each answer. */
	announcement = $state('');

	#machine: LessonStepper;
	/** False once unmounted: a stopped player takes no more events. */
	#running = true;
	#run: string;
	#sync: LessonSync | null = null;
	#pending: ProgressEvent[] = [];

	constructor(options: PlayerOptions) {
		this.lesson = options.lesson;
		this.items = options.items;
		this.#machine = new LessonStepper(options.config);
		const restored = restoreLesson(this.#machine, options.lesson, options.saved);
		this.notice = restored.notice;
		this.#run = restored.run ?? newId();
		this.#start(restored.snapshot);
	}

	#start(snapshot: LessonSnapshot | null): void {
		this.snapshot = snapshot ?? this.#machine.initial();
	}

	/**
	 * In the browser: take up this device's unsent save when there is one (it is newer than the server's),
	 * send anything pending, and retry when the connection comes back. Returns a cleanup function.
	 */
	mount(sync: LessonSync, win: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
		this.#sync = sync;
		const local = sync.read();
		if (local && !local.synced) {
			const restored = restoreLesson(this.#machine, this.lesson, local);
			this.notice = restored.notice;
			if (restored.snapshot) {
				this.#run = local.run;
				this.#start(restored.snapshot);
				void sync.flush();
			} else this.restart();
		} else if (this.notice) this.#save();
		const online = () => void sync.flush();
		win.addEventListener('online', online);
		return () => {
			win.removeEventListener('online', online);
			this.#running = false;
		};
	}

	get position() {
		return positionOf(this.lesson, this.snapshot.value);
	}
	get step(): LessonStep {
		return this.lesson.steps[this.position.k - 1]!;
	}
	get context(): LessonSnapshot['context'] {
		return this.snapshot.context;
	}
	get mastery() {
		return masteryOf(this.lesson, this.context.results);
	}

	/** Report sync progress (LessonSync calls this). */
	syncChanged = (state: SyncState, message: string | null) => {
		this.syncState = state;
		this.syncMessage = message;
	};

	can(event: LessonEvent): boolean {
		return this.#machine.can(this.snapshot, event);
	}

	send(event: LessonEvent): void {
		if (!this.#running) return;
		const next = this.#machine.transition(this.snapshot, event);
		if (next !== this.snapshot) this.#changed(next);
	}

	/** Grade a response to the current check's item for instant feedback, and move the lesson on. */
	submit(item: string, response: unknown): Verdict {
		const verdict = grade(this.items[item]!, response);
		this.#pending.push({ id: newId(), type: 'check.answered', step: this.position.stepId, item, response });
		this.send({ type: 'answer.submit', item, response, correct: verdict.correct });
		return verdict;
	}

	/** How the latest response to an item grades (after a reload too: responses are in the snapshot). */
	verdictFor(item: string): Verdict | null {
		const q = this.items[item];
		return q && item in this.context.responses ? grade(q, this.context.responses[item]) : null;
	}

	/** Start the lesson again from the first card, as a new run. */
	restart(): void {
		this.#run = newId();
		this.#start(null);
		this.#save();
	}

	#changed(next: StepperState): void {
		const before = this.snapshot;
		this.snapshot = next;
		if (next === before) return;
		const step = positionOf(this.lesson, next.value);
		const was = positionOf(this.lesson, before.value);
		const remediating = step.phase.startsWith('remediate');
		if (remediating && !(was.stepId === step.stepId && was.phase.startsWith('remediate'))) {
			this.#pending.push({ id: newId(), type: 'remediation.taken', step: step.stepId });
		}
		if (next.status === 'done' && before.status !== 'done') {
			this.#pending.push({ id: newId(), type: 'lesson.completed' });
		}
		this.announcement = this.#feedback(step.phase, remediating);
		this.#save();
	}

	#feedback(phase: string, remediating: boolean): string {
		const card = this.step.card;
		const contested = card.kind === 'scenario' && card.outcome === 'contested';
		if (phase === 'correct' || phase === 'retryCorrect') return 'Right.';
		if (remediating)
			return contested
				? 'Not settled: the documents leave this one open. Read why below.'
				: 'Not quite. Read the passage below, then try a different question.';
		if (phase === 'retryMissed') return 'Not this time. The answer is shown below.';
		return '';
	}

	#save(): void {
		if (!this.#sync) return;
		const events = this.#pending;
		this.#pending = [];
		void this.#sync.save(
			{ version: this.lesson.version, run: this.#run, snapshot: lessonSnapshot(this.snapshot) },
			events
		);
	}
}
