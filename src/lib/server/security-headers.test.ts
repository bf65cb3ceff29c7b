import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, frameAncestorsFrom } from './security-headers';

const headersFor = (policy: Partial<Parameters<typeof applySecurityHeaders>[1]>) => {
	const headers = new Headers();
	applySecurityHeaders(headers, { https: false, personal: false, frameAncestors: '', ...policy });
	return headers;
};

// Issue 12, findings 6–8.
describe('security headers', () => {
	it('send HSTS only when the public origin is https', () => {
		expect(headersFor({ https: true }).get('strict-transport-security')).toBe('max-age=31536000');
		expect(headersFor({ https: false }).get('strict-transport-security')).toBeNull();
	});

	it('forbid framing unless FRAME_ANCESTORS names who may (an LMS over LTI)', () => {
		const closed = headersFor({});
		expect(closed.get('content-security-policy')).toBe("frame-ancestors 'none'");
		expect(closed.get('x-frame-options')).toBe('DENY');
		const lms = headersFor({
			frameAncestors: frameAncestorsFrom('https://lms.example  https://canvas.example:8443')
		});
		expect(lms.get('content-security-policy')).toBe(
			'frame-ancestors https://lms.example https://canvas.example:8443'
		);
		expect(lms.get('x-frame-options')).toBeNull();
	});

	it('keep only origins and self from FRAME_ANCESTORS', () => {
		expect(frameAncestorsFrom("'self' http://plain.example * https://ok.example;x")).toBe("'self'");
		expect(frameAncestorsFrom(undefined)).toBe('');
	});

	it('mark personal pages private, no-store, and leave a route’s own Cache-Control alone', () => {
		expect(headersFor({ personal: true }).get('cache-control')).toBe('private, no-store');
		expect(headersFor({ personal: false }).get('cache-control')).toBeNull();
		const own = new Headers({ 'cache-control': 'no-cache' });
		applySecurityHeaders(own, { https: false, personal: true, frameAncestors: '' });
		expect(own.get('cache-control')).toBe('no-cache');
	});
});
