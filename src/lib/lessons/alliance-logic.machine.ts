/**
 * Lesson 2, alliance logic: the staged trigger. Explanations of the three stages, a decision flow the
 * student steps through (armed attack → assistance; imminent threat → consultations; peacetime capability
 * building → joint activities; otherwise no trigger), then six scenario cards with a targeted remediation
 * for each wrong outcome. Two scenarios are contested: the cards explain why instead of just marking a
 * choice wrong. Content brief D6, D7, D8, D10.
 */
import { setup } from 'xstate';
import type { LessonDefinition, Prose } from './cards';
import { lessonConfig, lessonSetup, type CustomStep } from './lesson-kit';

const A = 'gis-analysis';
const B = 'sputnik-report';

/** Passages the cards come back to. */
const cite = {
	staggered: {
		source: A,
		quote: 'introduces a structured and staggered approach to mutual security'
	},
	consultations: {
		source: A,
		quote:
			'This clause is activated when one party faces an attack, and is preceded by an article requiring immediate consultations if there is an imminent threat of armed aggression.'
	},
	article4: {
		source: B,
		quote:
			'should one of the parties be subjected to armed aggression by any state or group of states and find itself embroiled in conflict, the other party will immediately provide military and other forms of assistance with all available means'
	},
	article51: {
		source: B,
		quote:
			'This is done according to Article 51 of the United Nations Charter and aligns with both Russian and North Korean laws.'
	},
	russiaSide: {
		source: A,
		quote:
			'if foreign forces or weapons attack its territory, Russia is obligated to provide defense in accordance with the United Nations Charter and in conformity with its domestic law'
	},
	selfDefence: {
		source: A,
		quote:
			'the clause that mandates security assistance in line with domestic legislation and the UN Charter’s right to self-defense'
	},
	article8: {
		source: B,
		quote:
			'Article 8 of the treaty sees the two nations establishing mechanisms for joint activities aimed at bolstering their defense capacities, particularly through preemptive measures against any threat of war'
	},
	jointActivities: {
		source: A,
		quote: 'the treaty includes provisions for “joint activities to strengthen defense capabilities”'
	},
	onlyAggression: {
		source: A,
		quote:
			'communicated to South Korea that they need not worry, as the mutual defense clause is only relevant in the event of aggression'
	},
	warning: {
		source: A,
		quote:
			'Mr. Putin explicitly warned against supplying lethal military equipment to Ukraine, indicating that such actions would prompt a response from Russia that South Korea would not welcome'
	},
	kurskA: {
		source: A,
		quote:
			'recent reports indicate that North Korean soldiers are now engaged in military operations in Russia’s Kursk region'
	},
	confirmedB: {
		source: B,
		quote:
			'The deployment of North Korean troops to support Russia amid the war with Ukraine—once only speculative—is confirmed.'
	},
	reportedlyB: { source: B, quote: 'North Korean soldiers reportedly positioned on Russian soil' }
} as const;

const tooEarly: Prose = {
	title: 'Not yet: assistance needs an attack',
	body: [
		'The assistance clause “is activated when one party faces an attack”. Before that, when aggression is only imminent, the treaty asks for immediate consultations.',
		'Nothing has been fired in this scenario, so the trigger has not reached the assistance stage.'
	],
	citations: [cite.consultations]
};

const notPeacetime: Prose = {
	title: 'Article 8 is peacetime work',
	body: [
		'Article 8 sets up “mechanisms for joint activities” to strengthen defence capabilities: planned cooperation between the two parties. It is not how the treaty responds to a threat or an attack.'
	],
	citations: [cite.article8]
};

