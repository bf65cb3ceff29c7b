/**
 * Bytes over the wire per page, as a browser asks for it (brotli), as an old client asks (gzip) and with no
 * Accept-Encoding (what adapter-node alone would send). Raw requests: fetch() would decode the body.
 */
import http from 'node:http';

export interface WireBytes {
	page: string;
	plain: number;
	gzip: number;
	brotli: number;
}

function bodyBytes(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers }, (res) => {
				let bytes = 0;
				res.on('data', (chunk: Buffer) => (bytes += chunk.length));
				res.on('end', () => resolve(bytes));
			})
			.on('error', reject);
	});
}

export async function wireBytes(
	base: string,
	pages: { name: string; path: string; cookie: string }[]
): Promise<WireBytes[]> {
	const out: WireBytes[] = [];
	for (const { name, path, cookie } of pages) {
		const headers = { cookie, accept: 'text/html' };
		out.push({
			page: name,
			plain: await bodyBytes(base + path, headers),
			gzip: await bodyBytes(base + path, { ...headers, 'accept-encoding': 'gzip' }),
			brotli: await bodyBytes(base + path, { ...headers, 'accept-encoding': 'gzip, deflate, br' })
		});
	}
	return out;
}

export function wireBytesTable(rows: WireBytes[]): string {
	const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
	return [
		'| page over the wire | uncompressed | gzip | brotli | brotli ÷ uncompressed |',
		'|---|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.page} | ${kB(r.plain)} | ${kB(r.gzip)} | ${kB(r.brotli)} | ${(r.brotli / r.plain).toFixed(2)} |`
		)
	].join('\n');
}
