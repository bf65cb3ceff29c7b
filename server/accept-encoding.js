/**
 * Picks the response encoding from a request's Accept-Encoding header: brotli when the client accepts it,
 * else gzip, else none. Honours q-values (`br;q=0` refuses brotli) and `*`; identity is always acceptable
 * unless refused, and we never refuse to answer, so a client that refuses everything still gets plain bytes.
 */

/** @param {string | undefined} header @returns {'br' | 'gzip' | null} */
export function chooseEncoding(header) {
	if (!header) return null;
	/** @type {Map<string, number>} */
	const q = new Map();
	for (const part of header.split(',')) {
		const [rawName, ...params] = part.trim().split(';');
		const name = (rawName ?? '').trim().toLowerCase();
		if (!name) continue;
		let weight = 1;
		for (const param of params) {
			const [key, value] = param.trim().split('=');
			if (key?.trim().toLowerCase() === 'q') {
				const parsed = Number(value);
				weight = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
			}
		}
		q.set(name, weight);
	}
	const weightOf = (/** @type {string} */ name) => q.get(name) ?? q.get('*') ?? 0;
	const br = weightOf('br');
	const gzip = weightOf('gzip');
	if (br > 0 && br >= gzip) return 'br';
	if (gzip > 0) return 'gzip';
	return null;
}
