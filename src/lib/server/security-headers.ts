/**
 * Response headers every answer carries (issue 12, findings 6–8). The Content-Security-Policy of pages
 * comes from `kit.csp` in svelte.config.js (SvelteKit adds hashes or nonces for its own inline scripts);
 * `frame-ancestors` is added here because it is a run-time setting: FRAME_ANCESTORS lists the origins allowed
 * to frame the app (an LMS launching it over LTI will need its own origin there); unset, no one may.
 */
export interface HeaderPolicy {
	/** The public URL is https (ORIGIN or PROTOCOL_HEADER): browsers are told to keep to https. */
	https: boolean;
	/** The request reads a learner or an account: no shared or back-button copies. */
	personal: boolean;
	/** Space-separated CSP source list for frame-ancestors; '' means 'none'. */
	frameAncestors: string;
}

const YEAR_S = 365 * 24 * 60 * 60;

/** FRAME_ANCESTORS, checked: origins (`https://lms.example`) or `'self'`, separated by spaces. */
export function frameAncestorsFrom(raw: string | undefined): string {
	const sources = (raw ?? '').split(/\s+/).filter(Boolean);
	const valid = sources.filter((s) => s === "'self'" || /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(s));
	if (valid.length !== sources.length)
		console.error(`FRAME_ANCESTORS: ignored ${sources.filter((s) => !valid.includes(s)).join(' ')}`);
	return valid.join(' ');
}

export function applySecurityHeaders(headers: Headers, policy: HeaderPolicy): void {
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'same-origin');
	// A second policy (browsers enforce every one they get), so it also covers endpoints and error pages.
	headers.append('Content-Security-Policy', `frame-ancestors ${policy.frameAncestors || "'none'"}`);
	// For browsers without frame-ancestors; it cannot name origins, so it is left out when some may frame.
	if (!policy.frameAncestors) headers.set('X-Frame-Options', 'DENY');
	if (policy.https) headers.set('Strict-Transport-Security', `max-age=${YEAR_S}`);
	if (policy.personal && !headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
}
