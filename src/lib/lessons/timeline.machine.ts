/**
 * Lesson 5, timeline: the June 2024 signing (and Document A's July slip), the two Hanoi moments, and the
 * path from signing to entry into force (content brief D1, D11, D12, D14, D15).
 */
import { setup } from 'xstate';
import type { LessonDefinition } from './cards';
import { lessonConfig, lessonSetup } from './lesson-kit';

const A = 'gis-analysis';
const B = 'sputnik-report';

const cite = {
	july: { source: A, quote: 'between North Korea and Russia on July 19, 2024' },
	june: {
		source: B,
		quote:
			'The bilateral treaty, signed in June during Russian President Vladimir Putin’s visit to North Korea'
	},
	shortlyAfter: {
		source: A,
		quote:
			'President Putin, shortly after the treaty’s signing, communicated to South Korea that they need not worry'
	},
	hanoi2019: {
		source: B,
		quote: 'the failure of the 2019 Hanoi summit between Kim Jong-un and then-President Donald Trump'
	},
	october22: {
		source: B,
		quote:
			'South Korea’s Deputy National Security Advisor, Kim Tae-hyo, announced on October 22 the country would adopt “phased response measures.”'
	},
	october25: {
		source: B,
		quote:
			'On October 25, President Vladimir Putin remarked about discussions indicating North Korea might assist Russia to what extent remains undetermined.'
	},
	ratified: {
		source: B,
		quote:
			'MOSCOW (Sputnik) – Russia’s Federation Council ratified on Wednesday the Treaty on Comprehensive Strategic Partnership between Russia and North Korea.'
	}
} as const;

export const lesson = {
	id: 'timeline',
	version: 1,
	title: 'Timeline: from signing to entry into force',
	objective: 'timeline',
	blurb: 'June 19 to December 4, 2024, and the dates the documents get wrong.',
	steps: [
		{
			id: 'signing',
			label: 'The signing',
			card: {
				kind: 'explain',
				title: 'When was the treaty signed?',
				body: [
					'Document B: the treaty was “signed in June during Russian President Vladimir Putin’s visit to North Korea”. Document A: the signing took place “on July 19, 2024”.',
					'They cannot both be right. The public record settles it: June. Document A, the more careful document in many ways, has the month wrong.',
					'The lesson: when two sources disagree on a date, check a third before you repeat either.'
				],
				record: [
					'Putin and Kim Jong Un signed the treaty in Pyongyang on June 19, 2024. Some Western sources give June 18 because of the time difference.'
				],
				citations: [cite.june, cite.july]
			}
		},
		{
			id: 'signing-check',
			label: 'Check: the date',
			card: {
				kind: 'check',
				title: 'Check: the signing date',
				item: 'l-tim-signed',
				retryItem: 'l-tim-signed-tf',
				remediation: {
					title: 'Put the two dates side by side',
					body: [
						'Document B: signed in June, during Putin’s visit to North Korea. Document A: July 19, 2024. The documents disagree, so neither can simply be repeated.',
						'The public record gives June 19, 2024. Document B’s month is right; Document A’s is wrong.'
					],
					record: ['Signed in Pyongyang on June 19, 2024.'],
					citations: [cite.june, cite.july]
				}
			}
		},
		{
			id: 'hanoi',
			label: 'Two Hanoi moments',
			card: {
				kind: 'explain',
				title: 'Two Hanoi moments, and two October dates',
				body: [
					'Document A says Putin spoke to South Korea “shortly after the treaty’s signing”: the defence clause only matters in case of aggression, and lethal arms for Ukraine would bring an unwelcome response. That was in Hanoi, the day after the signing.',
					'Document B mentions a different Hanoi: “the 2019 Hanoi summit between Kim Jong-un and then-President Donald Trump”, which failed. Same city, five years apart.',
					'In October, Document B has Kim Tae-hyo announcing South Korea’s “phased response measures” on October 22, which is right. It dates a remark by Putin to October 25.'
				],
				record: [
					'Putin’s warning came at a press conference in Hanoi on June 20, 2024.',
					'Putin’s remark on North Korean help came on October 24, at the BRICS summit in Kazan; it was North Korea’s vice foreign minister who spoke on October 25.'
				],
				citations: [cite.shortlyAfter, cite.hanoi2019, cite.october22, cite.october25]
			}
		},
		{
			id: 'hanoi-check',
			label: 'Check: Hanoi',
			card: {
				kind: 'check',
				title: 'Check: which Hanoi?',
				item: 'l-tim-hanoi',
				retryItem: 'l-tim-hanoi-year',
				remediation: {
					title: 'Anchor each Hanoi to its year',
					body: [
						'Document B’s Hanoi is the failed Kim–Trump summit of 2019, after which Kim sidelined the United States. Document A’s “shortly after the treaty’s signing” points to 2024.'
					],
					record: ['Putin’s 2024 press conference in Hanoi was on June 20, 2024.'],
					citations: [cite.hanoi2019, cite.shortlyAfter]
				}
			}
		},
		{
			id: 'ratification',
			label: 'Ratification',
			card: {
				kind: 'explain',
				title: 'From signature to force',
				body: [
					'A signed treaty is not yet in force. Document B reports one step: Russia’s Federation Council ratified it “on Wednesday”.',
					'Russia’s ratification passes both chambers: first the State Duma, then the Federation Council, the upper house. The president then signs the law, both sides exchange their instruments of ratification, and only then does the treaty enter into force.'
				],
				record: [
					'State Duma: October 24. Federation Council: Wednesday, November 6. Putin signs the law: November 9. Kim Jong Un’s decree: November 11. Entry into force: December 4, 2024, 168 days after the signing.'
				],
				citations: [cite.ratified, cite.june]
			}
		},
		{
			id: 'ratification-check',
			label: 'Check: the order',
			card: {
				kind: 'check',
				title: 'Check: put 2024 in order',
				item: 'l-tim-order',
				retryItem: 'l-tim-chamber',
				remediation: {
					title: 'Build the line one date at a time',
					body: [
						'June: the signing in Pyongyang, then Putin’s warning to South Korea “shortly after”. October 22: Kim Tae-hyo’s “phased response measures”. Then ratification: the Federation Council’s Wednesday vote. Last: entry into force.',
						'The chamber in Document B’s report is the Federation Council, the upper house; the State Duma had voted first.'
					],
					record: ['June 19, June 20, October 22, (Duma October 24), November 6, December 4, 2024.'],
					citations: [cite.shortlyAfter, cite.october22, cite.ratified]
				}
			}
		},
		{
			id: 'summary',
			label: 'Summary',
			card: {
				kind: 'summary',
				title: 'Summary: the timeline',
				body: ['You built the 2024 timeline and caught the dates the documents get wrong.'],
				takeaways: [
					'June 19: signed in Pyongyang (Document A’s “July 19” is wrong).',
					'June 20: Putin warns South Korea, in Hanoi; not the failed 2019 Hanoi summit of Kim and Trump.',
					'October 22: Kim Tae-hyo’s “phased response measures”; Putin’s remark was October 24, not 25.',
					'October 24, State Duma; November 6 (a Wednesday), Federation Council; November 9, Putin signs; December 4, in force.'
				]
			}
		}
	]
} as const satisfies LessonDefinition;

export const machine = setup(lessonSetup).createMachine(lessonConfig(lesson));
