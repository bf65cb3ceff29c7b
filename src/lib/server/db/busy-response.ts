/** The answer to a request whose write found the database locked too long (see sqlite-driver.ts). */
export const BUSY_MESSAGE = 'The database is busy. Nothing was saved: try again in a few seconds.';
const RETRY_AFTER_S = '2';

/** The same body (SvelteKit's error page or JSON, with BUSY_MESSAGE), as 503 with Retry-After. */
export function busyResponse(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set('Retry-After', RETRY_AFTER_S);
	headers.set('Cache-Control', 'no-store');
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
}
