/**
 * Lesson 4, actors' positions: Russia and North Korea, then China, South Korea, Japan and the United
 * States, then the clash over the word "alliance" (content brief D9).
 */
import { setup } from 'xstate';
import type { LessonDefinition } from './cards';
import { lessonConfig, lessonSetup } from './lesson-kit';

const A = 'gis-analysis';
const B = 'sputnik-report';

const cite = {
	needNotWorry: {
		source: A,
		quote:
			'communicated to South Korea that they need not worry, as the mutual defense clause is only relevant in the event of aggression'
	},
	warning: {
		source: A,
		quote:
			'Mr. Putin explicitly warned against supplying lethal military equipment to Ukraine, indicating that such actions would prompt a response from Russia that South Korea would not welcome'
	},
	revisited: {
		source: A,
		quote:
			'Russian President Vladimir Putin emphasized that the UN sanctions against North Korea “must be revisited.”'
	},
	rudenko: {
		source: B,
		quote:
			'Russian Deputy Foreign Minister Andrey Rudenko has earlier made it clear, though, this treaty does not amount to creating any kind of military alliance.'
	},
	win: { source: A, quote: 'For North Korea, the signing of the treaty represents a significant win.' },
	umbrella: { source: A, quote: 'North Korea is now also covered by Russia’s nuclear umbrella' },
	chinaStance: {
		source: A,
		quote:
			'For China, the new treaty between Russia and North Korea adds layers of complexity but does not significantly alter its regional stance.'
	},
	bonded: { source: A, quote: 'described by President Xi Jinping as “bonded by blood.”' },
	survival: {
		source: A,
		quote:
			'Beijing views the potential unification of Korea – particularly one aligned with the U.S. and Japan – as a threat, thus deeming the survival of North Korea’s regime crucial to its security.'
	},
	phased: {
		source: B,
		quote:
			'South Korea’s Deputy National Security Advisor, Kim Tae-hyo, announced on October 22 the country would adopt “phased response measures.”'
	},
	japan: {
		source: A,
		quote:
			'The treaty serves as a warning to South Korea and Japan to prevent deeper military engagement with Ukraine'
	},
	us: { source: A, quote: 'The agreement also challenges U.S. security arrangements in the region' },
	consolidation: {
		source: B,
		quote: 'The alliance’s potential consolidation mimics historical geopolitical divisions'
	},
	defend: {
		source: A,
		quote: 'Russia and North Korea have now agreed to defend each other in case of attack'
	}
} as const;

