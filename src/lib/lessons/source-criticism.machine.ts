/**
 * Lesson 6, source criticism: fact, opinion, forecast and framing; who says so (unnamed authorities,
 * "is confirmed" next to "reportedly", commercial and state-media framing); paraphrases that change the
 * meaning (content brief section 3, D6, D8, D10, D13).
 */
import { setup } from 'xstate';
import type { LessonDefinition } from './cards';
import { lessonConfig, lessonSetup } from './lesson-kit';

const A = 'gis-analysis';
const B = 'sputnik-report';

const cite = {
	ratified: {
		source: B,
		quote:
			'Russia’s Federation Council ratified on Wednesday the Treaty on Comprehensive Strategic Partnership between Russia and North Korea.'
	},
	naive: {
		source: A,
		quote:
			'The often-repeated insistence by commentators that Russia and China are not military allies is naive, at best'
	},
	likely: {
		source: A,
		quote:
			'the region is likely to witness heightened tensions and a military buildup as the powers strive for a new balance'
	},
	language: {
		source: B,
		quote:
			'The language suggests both Moscow and Pyongyang are serious about fostering regional and global peace and security.'
	},
	confirmed: {
		source: B,
		quote:
			'The deployment of North Korean troops to support Russia amid the war with Ukraine—once only speculative—is confirmed.'
	},
	reportedly: { source: B, quote: 'North Korean soldiers reportedly positioned on Russian soil' },
	experts: {
		source: B,
		quote: 'Now, experts are cautioning South Korea not to disregard the lessons of history.'
	},
	newInformation: { source: B, quote: 'New information suggests this partnership could pave the way' },
	reportsIndicate: {
		source: A,
		quote:
			'recent reports indicate that North Korean soldiers are now engaged in military operations in Russia’s Kursk region'
	},
	contact: {
		source: A,
		quote: 'Contact us today for tailored geopolitical insights and industry-specific advisory services.'
	},
	preemptive: { source: B, quote: 'particularly through preemptive measures against any threat of war' },
	embroiled: {
		source: B,
		quote:
			'should one of the parties be subjected to armed aggression by any state or group of states and find itself embroiled in conflict'
	},
	jointActivities: {
		source: A,
		quote: 'the treaty includes provisions for “joint activities to strengthen defense capabilities”'
	},
	unanimously: {
		source: B,
		quote: 'Unanimously opposing the UN General Assembly resolution condemning Russia’s aggression'
	}
} as const;

