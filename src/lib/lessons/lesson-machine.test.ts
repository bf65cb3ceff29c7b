/**
 * Property test of the one factory: for any well-formed lesson (any mix and order of explanation, check,
 * scenario and flow steps before the summary), the machine has one state per step, reaches every state,
 * can always reach the summary, walks the path in order, and resumes from any persisted snapshot.
 * The graph suite (machine-suite.ts) runs the same kind of checks on every real lesson in the content index.
 */
import fc from 'fast-check';
import { createActor, getNextSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import type { Card, LessonDefinition, Prose } from './cards';
import { createLessonMachine } from './lesson-machine';
import { allLeafStates, checkSteps, leafPaths, lessonEvents, walkPath } from './machine-suite';
import { masteryOf, parseLessonSnapshot, stepOf } from './snapshot';

const prose: Prose = { title: 'T', body: ['b'], citations: [{ source: 'doc', quote: 'a quoted passage' }] };

const cardArb = (n: number): fc.Arbitrary<Card> =>
	fc.oneof(
		fc.constant<Card>({ kind: 'explain', ...prose }),
		fc.constant<Card>({ kind: 'check', title: 'C', item: `i${n}`, retryItem: `r${n}`, remediation: prose }),
		fc.subarray(['w1', 'w2', 'w3']).map<Card>((wrongs) => ({
			kind: 'scenario',
			title: 'S',
			item: `i${n}`,
			retryItem: `r${n}`,
			outcome: 'right',
			explanation: prose,
			remediations: Object.fromEntries(wrongs.map((w) => [w, prose]))
		})),
		fc.integer({ min: 1, max: 3 }).map<Card>((q) => ({
			kind: 'flow',
			title: 'F',
			lead: ['l'],
			questions: Object.fromEntries(
				Array.from({ length: q }, (_, i) => [
					`q${i}`,
					{ question: '?', help: 'h', citations: prose.citations }
				])
			),
			results: Object.fromEntries(Array.from({ length: q + 1 }, (_, i) => [`res${i}`, prose]))
		}))
	);

const lessonArb: fc.Arbitrary<LessonDefinition> = fc
	.integer({ min: 1, max: 5 })
	.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => cardArb(i))))
	.map((cards) => ({
		id: 'generated',
		version: 1,
		title: 'Generated',
		objective: 'o',
		blurb: 'b',
		steps: [
			...cards.map((card, i) => ({ id: `s${i}`, label: `Step ${i}`, card })),
			{
				id: 'summary',
				label: 'Summary',
				card: { kind: 'summary', title: 'S', body: ['b'], takeaways: ['t'] }
			}
		]
	}));

describe('createLessonMachine (property)', () => {
	it('builds one state per step, reaches every state, and never traps the student', () => {
		fc.assert(
			fc.property(lessonArb, (lesson) => {
				const machine = createLessonMachine(lesson);
				expect(Object.keys(machine.root.states)).toEqual(lesson.steps.map((s) => s.id));
				expect(machine.root.states.summary?.type).toBe('final');
				const events = lessonEvents(lesson);
				const paths = getShortestPaths(machine, {
					events,
					serializeState: (s) => JSON.stringify([s.value, s.status])
				});
				const reached = new Set(paths.flatMap((p) => leafPaths(p.state.value)));
				expect([...reached].sort()).toEqual(allLeafStates(machine).sort());
				for (const { state } of paths) {
					if (state.status === 'done') continue;
					const onward = events.some(
						(e) => JSON.stringify(getNextSnapshot(machine, state, e).value) !== JSON.stringify(state.value)
					);
					expect(onward, JSON.stringify(state.value)).toBe(true);
				}
			}),
			{ numRuns: 40 }
		);
	});

	it('walks the path in order, counts remediations and mastery, and resumes from any persisted snapshot', () => {
		fc.assert(
			fc.property(lessonArb, fc.nat(), (lesson, pick) => {
				const machine = createLessonMachine(lesson);
				const seen: string[] = [];
				const end = walkPath(machine, lesson, 'right', (s) => seen.push(s));
				expect(seen).toEqual(lesson.steps.map((s) => s.id));
				expect(end.status).toBe('done');
				const checks = checkSteps(lesson).length;
				const remediated = walkPath(machine, lesson, 'remediate');
				expect(remediated.context.remediations).toBe(checks);
				expect(masteryOf(lesson, remediated.context.results)).toEqual({
					checks,
					passed: checks,
					mastered: true
				});

				const paths = getShortestPaths(machine, {
					events: lessonEvents(lesson),
					serializeState: (s) => JSON.stringify([s.value, s.status])
				});
				const actor = createActor(machine, { snapshot: paths[pick % paths.length]!.state }).start();
				const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
				const parsed = parseLessonSnapshot(machine, saved);
				expect(parsed?.value).toEqual(saved.value);
				const resumed = createActor(machine, { snapshot: parsed! }).start();
				expect(stepOf(resumed.getSnapshot().value)).toBe(stepOf(saved.value));
				expect(resumed.getSnapshot().context).toEqual(saved.context);
			}),
			{ numRuns: 40 }
		);
	});
});