export const lesson = {
	id: 'alliance-logic',
	version: 1,
	title: 'Alliance logic: the staged trigger',
	objective: 'alliance-logic',
	blurb: 'Which provision applies when: consultations, assistance, joint defence work, or nothing at all.',
	steps: [
		{
			id: 'staged',
			label: 'A staged trigger',
			card: {
				kind: 'explain',
				title: 'A staged trigger, not a blank cheque',
				body: [
					'Document A reads the defence provisions as “a structured and staggered approach to mutual security”. There is not one trigger but a ladder of them.',
					'First rung: if there is an imminent threat of armed aggression, the parties hold immediate consultations. Second rung: if a party actually faces an attack, the assistance clause is activated.',
					'Alongside the ladder sits peacetime cooperation: joint activities to strengthen defence capabilities. And many events, however alarming, trigger nothing at all.'
				],
				record: [
					'In the treaty text, consultations are Article 3, assistance is Article 4 and joint defence activities are Article 8. Document A does not number them; Document B names Articles 4 and 8.'
				],
				citations: [cite.staggered, cite.consultations]
			}
		},
		{
			id: 'assistance',
			label: 'What sets off assistance',
			card: {
				kind: 'explain',
				title: 'What sets off assistance (Article 4)',
				body: [
					'Document B paraphrases Article 4: if one party is “subjected to armed aggression by any state or group of states and find itself embroiled in conflict”, the other “will immediately provide military and other forms of assistance with all available means”.',
					'Two limits travel with it. The assistance is given “according to Article 51 of the United Nations Charter”, the right of self-defence, and in line with “both Russian and North Korean laws”, so each party judges under its own law.',
					'Document A tells only half of it: “Russia is obligated to provide defense”. The duty is mutual; North Korea owes the same to Russia.'
				],
				record: [
					'The treaty’s wording is “put in a state of war by an armed attack”. Document B’s “embroiled in conflict” is a looser threshold than a state of war.'
				],
				citations: [cite.article4, cite.article51, cite.russiaSide]
			}
		},
		{
			id: 'cooperation',
			label: 'Peacetime cooperation',
			card: {
				kind: 'explain',
				title: 'Peacetime: strengthening defence capabilities (Article 8)',
				body: [
					'Document A quotes the treaty’s “joint activities to strengthen defense capabilities”. Document B describes Article 8 as “mechanisms for joint activities aimed at bolstering their defense capacities, particularly through preemptive measures against any threat of war”.',
					'“Preemptive” is Document B’s word, not the treaty’s, and it changes the meaning: striking first is not what the article provides for.'
				],
				record: [
					'The treaty text says these activities are “for the purpose of preventing war and ensuring regional and international peace”.'
				],
				citations: [cite.jointActivities, cite.article8]
			}
		},
		{
			id: 'flow',
			label: 'Decision flow',
			card: {
				kind: 'flow',
				title: 'Step through the decision flow',
				lead: [
					'Think of any situation and answer the questions in order. Each answer moves you down the ladder; you can start again and try another path.'
				],
				questions: {
					attack: {
						question: 'Has an armed attack put one of the parties in a state of war?',
						help: 'An attack that has happened, by any state or group of states, on Russia or on North Korea.',
						citations: [cite.article4]
					},
					threat: {
						question:
							'Is there an imminent threat of armed aggression against a party, with nothing fired yet?',
						help: 'A threat that is about to become an attack, such as forces in position and a declared intent to strike.',
						citations: [cite.consultations]
					},
					capability: {
						question:
							'Are the two parties working together in peacetime to strengthen their defence capabilities?',
						help: 'Planned joint activities: training, exercises, mechanisms for cooperation.',
						citations: [cite.jointActivities]
					}
				},
				results: {
					assist: {
						title: 'Article 4: immediate military and other assistance',
						body: [
							'The other party provides military and other assistance at once, with all available means, under Article 51 of the UN Charter and each party’s own law.'
						],
						citations: [cite.article4, cite.article51]
					},
					consult: {
						title: 'Article 3: immediate consultations',
						body: ['The parties consult immediately. Assistance is not yet due: it needs an actual attack.'],
						citations: [cite.consultations]
					},
					cooperate: {
						title: 'Article 8: joint activities to strengthen defence capabilities',
						body: ['Peacetime cooperation under Article 8, for preventing war, not for striking first.'],
						citations: [cite.article8]
					},
					none: {
						title: 'No treaty trigger',
						body: [
							'None of the treaty’s defence provisions applies. Putin himself told South Korea the mutual defence clause “is only relevant in the event of aggression”. Threats and warnings made outside the treaty are policy, not treaty obligations.'
						],
						citations: [cite.onlyAggression]
					}
				}
			}
		},
		{
			id: 'attacked',
			label: 'Scenario: an attack',
			card: {
				kind: 'scenario',
				title: 'Scenario 1: an attack from outside',
				item: 'l-all-attack',
				retryItem: 'l-all-attack-retry',
				outcome: 'assist',
				explanation: {
					title: 'Assistance: the attack has happened',
					body: [
						'An armed attack has put a party in a state of war: the top rung of the ladder. Assistance is immediate, with all available means.'
					],
					citations: [cite.article4]
				},
				remediations: {
					consult: {
						title: 'Consultations come before an attack, not after',
						body: [
							'Consultations are the step for an imminent threat, while nothing has happened yet. Here forces have struck and North Korea is at war, so the trigger has moved past consultations to assistance.'
						],
						citations: [cite.consultations, cite.article4]
					},
					cooperate: notPeacetime,
					none: {
						title: 'An attack on a party is exactly the defence case',
						body: [
							'Document A: “if foreign forces or weapons attack its territory, Russia is obligated to provide defense”. Foreign forces striking North Korea is the clause’s own example.'
						],
						citations: [cite.russiaSide]
					},
					contested: {
						title: 'Nothing to dispute here',
						body: [
							'The attack came from outside and North Korea is at war. That is the text’s plain case for assistance. Contested cases are those where it is unclear who was attacked, or whether the treaty was invoked at all.'
						],
						citations: [cite.article4]
					}
				}
			}
		},
		{
			id: 'warships',
			label: 'Scenario: warships',
			card: {
				kind: 'scenario',
				title: 'Scenario 2: warships off the coast',
				item: 'l-all-warships',
				retryItem: 'l-all-warships-retry',
				outcome: 'consult',
				explanation: {
					title: 'Consultations: the threat is imminent',
					body: [
						'A declared intent to strike, with ships in position, is an imminent threat of armed aggression. The parties consult at once; assistance would follow only an attack.'
					],
					citations: [cite.consultations]
				},
				remediations: {
					assist: tooEarly,
					cooperate: notPeacetime,
					none: {
						title: 'An imminent threat has its own rung',
						body: [
							'Document A: the assistance clause “is preceded by an article requiring immediate consultations if there is an imminent threat of armed aggression”. Ships massed with a declared intent to strike are such a threat.'
						],
						citations: [cite.consultations]
					},
					contested: {
						title: 'The text covers this case directly',
						body: [
							'An imminent threat with nothing fired is the case Document A describes for consultations. There is nothing for the documents to disagree about.'
						],
						citations: [cite.consultations]
					}
				}
			}
		},
		{
			id: 'arms',
			label: 'Scenario: arms to Ukraine',
			card: {
				kind: 'scenario',
				title: 'Scenario 3: arms for Ukraine',
				item: 'l-all-arms',
				retryItem: 'l-all-arms-retry',
				outcome: 'none',
				explanation: {
					title: 'No trigger: a warning is policy, not a clause',
					body: [
						'Putin warned South Korea that lethal arms for Ukraine would bring a response it “would not welcome”. That is a political threat. No party to the treaty is attacked or threatened with aggression, so no provision applies.'
					],
					citations: [cite.warning, cite.onlyAggression]
				},
				remediations: {
					consult: {
						title: 'No party faces aggression',
						body: [
							'Consultations are for an imminent threat of armed aggression against Russia or North Korea. Arms going to Ukraine threaten neither party with aggression; Putin’s warning is a message, not Article 3.'
						],
						citations: [cite.consultations, cite.warning]
					},
					assist: {
						title: 'No attack on a party',
						body: [
							'Putin himself said the mutual defence clause “is only relevant in the event of aggression”. An arms delivery to a third country is not an attack on Russia or North Korea.'
						],
						citations: [cite.onlyAggression]
					},
					cooperate: {
						title: 'Article 8 is about the two parties',
						body: [
							'Article 8 covers joint activities by Russia and North Korea. South Korea’s exports are not part of it.'
						],
						citations: [cite.article8]
					},
					contested: {
						title: 'The documents agree on this one',
						body: [
							'Document A reports both the warning and Putin’s assurance that the defence clause needs aggression. A response to arms deliveries would be a policy choice outside the treaty.'
						],
						citations: [cite.warning, cite.onlyAggression]
					}
				}
			}
		},
		{
			id: 'training',
			label: 'Scenario: joint training',
			card: {
				kind: 'scenario',
				title: 'Scenario 4: joint air-defence training',
				item: 'l-all-training',
				retryItem: 'l-all-training-retry',
				outcome: 'cooperate',
				explanation: {
					title: 'Article 8: peacetime capability building',
					body: [
						'A standing mechanism for joint training is exactly the “joint activities” of Article 8. Note the purpose: preventing war, not the “preemptive measures” of Document B’s paraphrase.'
					],
					record: [
						'Treaty text: “for the purpose of preventing war and ensuring regional and international peace”.'
					],
					citations: [cite.article8, cite.jointActivities]
				},
				remediations: {
					consult: {
						title: 'There is no threat to consult about',
						body: [
							'Consultations answer an imminent threat of armed aggression. Planned training in peacetime is cooperation, which the treaty handles under Article 8.'
						],
						citations: [cite.consultations, cite.jointActivities]
					},
					assist: {
						title: 'No one has been attacked',
						body: [
							'Assistance follows an armed attack. Training together to strengthen defence capabilities is the peacetime provision, Article 8.'
						],
						citations: [cite.jointActivities]
					},
					none: {
						title: 'Article 8 provides for exactly this',
						body: [
							'Document B: Article 8 establishes “mechanisms for joint activities aimed at bolstering their defense capacities”. A joint training mechanism is one.'
						],
						citations: [cite.article8]
					},
					contested: {
						title: 'Contested? Only Document B’s gloss',
						body: [
							'Both documents describe joint defence activities, so the provision is clear. What deserves doubt is Document B’s “preemptive”: the treaty speaks of preventing war.'
						],
						record: ['Treaty text: “for the purpose of preventing war”.'],
						citations: [cite.article8]
					}
				}
			}
		},
		{
			id: 'first-strike',
			label: 'Scenario: who fired first?',
			card: {
				kind: 'scenario',
				title: 'Scenario 5: North Korea fires first',
				item: 'l-all-first-strike',
				retryItem: 'l-all-first-strike-retry',
				outcome: 'contested',
				explanation: {
					title: 'Contested: who is the victim of aggression?',
					body: [
						'Article 4 is tied to Article 51 of the UN Charter, the right of self-defence. When North Korea fires first, South Korea’s return fire looks like self-defence, and North Korea looks like the aggressor.',
						'But the treaty also runs “in conformity with” each party’s domestic law: Pyongyang may call the return fire aggression, and Moscow decides under its own law whether it agrees. The text does not settle it, so the honest answer is “contested”.'
					],
					citations: [cite.article51, cite.selfDefence]
				},
				remediations: {
					assist: {
						title: 'Not so fast: assistance is for self-defence',
						body: [
							'Your reading is the one Pyongyang would give. But the clause is security assistance “in line with domestic legislation and the UN Charter’s right to self-defense”, and a party that fired first is hard to call the victim.',
							'Whether Article 4 applies depends on who is judged the aggressor, and each party judges under its own law. That makes it contested rather than clear.'
						],
						citations: [cite.selfDefence, cite.article51]
					},
					none: {
						title: 'Arguable, but not settled',
						body: [
							'You may well be right that assistance should not be owed to a party that started the fighting. But the documents leave that judgement to each party’s law: the text does not rule it out, it just does not settle it.',
							'When the text leaves the key judgement open, the careful answer is “contested”.'
						],
						citations: [cite.article51]
					},
					consult: {
						title: 'Past the consultation stage',
						body: [
							'Consultations are for an imminent threat. Shots have been fired both ways, so the real question is whether the assistance clause applies when North Korea started it, and that is disputed.'
						],
						citations: [cite.consultations, cite.selfDefence]
					},
					cooperate: notPeacetime
				}
			}
		},
		{
			id: 'kursk',
			label: 'Scenario: Kursk',
			card: {
				kind: 'scenario',
				title: 'Scenario 6: Kursk',
				item: 'l-all-kursk',
				retryItem: 'l-all-kursk-retry',
				outcome: 'contested',
				explanation: {
					title: 'Contested: say what the documents say',
					body: [
						'Document A: “recent reports indicate” North Korean soldiers are in Kursk. Document B: the deployment “is confirmed”, then soldiers are “reportedly” on Russian soil. Neither says Article 4, or any article, was invoked.',
						'You may infer a link; many did. But an inference is not what the documents say, and the reports themselves are hedged.'
					],
					record: [
						'In early November 2024 Moscow neither confirmed nor denied the deployment; the United States, South Korea and NATO asserted it.'
					],
					citations: [cite.kurskA, cite.confirmedB, cite.reportedlyB]
				},
				remediations: {
					assist: {
						title: 'A tempting inference, not a statement',
						body: [
							'Russian territory was attacked and North Korean soldiers are reported there, so Article 4 seems to fit. But neither document says the treaty was invoked, and Document A only says “recent reports indicate” the soldiers are there.',
							'The link you drew may be right; the documents do not make it. That is why the answer is “contested”.'
						],
						citations: [cite.kurskA, cite.reportedlyB]
					},
					none: {
						title: 'Also more than the documents say',
						body: [
							'“Nothing to do with the treaty” is an inference too: no document says the deployment is outside the treaty. The documents report soldiers and leave the legal basis unstated.'
						],
						citations: [cite.kurskA]
					},
					consult: {
						title: 'No consultations are reported',
						body: [
							'Neither document mentions consultations under the treaty. Document B even wavers on the facts: “is confirmed” in one sentence, “reportedly” in the next.'
						],
						citations: [cite.confirmedB, cite.reportedlyB]
					},
					cooperate: notPeacetime
				}
			}
		},
		{
			id: 'summary',
			label: 'Summary',
			card: {
				kind: 'summary',
				title: 'Summary: the staged trigger',
				body: [
					'You applied the treaty’s ladder to six situations, including two the documents do not settle.'
				],
				takeaways: [
					'Imminent threat of armed aggression → immediate consultations (Article 3).',
					'Armed attack putting a party in a state of war → immediate military and other assistance, under UN Charter Article 51 and each party’s law (Article 4).',
					'Peacetime joint activities to strengthen defence capabilities → Article 8, for preventing war (not “preemptive”).',
					'Warnings, arms deliveries to third countries and the like → no treaty trigger.',
					'When the text leaves the key judgement open, or no document says the treaty was invoked, say “contested” and explain why.'
				]
			}
		}
	]
} as const satisfies LessonDefinition;

/**
 * The decision flow as a ladder (see FlowCard): at each question Yes leads to that rung's result and No
 * to the next question; from a result the student starts again or goes on to the scenarios. Back, from the
 * first question only, returns to the previous explanation.
 */
const flow: CustomStep = ({ next, back }, to) => {
	const ask = (yes: string, no: string, first = false) => ({
		on: {
			'flow.yes': { target: yes },
			'flow.no': { target: no },
			...(first && back ? { 'step.back': { target: to(back) } } : { 'flow.restart': { target: 'attack' } })
		}
	});
	const result = { on: { 'flow.restart': { target: 'attack' }, 'step.next': { target: to(next) } } };
	return {
		initial: 'attack',
		states: {
			attack: ask('assist', 'threat', true),
			threat: ask('consult', 'capability'),
			capability: ask('cooperate', 'none'),
			assist: result,
			consult: result,
			cooperate: result,
			none: result
		}
	};
};

export const machine = setup(lessonSetup).createMachine(lessonConfig(lesson, { flow }));