export const lesson = {
	id: 'source-criticism',
	version: 1,
	title: 'Reading the sources critically',
	objective: 'source-criticism',
	blurb: 'Fact, opinion, forecast and framing; unnamed sources; paraphrases that change the meaning.',
	steps: [
		{
			id: 'kinds',
			label: 'Four kinds of statement',
			card: {
				kind: 'explain',
				title: 'Fact, opinion, forecast, framing',
				body: [
					'A fact can be checked: “Russia’s Federation Council ratified on Wednesday the Treaty…”. An opinion is a judgement: calling the view that Russia and China are not allies “naive, at best”. A forecast is about what may happen: the region “is likely to witness heightened tensions”.',
					'Framing steers how you see something without quite saying it. Document B attaches praise to legal text: “The language suggests both Moscow and Pyongyang are serious about fostering regional and global peace and security.” Whose reading is that? The report does not say.'
				],
				citations: [cite.ratified, cite.naive, cite.likely, cite.language]
			}
		},
		{
			id: 'kinds-check',
			label: 'Check: sort the sentences',
			card: {
				kind: 'check',
				title: 'Check: what kind of statement?',
				item: 'l-src-kinds',
				retryItem: 'l-src-kinds-retry',
				remediation: {
					title: 'Three questions to sort a sentence',
					body: [
						'Could you check it against a record? Then it is a factual claim (true or false). Does it judge (win, naive, irrational)? Opinion. Is it about the future (could, likely, may)? Forecast.',
						'If it mainly tells you how to feel about something, or reveals the writer’s purpose, it is framing, like Document B’s “The language suggests …” or Document A’s closing sales line.'
					],
					citations: [cite.ratified, cite.language, cite.contact]
				}
			}
		},
		{
			id: 'voices',
			label: 'Who says so?',
			card: {
				kind: 'explain',
				title: 'Who says so?',
				body: [
					'Document B states that the troop deployment “is confirmed” without saying by whom, then two sentences later has the soldiers only “reportedly” on Russian soil. It cites “experts” it does not name, and “New information” from nowhere.',
					'Document A hedges better here: “recent reports indicate”. But Document A has its own purpose: it ends by selling the firm’s services.',
					'Unnamed sources are not necessarily wrong. They are uncheckable, so they deserve less weight.'
				],
				record: [
					'In early November 2024 Moscow neither confirmed nor denied the deployment; the United States, South Korea and NATO asserted it.'
				],
				citations: [
					cite.confirmed,
					cite.reportedly,
					cite.experts,
					cite.newInformation,
					cite.reportsIndicate,
					cite.contact
				]
			}
		},
		{
			id: 'voices-check',
			label: 'Check: unnamed sources',
			card: {
				kind: 'check',
				title: 'Check: spot the unnamed authority',
				item: 'l-src-unnamed',
				retryItem: 'l-src-unnamed-retry',
				remediation: {
					title: 'Ask “who?” of every claim',
					body: [
						'“Experts are cautioning”: which experts? “New information suggests”: whose? “Is confirmed”: by whom? Each claim borrows authority without naming a source you could check.',
						'Compare Rudenko or Kim Tae-hyo, named with their offices, and in Kim’s case a date.'
					],
					citations: [cite.experts, cite.newInformation, cite.confirmed]
				}
			}
		},
		{
			id: 'paraphrase',
			label: 'Paraphrases',
			card: {
				kind: 'explain',
				title: 'Paraphrases that change the meaning',
				body: [
					'Document B says Article 8 works “particularly through preemptive measures against any threat of war”. Preemption means striking first against a threat. Document A quotes the treaty’s “joint activities to strengthen defense capabilities”, with no preemption in sight.',
					'Document B’s Article 4 speaks of a party that finds itself “embroiled in conflict”, a looser threshold than the treaty’s.',
					'And one word gives away careless writing: North Korea was “Unanimously opposing” a UN resolution. One country cannot vote unanimously.'
				],
				record: [
					'Article 8’s purpose in the treaty text: “preventing war and ensuring regional and international peace”. Article 4’s threshold: a party “put in a state of war by an armed attack”.',
					'Resolution ES-11/1 (March 2, 2022) passed 141–5–35; North Korea was one of the five against.'
				],
				citations: [cite.preemptive, cite.jointActivities, cite.embroiled, cite.unanimously]
			}
		},
		{
			id: 'paraphrase-check',
			label: 'Check: paraphrases',
			card: {
				kind: 'check',
				title: 'Check: what did the paraphrase change?',
				item: 'l-src-preemptive',
				retryItem: 'l-src-unanimously',
				remediation: {
					title: 'Line the paraphrase up with the text',
					body: [
						'Put Document B’s words next to the treaty’s. “Preemptive measures” against “for the purpose of preventing war”: one licenses striking first, the other aims to avoid war. Document A’s quotation of the treaty has no preemption either.',
						'A paraphrase is a claim about a text. Check it against the text, or against a second source that quotes it.'
					],
					record: [
						'Treaty text, Article 8: “for the purpose of preventing war and ensuring regional and international peace”.'
					],
					citations: [cite.preemptive, cite.jointActivities]
				}
			}
		},
		{
			id: 'summary',
			label: 'Summary',
			card: {
				kind: 'summary',
				title: 'Summary: reading critically',
				body: ['You sorted statements, asked who says so, and lined paraphrases up with the text.'],
				takeaways: [
					'Fact (checkable), opinion (judgement), forecast (future), framing (steers or reveals purpose).',
					'Document B: “is confirmed” next to “reportedly”; unnamed “experts” and “new information”; the government’s vocabulary in its own voice.',
					'Document A: good hedging (“recent reports indicate”), but a commercial purpose and confident judgements.',
					'Paraphrases can change meaning: “preemptive” is not “preventing war”; “embroiled in conflict” is not “a state of war”.'
				]
			}
		}
	]
} as const satisfies LessonDefinition;

export const machine = setup(lessonSetup).createMachine(lessonConfig(lesson));