export const lesson = {
	id: 'actors',
	version: 1,
	title: 'Actors’ positions: who says what',
	objective: 'actors',
	blurb:
		'Russia, North Korea, China, South Korea, Japan and the United States, and who calls the treaty an alliance.',
	steps: [
		{
			id: 'parties',
			label: 'Russia and North Korea',
			card: {
				kind: 'explain',
				title: 'The two parties: Russia and North Korea',
				body: [
					'Russia speaks with more than one voice. In Pyongyang, Putin said the UN sanctions on North Korea “must be revisited”. Shortly after the signing he told South Korea it “need not worry”, because the defence clause “is only relevant in the event of aggression”, and in the same breath warned it against sending lethal arms to Ukraine.',
					'Deputy Foreign Minister Andrey Rudenko, as Document B reports, made it clear that the treaty “does not amount to creating any kind of military alliance”.',
					'For North Korea, Document A judges the treaty “a significant win” and says the country “is now also covered by Russia’s nuclear umbrella”. That last phrase is Document A’s interpretation.'
				],
				record: ['The treaty text does not mention nuclear weapons.'],
				citations: [cite.revisited, cite.needNotWorry, cite.rudenko, cite.win, cite.umbrella]
			}
		},
		{
			id: 'who-said',
			label: 'Check: who said it',
			card: {
				kind: 'check',
				title: 'Check: who said it?',
				item: 'l-act-who-said',
				retryItem: 'l-act-who-said-retry',
				remediation: {
					title: 'Follow the attributions',
					body: [
						'Each statement comes with a speaker and an office in the documents. Putin: the sanctions “must be revisited”, and the warning about lethal arms. Rudenko: not “any kind of military alliance”. Xi: “bonded by blood”, about China and North Korea. Kim Tae-hyo: “phased response measures”, for South Korea.',
						'When you quote a position, carry its speaker with it.'
					],
					citations: [cite.revisited, cite.rudenko, cite.bonded, cite.phased]
				}
			}
		},
		{
			id: 'neighbours',
			label: 'China and the others',
			card: {
				kind: 'explain',
				title: 'China, South Korea, Japan and the United States',
				body: [
					'China: for Document A, the treaty “adds layers of complexity but does not significantly alter its regional stance”. China keeps its own treaty with North Korea, “bonded by blood” in Xi’s words, and Beijing sees the survival of North Korea’s regime as crucial to its own security.',
					'South Korea: on October 22, Kim Tae-hyo announced “phased response measures” (Document B). Japan: Document A reads the treaty as a warning to South Korea and Japan against deeper military engagement with Ukraine.',
					'The United States: the agreement “challenges U.S. security arrangements in the region”, says Document A.'
				],
				citations: [cite.chinaStance, cite.bonded, cite.survival, cite.phased, cite.japan, cite.us]
			}
		},
		{
			id: 'china',
			label: 'Check: China',
			card: {
				kind: 'check',
				title: 'Check: China’s position',
				item: 'l-act-china',
				retryItem: 'l-act-china-survival',
				remediation: {
					title: 'Why China barely moves',
					body: [
						'Document A’s reasoning: Beijing sees a unified Korea aligned with the U.S. and Japan as a threat, so the survival of North Korea’s regime is crucial to China. That interest does not change because Russia signed a treaty, hence “adds layers of complexity but does not significantly alter its regional stance”.'
					],
					citations: [cite.survival, cite.chinaStance]
				}
			}
		},
		{
			id: 'alliance-word',
			label: 'Who says “alliance”',
			card: {
				kind: 'explain',
				title: 'Who calls it an alliance?',
				body: [
					'Moscow’s official line, through Rudenko: the treaty “does not amount to creating any kind of military alliance”.',
					'Yet Document B, which relays that line, later writes of “The alliance’s potential consolidation”. The report contradicts the position it carries.',
					'Document A avoids the word but describes alliance-like commitments: the parties “have now agreed to defend each other in case of attack”, and it speaks of a “nuclear umbrella”.',
					'Framing differs by speaker. Ask who uses the word, and why they would want it, or not want it, used.'
				],
				record: [
					'At the signing, Kim Jong Un called the treaty an alliance; Moscow presented it as not a Western-style military bloc.'
				],
				citations: [cite.rudenko, cite.consolidation, cite.defend]
			}
		},
		{
			id: 'alliance-check',
			label: 'Check: the alliance word',
			card: {
				kind: 'check',
				title: 'Check: alliance or not?',
				item: 'l-act-alliance',
				retryItem: 'l-act-alliance-evidence',
				remediation: {
					title: 'Three ways of talking about it',
					body: [
						'Denial: Rudenko says no military alliance. Use of the word: Document B’s own “The alliance’s potential consolidation”. Description without the word: Document A’s mutual defence and “nuclear umbrella”.',
						'Xi’s “bonded by blood” is about China and North Korea, a different relationship.'
					],
					citations: [cite.rudenko, cite.consolidation, cite.umbrella]
				}
			}
		},
		{
			id: 'summary',
			label: 'Summary',
			card: {
				kind: 'summary',
				title: 'Summary: the actors',
				body: [
					'You placed six actors’ positions and saw how the word “alliance” depends on who is speaking.'
				],
				takeaways: [
					'Russia: Putin challenges the UN sanctions and warns Seoul; Rudenko denies a military alliance.',
					'North Korea: a “significant win” (Document A), with a “nuclear umbrella” that is Document A’s interpretation.',
					'China: more complexity, no real change of stance; its own treaty with North Korea stands.',
					'South Korea: “phased response measures”; Japan and South Korea are warned off arming Ukraine; the U.S. security arrangements are challenged.',
					'“Alliance”: denied by Moscow’s official, used by Document B itself, described but not named by Document A.'
				]
			}
		}
	]
} as const satisfies LessonDefinition;

export const machine = setup(lessonSetup).createMachine(lessonConfig(lesson));
