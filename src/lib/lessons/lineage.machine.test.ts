import { describe, expect, it } from 'vitest';
import { describeLessonMachine, walk } from './machine-suite';
import { lesson, machine } from './lineage.machine';

describeLessonMachine({ lesson, machine });

describe('lineage lesson', () => {
	it('walks explain → check → … → summary with every check right first time', () => {
		const done = walk(machine, [
			{ type: 'step.next' },
			{ type: 'answer.submit', item: 'l-lin-1961-defence', response: true, correct: true },
			{ type: 'step.next' },
			{ type: 'step.next' },
			{ type: 'answer.submit', item: 'l-lin-order-treaties', response: [], correct: true },
			{ type: 'step.next' },
			{ type: 'step.next' },
			{ type: 'answer.submit', item: 'l-lin-names-match', response: {}, correct: true },
			{ type: 'step.next' }
		]);
		expect(done.status).toBe('done');
		expect(done.context.results).toEqual({ 'defence-clauses': 'first', order: 'first', names: 'first' });
		expect(done.context.remediations).toBe(0);
	});
});
