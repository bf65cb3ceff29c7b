/**
 * The closing figures of issue 12 that are not in `npm run locktest`, against the production build in the
 * current directory (run it from another worktree to measure that one):
 *  - a burst of 100 parallel sign-ins for one username, the 100th with the right password: how many were
 *    checked (answered other than 429) and whether the right one signed in (finding 1);
 *  - the headers of a page, a learner's attempt page and /progress, with ORIGIN on https (findings 6–8).
 *
 *   npx vite build && npx tsx scripts/hardening-figures.ts
 */
import { freePort, startServer } from './bench/harness';

const form = (base: string, fields: Record<string, string>, cookie = '') =>
	({
		method: 'POST',
		headers: {
			origin: base,
			accept: 'application/json',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields).toString()
	}) as RequestInit;

async function signInBurst() {
	const server = await startServer();
	const { base } = server;
	try {
		const password = 'a good passphrase 1';
		const signUp = await fetch(
			`${base}/signup`,
			form(base, {
				username: 'burst.target',
				displayName: 'Burst',
				password,
				confirm: password,
				role: 'student'
			})
		);
		if (!signUp.ok) throw new Error(`sign-up: ${signUp.status}`);
		const t = performance.now();
		const answers = await Promise.all(
			Array.from({ length: 100 }, async (_, i) => {
				const r = await fetch(
					`${base}/signin`,
					form(base, { username: 'burst.target', password: i === 99 ? password : `wrong guess ${i}` })
				);
				const body = (await r.json()) as { type: string; status?: number };
				return body.type === 'redirect' ? 'signed in' : String(body.status);
			})
		);
		const ms = performance.now() - t;
		const count = (v: string) => answers.filter((a) => a === v).length;
		console.log(
			`100 parallel sign-ins (the 100th right): ${100 - count('429')} checked (${count('400')} wrong, ${count('signed in')} signed in), ${count('429')} refused 429; the 100th: ${answers[99]}; burst took ${Math.round(ms)} ms`
		);
	} finally {
		await server.stop();
	}
}

async function headersOnHttps() {
	const port = await freePort();
	// The public origin is https (as behind a TLS proxy); the test talks plain HTTP to the port itself.
	const server = await startServer({ port, env: { ORIGIN: `https://localhost:${port}` } });
	const base = `http://localhost:${port}`;
	try {
		// A learner made over the https origin: CSRF wants that origin on the post.
		const start = await fetch(`${base}/modules/treaty-2024/quizzes/final?/start`, {
			...form(`https://localhost:${port}`, {}),
			redirect: 'manual'
		});
		const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
		const { location } = (await start.json()) as { location?: string };
		const show = async (label: string, path: string, withCookie: boolean) => {
			const r = await fetch(`${base}${path}`, { headers: withCookie ? { cookie } : {} });
			const h = r.headers;
			console.log(
				`${label} (${r.status}): CSP ${h.get('content-security-policy') ? 'yes' : 'NO'}; HSTS ${h.get('strict-transport-security') ?? 'NO'}; Cache-Control ${h.get('cache-control') ?? 'none'}; X-Frame-Options ${h.get('x-frame-options') ?? 'none'}`
			);
			if (h.get('content-security-policy')) console.log(`  CSP: ${h.get('content-security-policy')}`);
		};
		await show('catalog, no cookie', '/', false);
		if (location) await show('attempt page, anonymous learner', location, true);
		await show('/progress, anonymous learner', '/progress', true);
	} finally {
		await server.stop();
	}
}

await signInBurst();
await headersOnHttps();
