/**
 * Lesson 3, beyond defence: the cooperation areas, UN coordination and sanctions, and the treaty's
 * world-order language (and Document B adopting it).
 */
import { setup } from 'xstate';
import type { LessonDefinition } from './cards';
import { lessonConfig, lessonSetup } from './lesson-kit';

const A = 'gis-analysis';
const B = 'sputnik-report';

const cite = {
	span: {
		source: A,
		quote:
			'The newly signed 2024 treaty between Russia and North Korea extends beyond mutual defense to include a wide array of collaborative efforts, which span trade, economics, investment, science, technology and more.'
	},
	covers: {
		source: A,
		quote:
			'The agreement also covers cooperation in combating terrorism, addressing energy and food security challenges, and opposing unilateral sanctions.'
	},
	sectors: {
		source: A,
		quote:
			'agriculture, education, health, sports, culture and technology – a much broader scope of cooperation compared to previous agreements'
	},
	un: {
		source: A,
		quote:
			'Additionally, the agreement includes commitments to consultations and mutual cooperation at the UN on issues affecting shared interests and security.'
	},
	revisited: {
		source: A,
		quote:
			'During a press conference in Pyongyang, Russian President Vladimir Putin emphasized that the UN sanctions against North Korea “must be revisited.”'
	},
	multipolar: {
		source: B,
		quote:
			'The document also emphasizes the importance of non-interference in one another’s internal affairs and the desire to create a just and multipolar world order.'
	},
	equalOrder: {
		source: A,
		quote:
			'“tactical and strategic cooperation aimed at global strategic stability and a new just and equal international order.”'
	},
	unipolar: {
		source: B,
		quote: 'the traditional unipolar world order gives way to more complex, multipolar realities'
	}
} as const;

export const lesson = {
	id: 'beyond-defense',
	version: 1,
	title: 'Beyond defence: what else the treaty covers',
	objective: 'beyond-defense',
	blurb:
		'Trade, science, energy and food security, sanctions, the UN, and the language of a “multipolar” world.',
	steps: [
		{
			id: 'areas',
			label: 'Cooperation areas',
			card: {
				kind: 'explain',
				title: 'Far more than a defence pact',
				body: [
					'Document A stresses that the 2024 treaty “extends beyond mutual defense”. Its collaborative efforts “span trade, economics, investment, science, technology and more”.',
					'It adds cooperation “in combating terrorism, addressing energy and food security challenges, and opposing unilateral sanctions”, and stronger ties in “agriculture, education, health, sports, culture and technology”.',
					'Document A sums it up as “a much broader scope of cooperation compared to previous agreements”. Remember that the 1961 treaty had six articles.'
				],
				record: ['The 2024 treaty has a preamble and 23 articles.'],
				citations: [cite.span, cite.covers, cite.sectors]
			}
		},
		{
			id: 'areas-check',
			label: 'Check: the areas',
			card: {
				kind: 'check',
				title: 'Check: what does the treaty cover?',
				item: 'l-bey-areas',
				retryItem: 'l-bey-areas-evidence',
				remediation: {
					title: 'Read Document A’s three lists',
					body: [
						'Document A gives the areas in three sentences. First the economy and science: trade, economics, investment, science, technology. Then security beyond the military: terrorism, energy and food security, opposing unilateral sanctions. Then society: agriculture, education, health, sports, culture and technology.',
						'Anything not on those lists (a currency union, a space programme) is not in the documents.'
					],
					citations: [cite.span, cite.covers, cite.sectors]
				}
			}
		},
		{
			id: 'sanctions',
			label: 'Sanctions and the UN',
			card: {
				kind: 'explain',
				title: 'Sanctions and the UN',
				body: [
					'Document A: the agreement includes “commitments to consultations and mutual cooperation at the UN on issues affecting shared interests and security”.',
					'On sanctions, the treaty commits the parties to “opposing unilateral sanctions”, those imposed by single states or groups of states. And at his press conference in Pyongyang, Putin went further: the UN sanctions against North Korea “must be revisited”.',
					'“Revisited” is a careful word. It signals that Russia no longer backs the UN sanctions without saying what should replace them.'
				],
				record: [
					'Russia voted for the UN Security Council’s sanctions resolutions on North Korea from 2006 to 2017. In March 2024 it vetoed the renewal of the UN panel of experts that monitored them.'
				],
				citations: [cite.un, cite.covers, cite.revisited]
			}
		},
		{
			id: 'sanctions-check',
			label: 'Check: sanctions',
			card: {
				kind: 'check',
				title: 'Check: Putin’s word on sanctions',
				item: 'l-bey-revisited',
				retryItem: 'l-bey-un',
				remediation: {
					title: 'Find the words in quotation marks',
					body: [
						'Document A quotes Putin directly: the UN sanctions “must be revisited”. Not lifted, not removed: revisited. The quotation marks tell you these are his words rather than the analyst’s.',
						'The same paragraph sets the scene: the two parties commit to consultations and cooperation at the UN.'
					],
					citations: [cite.revisited, cite.un]
				}
			}
		},
		{
			id: 'world-order',
			label: 'World-order language',
			card: {
				kind: 'explain',
				title: 'A “just and multipolar world order”',
				body: [
					'Document B reports the treaty’s “desire to create a just and multipolar world order”. Document A quotes its aim of “a new just and equal international order”.',
					'“Multipolar” is Russian official vocabulary: a world with several centres of power instead of one led by the United States.',
					'Watch what Document B does at the end: it uses the idea in its own voice, “the traditional unipolar world order gives way to more complex, multipolar realities”. When a news report adopts a government’s vocabulary as its own, that is framing.'
				],
				citations: [cite.multipolar, cite.equalOrder, cite.unipolar]
			}
		},
		{
			id: 'world-order-check',
			label: 'Check: whose words',
			card: {
				kind: 'check',
				title: 'Check: the world-order language',
				item: 'l-bey-multipolar',
				retryItem: 'l-bey-whose-words',
				remediation: {
					title: 'Poles of power, and who speaks',
					body: [
						'A “pole” here is a centre of power. Unipolar: one dominant power. Bipolar: two blocs, as in the Cold War. Multipolar: several.',
						'Then track the speaker: the treaty (as Document B reports it) wants a “just and multipolar world order”; Document B, in its own voice, sees unipolarity giving way to “multipolar realities”.'
					],
					citations: [cite.multipolar, cite.unipolar]
				}
			}
		},
		{
			id: 'summary',
			label: 'Summary',
			card: {
				kind: 'summary',
				title: 'Summary: beyond defence',
				body: ['The 2024 treaty is a comprehensive partnership, not only a defence pact.'],
				takeaways: [
					'Economy and science: trade, economics, investment, science, technology.',
					'Security beyond the military: terrorism, energy and food security, opposing unilateral sanctions.',
					'Society: agriculture, education, health, sports, culture.',
					'The UN: consultations and cooperation; Putin says the UN sanctions on North Korea “must be revisited”.',
					'“A just and multipolar world order” is the treaty’s (and Moscow’s) language; Document B adopts it as its own.'
				]
			}
		}
	]
} as const satisfies LessonDefinition;

export const machine = setup(lessonSetup).createMachine(lessonConfig(lesson));
