/**
 * Compresses what the app renders (HTML pages, __data.json, JSON endpoints, CSV exports) for deployments with
 * no proxy in front. adapter-node already serves the built static files precompressed (the .br/.gz files the
 * build writes beside each asset), so a response that arrives here with a Content-Encoding is left alone.
 *
 * The decision waits for the body: writes are held until MIN_BYTES have arrived (then the response is
 * compressed and streams on) or the response ends (a smaller body goes out as it is, with its length). Only
 * compressible types; never for HEAD, 204/304, or `Cache-Control: no-transform`. Every response that could have
 * been compressed carries `Vary: Accept-Encoding`, so a shared cache never hands a brotli body to a client that
 * cannot read it. Brotli runs at quality 4: on our pages it comes within a few per cent of quality 11's size at a
 * small fraction of its CPU, which matters on two cores under a classroom's load. Each write is flushed through,
 * so a streamed page still reaches the browser chunk by chunk.
 */
import zlib from 'node:zlib';
import { chooseEncoding } from './accept-encoding.js';

export const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|x-ndjson)|image\/svg\+xml)/i;

/** @param {'br' | 'gzip'} encoding */
function createEncoder(encoding) {
	return encoding === 'br'
		? zlib.createBrotliCompress({
				flush: zlib.constants.BROTLI_OPERATION_FLUSH,
				params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 }
			})
		: zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH, level: 6 });
}

/** @param {import('node:http').ServerResponse} res */
function addVary(res) {
	const vary = res.getHeader('Vary');
	const current = Array.isArray(vary) ? vary.join(', ') : String(vary ?? '');
	const names = current.split(',').map((v) => v.trim().toLowerCase());
	if (names.includes('accept-encoding') || names.includes('*')) return;
	res.setHeader('Vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

/** Whether this response's body is of a kind we compress (a HEAD or 304 still says so, in its Vary). */
function compressibleKind(/** @type {import('node:http').ServerResponse} */ res) {
	if (res.getHeader('Content-Encoding')) return false;
	if (!COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? ''))) return false;
	return !/\bno-transform\b/i.test(String(res.getHeader('Cache-Control') ?? ''));
}

/** @param {unknown} chunk @param {unknown} encoding */
function toBuffer(chunk, encoding) {
	if (Buffer.isBuffer(chunk)) return chunk;
	if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
	const charset = typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8';
	return Buffer.from(String(chunk), charset);
}

/**
 * Wraps one response so that its body goes through brotli or gzip when that pays. Call before the handler.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function compressResponse(req, res) {
	const accept = req.headers['accept-encoding'];
	const encoding = chooseEncoding(Array.isArray(accept) ? accept.join(',') : accept);
	const rawWriteHead = res.writeHead.bind(res);
	const rawWrite = res.write.bind(res);
	const rawEnd = res.end.bind(res);

	/** 'head' until the head is written, then 'held' while body bytes wait, then 'plain' or 'compressed'. */
	let phase = 'head';
	/** @type {Buffer[]} */
	let held = [];
	let heldBytes = 0;
	/** @type {import('node:zlib').BrotliCompress | import('node:zlib').Gzip | null} */
	let encoder = null;

	const startPlain = () => {
		phase = 'plain';
		rawWriteHead(res.statusCode);
		for (const chunk of held) rawWrite(chunk);
		held = [];
	};
	const startCompressed = (/** @type {'br' | 'gzip'} */ chosen) => {
		phase = 'compressed';
		res.removeHeader('Content-Length');
		res.setHeader('Content-Encoding', chosen);
		rawWriteHead(res.statusCode);
		const stream = createEncoder(chosen);
		encoder = stream;
		stream.on('data', (/** @type {Buffer} */ data) => {
			// Back-pressure from the socket pauses the encoder; its input then buffers in memory, which our
			// bodies (pages, JSON, CSV exports) can afford.
			if (!rawWrite(data)) {
				stream.pause();
				res.once('drain', () => stream.resume());
			}
		});
		stream.on('end', () => rawEnd());
		stream.on('error', (error) => res.destroy(error));
		for (const chunk of held) stream.write(chunk);
		held = [];
	};

	// writeHead only records the status and headers: the real head goes out once the body size is known.
	res.writeHead = (status, ...rest) => {
		if (phase !== 'head') return res;
		res.statusCode = status;
		const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
		if (Array.isArray(headers)) {
			for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]);
		} else if (headers) {
			for (const [name, value] of Object.entries(headers)) {
				if (value !== undefined) res.setHeader(name, value);
			}
		}
		phase = 'held';
		if (!compressibleKind(res)) return (startPlain(), res);
		addVary(res);
		const noBody = req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
		const declared = Number(res.getHeader('Content-Length'));
		const small = Number.isFinite(declared) && declared > 0 && declared < MIN_BYTES;
		if (noBody || !encoding || small) startPlain();
		return res;
	};

	// @ts-expect-error -- as above
	res.write = (chunk, encodingOrCallback, callback) => {
		if (phase === 'head') res.writeHead(res.statusCode);
		if (phase === 'plain') return rawWrite(chunk, encodingOrCallback, callback);
		const buffer = toBuffer(chunk, encodingOrCallback);
		if (phase === 'held') {
			held.push(buffer);
			heldBytes += buffer.length;
			if (heldBytes >= MIN_BYTES && encoding) startCompressed(encoding);
		} else encoder?.write(buffer);
		const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
		if (typeof done === 'function') process.nextTick(done);
		return true;
	};

	// @ts-expect-error -- as above
	res.end = (chunk, encodingOrCallback, callback) => {
		const done = [chunk, encodingOrCallback, callback].find((arg) => typeof arg === 'function');
		if (done) res.once('finish', done);
		const body =
			chunk !== undefined && chunk !== null && typeof chunk !== 'function'
				? toBuffer(chunk, encodingOrCallback)
				: null;
		if (phase === 'head') res.writeHead(res.statusCode);
		if (phase === 'held') {
			if (body) {
				held.push(body);
				heldBytes += body.length;
			}
			if (heldBytes >= MIN_BYTES && encoding) startCompressed(encoding);
			else {
				if (!res.hasHeader('Content-Length')) res.setHeader('Content-Length', heldBytes);
				startPlain();
				rawEnd();
				return res;
			}
			encoder?.end();
			return res;
		}
		if (phase === 'plain') return body ? rawEnd(body) : rawEnd();
		if (body) encoder?.write(body);
		encoder?.end();
		return res;
	};
}
