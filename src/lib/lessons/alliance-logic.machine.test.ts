import { describe, expect, it } from 'vitest';
import { getNextSnapshot, transition } from 'xstate';
import { flowTrail, OUTCOMES, type FlowCard } from './cards';
import { lesson, machine } from './alliance-logic.machine';
import { checkSteps, describeLessonMachine, walk, wrong } from './machine-suite';

describeLessonMachine({ lesson, machine });

const toFlow = [{ type: 'step.next' }, { type: 'step.next' }, { type: 'step.next' }] as const;

describe('alliance-logic lesson', () => {
	it.each([
		[['flow.yes'], 'assist'],
		[['flow.no', 'flow.yes'], 'consult'],
		[['flow.no', 'flow.no', 'flow.yes'], 'cooperate'],
		[['flow.no', 'flow.no', 'flow.no'], 'none']
	] as const)('the decision flow: %j leads to %s', (answers, result) => {
		const end = walk(machine, [...toFlow, ...answers.map((type) => ({ type }))]);
		expect(end.value).toEqual({ flow: result });
		const again = getNextSnapshot(machine, end, { type: 'flow.restart' });
		expect(again.value).toEqual({ flow: 'attack' });
		expect(getNextSnapshot(machine, end, { type: 'step.next' }).value).toEqual({ attacked: 'ask' });
	});

	it('is a ladder, as the flow card describes it: the trail of answers leads to each node', () => {
		const card = lesson.steps.find((s) => s.id === 'flow')!.card as FlowCard;
		for (const node of [...Object.keys(card.questions), ...Object.keys(card.results)]) {
			const answers = flowTrail(card, node).map(
				(t) => ({ type: t.answer === 'yes' ? 'flow.yes' : 'flow.no' }) as const
			);
			expect(walk(machine, [...toFlow, ...answers]).value).toEqual({ flow: node });
		}
		expect(flowTrail(card, 'none')).toEqual([
			{ question: 'attack', answer: 'no' },
			{ question: 'threat', answer: 'no' },
			{ question: 'capability', answer: 'no' }
		]);
	});

	it('starts the flow over from any question after the first, and goes back to the explanations from the first', () => {
		const threat = walk(machine, [...toFlow, { type: 'flow.no' }]);
		expect(getNextSnapshot(machine, threat, { type: 'flow.restart' }).value).toEqual({ flow: 'attack' });
		const first = walk(machine, [...toFlow]);
		expect(getNextSnapshot(machine, first, { type: 'step.back' }).value).toBe('cooperation');
		// Next is not offered until the student has reached a result.
		expect(getNextSnapshot(machine, first, { type: 'step.next' }).value).toEqual({ flow: 'attack' });
	});

	it('has six scenarios, two of them contested, each with a remediation for every wrong outcome', () => {
		const scenarios = checkSteps(lesson).map((s) => s.card);
		expect(scenarios).toHaveLength(6);
		expect(scenarios.filter((c) => c.kind === 'scenario' && c.outcome === 'contested')).toHaveLength(2);
		for (const card of scenarios) {
			if (card.kind !== 'scenario') throw new Error('alliance-logic checks are scenarios');
			expect(Object.keys(card.remediations).sort()).toEqual(
				OUTCOMES.filter((o) => o !== card.outcome).sort()
			);
		}
	});

	it('sends each wrong outcome of each scenario to its own remediation, then to a fresh scenario', () => {
		for (const { id, card } of checkSteps(lesson)) {
			if (card.kind !== 'scenario') continue;
			const ask = machine.resolveState({
				value: { [id]: 'ask' },
				context: { results: {}, responses: {}, remediations: 0 }
			});
			for (const o of OUTCOMES.filter((x) => x !== card.outcome)) {
				const [remediate] = transition(machine, ask, wrong(card.item, o));
				expect(remediate.value).toEqual({ [id]: { remediate: o } });
				expect(remediate.context.responses[card.item]).toBe(o);
				expect(getNextSnapshot(machine, remediate, { type: 'step.next' }).value).toEqual({ [id]: 'retry' });
			}
		}
	});
});
