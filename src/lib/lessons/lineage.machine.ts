/**
 * Lesson 1, treaty lineage: 1961 → 2000 → 2024 and whether each carried mutual defence (yes, no, yes),
 * then Document B's naming slip (content brief D2, D3, D4, D5).
 */
import { setup } from 'xstate';
import type { LessonDefinition } from './cards';
import { lessonConfig, lessonSetup } from './lesson-kit';

const A = 'gis-analysis';
const B = 'sputnik-report';

const cite = {
	soviet1961: {
		source: A,
		quote:
			'This return to prominence harkens back to the security treaty signed between the Soviet Union and North Korea in 1961.'
	},
	defence1961: {
		source: A,
		quote:
			'The treaty, which also referred to the purposes and principles of the UN, included a mutual defense obligation.'
	},
	omitted2000: {
		source: A,
		quote: 'which replaced the 1961 treaty in 2000, omitted any clause on mutual military assistance'
	},
	defendEachOther: {
		source: A,
		quote: 'Russia and North Korea have now agreed to defend each other in case of attack'
	},
	sixArticles: {
		source: A,
		quote:
			'The 1961 treaty, drafted shortly after the Korean War, comprised only six articles and a preamble.'
	},
	russiaAndChina: { source: A, quote: 'its 1961 security treaty signings with Russia and China' },
	signed2000: { source: B, quote: 'which was signed back in 2000' },
	name2000: {
		source: A,
		quote: 'In contrast, the “Treaty of Friendship, Good-Neighborly Relations and Cooperation,”'
	},
	nameInB: {
		source: B,
		quote:
			'This agreement replaces the original Treaty of Friendship, Cooperation and Mutual Assistance between Russia and North Korea'
	},
	unlimited: { source: B, quote: 'which was signed back in 2000 and is now of unlimited duration' }
} as const;

