import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from './accept-encoding.js';
import { compressResponse, MIN_BYTES } from './compression.js';

const page = '<!doctype html><p>' + 'The treaty’s Article 4 reads as a mutual defence clause. '.repeat(200);
type Route = (res: http.ServerResponse) => void;
const routes: Record<string, Route> = {
	// As SvelteKit's setResponse does it: headers, writeHead(status), chunks, end().
	'/page': (res) => {
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.writeHead(200);
		res.write(page.slice(0, 3000));
		res.write(page.slice(3000));
		res.end();
	},
	'/tiny': (res) => {
		res.setHeader('Content-Type', 'application/json');
		res.writeHead(200);
		res.end('{"ok":true}');
	},
	'/png': (res) => {
		res.writeHead(200, { 'Content-Type': 'image/png' });
		res.end(Buffer.alloc(5000, 7));
	},
	'/precompressed': (res) => {
		res.writeHead(200, { 'Content-Type': 'text/css', 'Content-Encoding': 'br' });
		res.end(zlib.brotliCompressSync(Buffer.from(page)));
	},
	'/no-transform': (res) => {
		res.writeHead(200, { 'Content-Type': 'text/csv', 'Cache-Control': 'no-transform' });
		res.end(page);
	},
	'/redirect': (res) => {
		res.writeHead(303, { Location: '/page' });
		res.end();
	},
	'/vary': (res) => {
		res.writeHead(200, { 'Content-Type': 'text/html', Vary: 'Cookie' });
		res.end(page);
	}
};

let server: http.Server;
let base: string;
beforeAll(async () => {
	server = http.createServer((req, res) => {
		compressResponse(req, res);
		routes[req.url ?? '']?.(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET (fetch would decode the body and hide what went over the wire). */
function get(path: string, acceptEncoding?: string, method = 'GET') {
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
		(resolve, reject) => {
			const req = http.request(
				base + path,
				{ method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
					);
				}
			);
			req.on('error', reject);
			req.end();
		}
	);
}

describe('compressResponse', () => {
	it('sends a page as brotli to a browser, a fifth of its size or less, and it decodes to the page', async () => {
		const res = await get('/page', 'gzip, deflate, br, zstd');
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers['vary']).toBe('Accept-Encoding');
		expect(res.headers['content-length']).toBeUndefined();
		expect(res.body.length).toBeLessThan(Buffer.byteLength(page) / 5);
		expect(zlib.brotliDecompressSync(res.body).toString()).toBe(page);
	});

	it('sends gzip to a client without brotli, and plain bytes to one that asks for neither', async () => {
		const gz = await get('/page', 'gzip');
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(zlib.gunzipSync(gz.body).toString()).toBe(page);
		const plain = await get('/page');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toBe('Accept-Encoding');
		expect(plain.body.toString()).toBe(page);
	});

	it(`leaves bodies under ${MIN_BYTES} bytes alone, with their length`, async () => {
		const res = await get('/tiny', 'br');
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.headers['content-length']).toBe('11');
		expect(res.body.toString()).toBe('{"ok":true}');
	});

	it('does not touch images, precompressed assets, no-transform bodies, redirects or HEAD', async () => {
		const png = await get('/png', 'br');
		expect(png.headers['content-encoding']).toBeUndefined();
		expect(png.body.length).toBe(5000);
		const pre = await get('/precompressed', 'br');
		expect(zlib.brotliDecompressSync(pre.body).toString()).toBe(page);
		const csv = await get('/no-transform', 'br');
		expect(csv.headers['content-encoding']).toBeUndefined();
		expect(csv.body.toString()).toBe(page);
		const redirect = await get('/redirect', 'br');
		expect(redirect.status).toBe(303);
		expect(redirect.headers.location).toBe('/page');
		const head = await get('/page', 'br', 'HEAD');
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(head.headers['vary']).toBe('Accept-Encoding');
		expect(head.body.length).toBe(0);
	});

	it('adds Accept-Encoding to an existing Vary rather than replacing it', async () => {
		const res = await get('/vary', 'br');
		expect(res.headers['vary']).toBe('Cookie, Accept-Encoding');
	});
});

describe('chooseEncoding', () => {
	it.each([
		[undefined, null],
		['', null],
		['identity', null],
		['gzip', 'gzip'],
		['br', 'br'],
		['gzip, br', 'br'],
		['br;q=0, gzip', 'gzip'],
		['br;q=0.2, gzip;q=0.8', 'gzip'],
		['*', 'br'],
		['*;q=0', null],
		['gzip;q=0, br;q=0', null],
		['GZIP', 'gzip'],
		['br;q=nonsense, gzip', 'gzip']
	])('%j → %j', (header, expected) => {
		expect(chooseEncoding(header)).toBe(expected);
	});
});
