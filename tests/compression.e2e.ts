import http from 'node:http';
import { expect, test } from './test';

/** The raw response, undecoded: what crossed the wire. */
function raw(url: string, headers: Record<string, string>) {
	return new Promise<{ headers: http.IncomingHttpHeaders; bytes: number }>((resolve, reject) => {
		http
			.get(url, { headers }, (res) => {
				let bytes = 0;
				res.on('data', (c: Buffer) => (bytes += c.length));
				res.on('end', () => resolve({ headers: res.headers, bytes }));
			})
			.on('error', reject);
	});
}

test('pages and page data arrive brotli-compressed, a third of their size or less, and the page still works', async ({
	page,
	baseURL
}) => {
	for (const path of [
		'/',
		'/modules/treaty-2024/lessons/lineage',
		'/modules/treaty-2024/lessons/lineage/__data.json'
	]) {
		const plain = await raw(`${baseURL}${path}`, {});
		const br = await raw(`${baseURL}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
		const gzip = await raw(`${baseURL}${path}`, { 'accept-encoding': 'gzip' });
		expect(plain.headers['content-encoding'], path).toBeUndefined();
		expect(br.headers['content-encoding'], path).toBe('br');
		expect(gzip.headers['content-encoding'], path).toBe('gzip');
		for (const r of [plain, br, gzip]) expect(r.headers.vary ?? '', path).toMatch(/accept-encoding/i);
		expect(br.bytes, path).toBeLessThan(plain.bytes / 3);
	}
	// A browser (which sends Accept-Encoding: br) renders the compressed page and can navigate from it.
	await page.goto('/');
	await page
		.getByRole('link', { name: /lineage/i })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('built scripts and styles come precompressed from the build, not compressed again per request', async ({
	page,
	baseURL
}) => {
	const assets: string[] = [];
	page.on('response', (r) => {
		if (/\/_app\/immutable\/.*\.(js|css)$/.test(r.url())) assets.push(r.url());
	});
	await page.goto('/');
	expect(assets.length).toBeGreaterThan(0);
	const first = assets[0] as string;
	const br = await raw(first, { 'accept-encoding': 'br' });
	expect(br.headers['content-encoding']).toBe('br');
	// sirv sends the .br file written at build time, with its length; our compression adds none.
	expect(Number(br.headers['content-length'])).toBe(br.bytes);
	expect(baseURL).toBeTruthy();
});