export const lesson = {
	id: 'lineage',
	version: 1,
	title: 'Treaty lineage: 1961, 2000, 2024',
	objective: 'lineage',
	blurb: 'Three treaties between Moscow and Pyongyang, and which of them promised mutual defence.',
	steps: [
		{
			id: 'three-treaties',
			label: 'Three treaties',
			card: {
				kind: 'explain',
				title: 'Three treaties, one question: was there a defence clause?',
				body: [
					'Document A traces the 2024 treaty back to a security treaty the Soviet Union and North Korea signed in 1961. That first treaty was short, six articles and a preamble, and it “included a mutual defense obligation”.',
					'In 2000 a new treaty replaced it. Document A is blunt about the difference: the 2000 treaty “omitted any clause on mutual military assistance”.',
					'The 2024 Treaty on Comprehensive Strategic Partnership brings the obligation back: Russia and North Korea “have now agreed to defend each other in case of attack”.',
					'The pattern to remember is yes (1961), no (2000), yes (2024).'
				],
				citations: [cite.soviet1961, cite.defence1961, cite.omitted2000, cite.defendEachOther]
			}
		},
		{
			id: 'defence-clauses',
			label: 'Check: defence clauses',
			card: {
				kind: 'check',
				title: 'Check: which treaties promised defence?',
				item: 'l-lin-1961-defence',
				retryItem: 'l-lin-2000-defence',
				remediation: {
					title: 'Read the two sentences side by side',
					body: [
						'Document A describes the 1961 treaty first: it “included a mutual defense obligation”. The next paragraph opens with “In contrast”: the 2000 treaty “omitted any clause on mutual military assistance”.',
						'“In contrast” is the signal. Whatever the 1961 treaty had, the 2000 treaty did not. The 2024 treaty then restores a defence commitment, so the line runs yes, no, yes.'
					],
					citations: [cite.defence1961, cite.omitted2000]
				}
			}
		},
		{
			id: 'chain',
			label: 'Who replaced whom',
			card: {
				kind: 'explain',
				title: 'Who replaced whom',
				body: [
					'Each treaty replaced the one before it. Document A says the 2000 treaty “replaced the 1961 treaty in 2000”; Document B says the 2024 agreement replaces the treaty “signed back in 2000”.',
					'Watch for simplifications. Later on, Document A mentions North Korea’s “1961 security treaty signings with Russia and China”, but in 1961 the other party was the Soviet Union, as Document A itself said a few paragraphs earlier.'
				],
				record: [
					'The 1961 treaty was signed in Moscow on 6 July 1961; China signed its own treaty with North Korea in Beijing on 11 July 1961.',
					'Russia let the 1961 treaty lapse in the mid-1990s, so some years passed before the 2000 treaty: “replaced” compresses that gap.'
				],
				citations: [cite.sixArticles, cite.russiaAndChina, cite.signed2000]
			}
		},
		{
			id: 'order',
			label: 'Check: the order',
			card: {
				kind: 'check',
				title: 'Check: put the treaties in order',
				item: 'l-lin-order-treaties',
				retryItem: 'l-lin-order-history',
				remediation: {
					title: 'Anchor the order on the Korean War',
					body: [
						'Start from the one date Document A ties to an event: the 1961 treaty was “drafted shortly after the Korean War”. The treaty without military assistance “replaced the 1961 treaty in 2000”. The Treaty on Comprehensive Strategic Partnership replaced that one in 2024.',
						'Each step replaces the last, so the defence clause goes: present, dropped, restored.'
					],
					citations: [cite.sixArticles, cite.omitted2000]
				}
			}
		},
		{
			id: 'naming',
			label: 'Two names',
			card: {
				kind: 'explain',
				title: 'Two names that are easy to swap',
				body: [
					'Document A calls the 2000 treaty the “Treaty of Friendship, Good-Neighborly Relations and Cooperation”. Document B says the 2024 agreement replaces “the original Treaty of Friendship, Cooperation and Mutual Assistance … which was signed back in 2000”.',
					'The words “Mutual Assistance” give the slip away. That is the name of the 1961 treaty, the one with the defence clause. Document B has put the 1961 name on the 2000 treaty, the very treaty that dropped military assistance.',
					'Document B’s sentence goes on: the replaced treaty “is now of unlimited duration”. A treaty that has just been replaced cannot be in force indefinitely; the phrase belongs to the new treaty.'
				],
				record: [
					'1961: Treaty of Friendship, Co-operation and Mutual Assistance (Moscow, 6 July). 2000: Treaty of Friendship, Good-Neighbourliness and Cooperation (Pyongyang, 9 February). 2024: Treaty on Comprehensive Strategic Partnership, of indefinite duration.'
				],
				citations: [cite.name2000, cite.nameInB, cite.unlimited]
			}
		},
		{
			id: 'names',
			label: 'Check: the names',
			card: {
				kind: 'check',
				title: 'Check: which name belongs to which treaty?',
				item: 'l-lin-names-match',
				retryItem: 'l-lin-b-name',
				remediation: {
					title: 'Let the defence clause sort the names',
					body: [
						'A name that says “Mutual Assistance” fits the treaty that promised assistance: 1961. The 2000 treaty is the one Document A calls “Friendship, Good-Neighborly Relations and Cooperation”, with no military-assistance clause. The 2024 treaty is the “Comprehensive Strategic Partnership”.',
						'Document B’s sentence pins the 1961 name on the treaty “signed back in 2000”; that is the mismatch to catch.'
					],
					citations: [cite.name2000, cite.nameInB]
				}
			}
		},
		{
			id: 'summary',
			label: 'Summary',
			card: {
				kind: 'summary',
				title: 'Summary: the lineage',
				body: [
					'You traced the three treaties between Moscow and Pyongyang and caught a naming slip by cross-checking the two documents.'
				],
				takeaways: [
					'1961, Soviet Union and North Korea: mutual defence obligation (yes).',
					'2000, Treaty of Friendship, Good-Neighborly Relations and Cooperation: no military-assistance clause (no).',
					'2024, Treaty on Comprehensive Strategic Partnership: the parties agree to defend each other (yes).',
					'Document B gives the 2000 treaty the 1961 name; Document A calls the 1961 party “Russia” once. Check names and parties against a second source.'
				]
			}
		}
	]
} as const satisfies LessonDefinition;

export const machine = setup(lessonSetup).createMachine(lessonConfig(lesson));
