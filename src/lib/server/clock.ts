/**
 * The server clock. Request handling reads `event.locals.now`, set once per request in hooks.server.ts from
 * here (shifted per learner by the e2e test hooks, when those are on); domain code takes `now` as an
 * argument, so tests pass any instant and never sleep.
 */
export function systemNow(): Date {
	return new Date();
}
