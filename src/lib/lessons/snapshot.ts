/**
 * Saved lesson snapshots: read back untrusted (localStorage, a request body), checked against the lesson,
 * and where the student is on the lesson's path. Shared by the player and the server, so both accept the
 * same snapshots and count steps the same way. No zod here: this ships to the browser.
 */
import type { StateValue } from 'xstate';
import type { LessonDefinition } from './cards';
import type { CheckResult, LessonContext } from './lesson-kit';

/**
 * What reading a snapshot needs of a lesson's machine: XState's machine on the server, the stepper
 * (./lesson-stepper.ts) in the browser. Throws on a state the lesson does not have.
 */
export interface StateResolver {
	resolveState(config: { value: StateValue; context: LessonContext }): { value: StateValue; status: string };
}

/** What the machine's getPersistedSnapshot() gives for a lesson (no children, no history states). */
export interface LessonSnapshot {
	status: 'active' | 'done';
	value: StateValue;
	context: LessonContext;
	historyValue: Record<string, never>;
	children: Record<string, never>;
	output: undefined;
	error: undefined;
}

/** A snapshot as stored: which run of the lesson and which machine version it belongs to. */
export interface SavedLesson {
	version: number;
	run: string;
	snapshot: unknown;
}

const RESULTS: readonly CheckResult[] = ['first', 'retry', 'missed'];
const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

function isStateValue(v: unknown, depth = 0): v is StateValue {
	if (typeof v === 'string') return v.length > 0 && v.length <= 64;
	if (!isRecord(v) || depth > 4) return false;
	const entries = Object.entries(v);
	return entries.length === 1 && entries.every(([, child]) => isStateValue(child, depth + 1));
}

function isContext(v: unknown): v is LessonContext {
	if (!isRecord(v) || !isRecord(v.results) || !isRecord(v.responses)) return false;
	if (!Number.isInteger(v.remediations) || (v.remediations as number) < 0) return false;
	return Object.values(v.results).every((r) => RESULTS.includes(r as CheckResult));
}

/**
 * The snapshot if it is one this machine can resume from (a real state, a well-formed context, a status
 * that matches the state), else null. Never throws.
 */
export function parseLessonSnapshot(machine: StateResolver, raw: unknown): LessonSnapshot | null {
	if (!isRecord(raw) || !isStateValue(raw.value) || !isContext(raw.context)) return null;
	if (raw.status !== 'active' && raw.status !== 'done') return null;
	let resolved;
	try {
		resolved = machine.resolveState({ value: raw.value, context: raw.context });
	} catch {
		return null;
	}
	if (resolved.status !== raw.status) return null;
	const { results, responses, remediations } = raw.context;
	return lessonSnapshot({
		status: raw.status,
		value: resolved.value,
		context: { results: { ...results }, responses: { ...responses }, remediations }
	});
}

/** A lesson's place in the shape XState's getPersistedSnapshot() gives, which the server resumes from. */
export const lessonSnapshot = (s: Pick<LessonSnapshot, 'status' | 'value' | 'context'>): LessonSnapshot => ({
	status: s.status,
	value: s.value,
	context: s.context,
	historyValue: {},
	children: {},
	output: undefined,
	error: undefined
});

export type Restored = { snapshot: LessonSnapshot | null; run: string | null; notice: string | null };

/** Picks up a saved lesson, or explains why the lesson starts from the beginning instead. */
export function restoreLesson(
	machine: StateResolver,
	lesson: Pick<LessonDefinition, 'version'>,
	saved: SavedLesson | null
): Restored {
	if (!saved) return { snapshot: null, run: null, notice: null };
	if (saved.version !== lesson.version) {
		return {
			snapshot: null,
			run: null,
			notice:
				'This lesson has been updated since you last worked on it, so it starts again from the beginning. Your earlier answers are still in your progress record.'
		};
	}
	const snapshot = parseLessonSnapshot(machine, saved.snapshot);
	if (!snapshot) {
		return {
			snapshot: null,
			run: null,
			notice:
				'Your saved place in this lesson could not be read, so the lesson starts again from the beginning.'
		};
	}
	return { snapshot, run: saved.run, notice: null };
}

/** The top-level state, i.e. the step id. */
export const stepOf = (value: StateValue): string =>
	typeof value === 'string' ? value : Object.keys(value)[0]!;

/** The state inside the step (`ask`, `remediate.assist`, `retry`, …), or '' for a plain card. */
export function phaseOf(value: StateValue): string {
	if (typeof value === 'string') return '';
	const inner = Object.values(value)[0]!;
	if (typeof inner === 'string') return inner;
	const [k, v] = Object.entries(inner)[0]!;
	return typeof v === 'string' ? `${k}.${v}` : k;
}

export interface Position {
	stepId: string;
	/** 1-based step on the main path, and the number of steps. */
	k: number;
	n: number;
	phase: string;
}

export function positionOf(lesson: LessonDefinition, value: StateValue): Position {
	const stepId = stepOf(value);
	const index = lesson.steps.findIndex((s) => s.id === stepId);
	return { stepId, k: index + 1, n: lesson.steps.length, phase: phaseOf(value) };
}

export interface Mastery {
	checks: number;
	passed: number;
	/** Every check passed, each with at most one remediation (first time, or on the re-check). */
	mastered: boolean;
}

/** Mastery from a run's check results, keyed by step. */
export function masteryOf(
	lesson: LessonDefinition,
	results: Record<string, CheckResult | undefined>
): Mastery {
	const checks = lesson.steps.filter((s) => s.card.kind === 'check' || s.card.kind === 'scenario');
	const passed = checks.filter((s) => results[s.id] === 'first' || results[s.id] === 'retry').length;
	return { checks: checks.length, passed, mastered: passed === checks.length };
}
