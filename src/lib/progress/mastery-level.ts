/** Mastery levels as the browser sees them (the rule itself is server-side: server/progress/mastery.ts). */
export type MasteryLevel = 'not-started' | 'needs-review' | 'practising' | 'mastered';
