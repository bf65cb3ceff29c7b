/**
 * Lesson 7, weighing scenarios: Document A's "Unlikely: Sino-Russian relations sour" and "Likely:
 * Heightened regional tensions" — what evidence each offers, and which claims are forecasts, not facts.
 */
import { setup } from 'xstate';
import type { LessonDefinition } from './cards';
import { lessonConfig, lessonSetup } from './lesson-kit';

const A = 'gis-analysis';
const B = 'sputnik-report';

const cite = {
	wedge: {
		source: A,
		quote:
			'It would be a mistake to interpret the treaty as a wedge between Russia and China, as it is improbable that Beijing was caught off guard or uninformed about the negotiations.'
	},
	personal: {
		source: A,
		quote:
			'The strong personal relationship between Presidents Putin and Xi is unlikely to be affected by peripheral developments.'
	},
	dualContainment: {
		source: A,
		quote:
			'“dual containment” of Russia and China by the U.S., as referred to in a joint statement from May 2024'
	},
	analogy: {
		source: A,
		quote:
			'Neither were the U.S. and China military allies in the 1970s and 1980s, but their mere positioning was enough to change the great power balance.'
	},
	buildup: {
		source: A,
		quote:
			'the region is likely to witness heightened tensions and a military buildup as the powers strive for a new balance'
	},
	either: { source: A, quote: 'This mechanism could serve to either restrain or encourage North Korea' },
	missiles: {
		source: A,
		quote:
			'The May 2024 joint Russia-China statement pointedly criticizes Washington’s transfer of intermediate and short-range missiles into the Asia-Pacific region'
	},
	natoLike: {
		source: A,
		quote:
			'the Russian leader has criticized what he described as the formation of “NATO-like military alliances in East Asia,”'
	},
	unlikelyLabel: { source: A, quote: 'Unlikely: Sino-Russian relations sour over the treaty' },
	likelyLabel: { source: A, quote: 'Likely: Heightened regional tensions' },
	contact: {
		source: A,
		quote: 'Contact us today for tailored geopolitical insights and industry-specific advisory services.'
	},
	reverberate: { source: B, quote: 'the potential consequences could reverberate across East Asia' }
} as const;

export const lesson = {
	id: 'scenarios',
	version: 1,
	title: 'Weighing the scenarios',
	objective: 'scenarios',
	blurb: 'Document A’s “Likely” and “Unlikely”: what evidence stands behind each, and what is only forecast.',
	steps: [
		{
			id: 'unlikely',
			label: '“Unlikely”',
			card: {
				kind: 'explain',
				title: '“Unlikely: Sino-Russian relations sour over the treaty”',
				body: [
					'Document A gives four reasons. Beijing was probably not “caught off guard”: an assertion about what China knew, with no source. The Putin–Xi relationship “is unlikely to be affected”: a forecast.',
					'Then a document you could check: Moscow and Beijing’s sense of “dual containment” by the U.S., “as referred to in a joint statement from May 2024”. And an analogy: the U.S. and China in the 1970s and 1980s were not allies either, yet their positioning changed the balance of power.',
					'Only one of the four points to evidence outside the author’s own judgement.'
				],
				citations: [cite.unlikelyLabel, cite.wedge, cite.personal, cite.dualContainment, cite.analogy]
			}
		},
		{
			id: 'unlikely-check',
			label: 'Check: the evidence',
			card: {
				kind: 'check',
				title: 'Check: what could you verify?',
				item: 'l-sce-checkable',
				retryItem: 'l-sce-unsupported',
				remediation: {
					title: 'Sort reasons into evidence and judgement',
					body: [
						'Ask of each reason: could I look this up? “Improbable that Beijing was caught off guard” and “unlikely to be affected” are the author’s judgements. The 1970s analogy is a comparison, not evidence about 2024.',
						'The joint statement of May 2024 is a document you could read. It is the one checkable support offered.'
					],
					citations: [cite.wedge, cite.personal, cite.dualContainment]
				}
			}
		},
		{
			id: 'likely',
			label: '“Likely”',
			card: {
				kind: 'explain',
				title: '“Likely: Heightened regional tensions”',
				body: [
					'Here Document A offers more that is checkable: the May 2024 Russia–China statement criticising U.S. missile transfers, and Putin’s criticism of “NATO-like military alliances in East Asia”.',
					'The conclusion is a forecast: the region “is likely to witness heightened tensions and a military buildup”.',
					'Watch for forecasts that cannot fail. The mechanism “could serve to either restrain or encourage North Korea”: whatever happens, the sentence was right.'
				],
				citations: [cite.likelyLabel, cite.missiles, cite.natoLike, cite.buildup, cite.either]
			}
		},
		{
			id: 'likely-check',
			label: 'Check: forecast or fact',
			card: {
				kind: 'check',
				title: 'Check: forecast or fact?',
				item: 'l-sce-forecast',
				retryItem: 'l-sce-forecast-kinds',
				remediation: {
					title: 'Tense and modal verbs give it away',
					body: [
						'“Is likely to witness”, “could serve”, “would be”: these look ahead or judge. A fact reports what has happened: the May 2024 statement “pointedly criticizes” U.S. missile transfers, and you could read it.',
						'A forecast that covers both outcomes (“either restrain or encourage”) cannot turn out wrong, so it tells you little.'
					],
					citations: [cite.buildup, cite.missiles, cite.either]
				}
			}
		},
		{
			id: 'weighing',
			label: 'Weighing',
			card: {
				kind: 'explain',
				title: 'How to weigh a scenario',
				body: [
					'“Likely” and “Unlikely” sound precise, but Document A states no standard: no probabilities, no sources for the labels, no criteria.',
					'So weigh the reasons under each label. Is the evidence checkable? Is it a report, a judgement, an analogy or a forecast? And who gains from the conclusion? Document A ends by selling “tailored geopolitical insights”.',
					'Document B forecasts too, more loosely: the consequences “could reverberate across East Asia”.'
				],
				citations: [cite.unlikelyLabel, cite.likelyLabel, cite.contact, cite.reverberate]
			}
		},
		{
			id: 'weighing-check',
			label: 'Check: the labels',
			card: {
				kind: 'check',
				title: 'Check: what stands behind the labels?',
				item: 'l-sce-standard',
				retryItem: 'l-sce-purpose',
				remediation: {
					title: 'Look for the standard, and the purpose',
					body: [
						'Search Document A for what “likely” means: a probability, a model, a named expert. There is none; the labels are the author’s confidence.',
						'And the last line tells you what the text is also for: “Contact us today for tailored geopolitical insights”. A firm that sells forecasts benefits from sounding sure.'
					],
					citations: [cite.likelyLabel, cite.contact]
				}
			}
		},
		{
			id: 'summary',
			label: 'Summary',
			card: {
				kind: 'summary',
				title: 'Summary: weighing scenarios',
				body: ['You tested Document A’s scenario labels against the reasons it gives.'],
				takeaways: [
					'“Unlikely: relations sour”: one checkable document (the May 2024 statement), otherwise judgement and analogy.',
					'“Likely: heightened tensions”: more checkable support, but the conclusion is a forecast.',
					'A forecast hedged both ways (“either restrain or encourage”) cannot fail and tells you little.',
					'The labels have no stated evidence standard, and the author sells forecasts: weigh the reasons, not the label.'
				]
			}
		}
	]
} as const satisfies LessonDefinition;

export const machine = setup(lessonSetup).createMachine(lessonConfig(lesson));
