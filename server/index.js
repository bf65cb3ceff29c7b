/**
 * The production server: adapter-node's request handler (build/handler.js) behind our own compression
 * (server/compression.js), on plain node:http. `npm start`, the journeys, the bench and the load test all run
 * this file. It reads the same settings as adapter-node's own entry: PORT, HOST, SHUTDOWN_TIMEOUT,
 * KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT (ORIGIN and the rest are read by the handler itself).
 * COMPRESSION=off serves uncompressed, for a proxy that compresses or for measuring what compression costs.
 */
import http from 'node:http';
import process from 'node:process';
import { compressResponse } from './compression.js';

// Loaded by URL, not by a static import: build/ exists only after `vite build`, and a static import would
// make the type check (which runs before the build in npm test) follow it into adapter-node's bundle.
/** @type {{ handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void }} */
const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT || 30);
const compress = process.env.COMPRESSION !== 'off';

const server = http.createServer((req, res) => {
	if (compress) compressResponse(req, res);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
if (process.env.KEEP_ALIVE_TIMEOUT) server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT) * 1000;
if (process.env.HEADERS_TIMEOUT) server.headersTimeout = Number(process.env.HEADERS_TIMEOUT) * 1000;

server.listen(port, host, () => {
	console.log(`Listening on http://${host}:${port}${compress ? '' : ' (compression off)'}`);
});

/** Finish what is in flight, then let the app close its database (the 'sveltekit:shutdown' event). */
let stopping = false;
function shutdown(/** @type {string} */ reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => {
		// @ts-expect-error -- adapter-node's custom event, which hooks.server.ts may listen for
		process.emit('sveltekit:shutdown', reason);
	});
	setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
