import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/content/load-content';
import { answerKeyLines } from './answer-key';

const loaded = loadContent(resolve('questions'));
if (!loaded.ok) throw new Error('content must load');
const q = (id: string) => loaded.index.question('treaty-2024', id)!;

describe('answerKeyLines', () => {
	it.each([
		['l-lin-2000-defence', ['False']],
		['l-lin-b-name', [expect.stringMatching(/^The name is the 1961 treaty's/)]],
		['l-bey-areas', ['Agriculture', 'Combating terrorism', 'Science and technology']],
		[
			'l-lin-order-treaties',
			[
				expect.stringMatching(/^1\. The Soviet–North Korean treaty/),
				expect.stringMatching(/^2\. The Treaty of Friendship/),
				expect.stringMatching(/^3\. The Treaty on Comprehensive/)
			]
		],
		[
			'l-lin-names-match',
			[
				'Treaty of Friendship, Cooperation and Mutual Assistance → 1961',
				'Treaty of Friendship, Good-Neighborly Relations and Cooperation → 2000',
				'Treaty on Comprehensive Strategic Partnership → 2024'
			]
		],
		['l-tim-chamber', ['Wednesday']],
		['l-tim-hanoi-year', ['2019']],
		['l-src-unnamed', ['Now, experts are cautioning South Korea not to disregard the lessons of history.']]
	])('%s', (id, lines) => {
		expect(answerKeyLines(q(id))).toEqual(lines);
	});
});
