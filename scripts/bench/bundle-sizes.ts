/**
 * JavaScript shipped per route, gzipped, read from the production build: for each page route, the client
 * entry (start + app) plus the route's layout and page nodes and everything they import statically — what a
 * browser fetches on a first visit. Dynamic imports are left out (they load only when used).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ViteChunk {
	file: string;
	name?: string;
	imports?: string[];
	css?: string[];
}

interface ServerRoute {
	id: string;
	page: { layouts: (number | undefined)[]; leaf: number } | null;
}

export interface RouteBundle {
	route: string;
	files: number;
	jsBytes: number;
	jsGzipBytes: number;
}

const OUTPUT = '.svelte-kit/output';

export async function routeBundleSizes(): Promise<RouteBundle[]> {
	const vite: Record<string, ViteChunk> = JSON.parse(
		readFileSync(join(OUTPUT, 'client/.vite/manifest.json'), 'utf8')
	);
	const { manifest } = await import(pathToFileURL(join(process.cwd(), OUTPUT, 'server/manifest.js')).href);
	const routes: ServerRoute[] = manifest._.routes;

	const byName = (name: string) => Object.entries(vite).find(([, c]) => c.name === name)?.[0];
	const entries = ['entry/start', 'entry/app'].map(byName).filter((k): k is string => !!k);
	const gzipCache = new Map<string, { raw: number; gz: number }>();
	const sizeOf = (file: string) => {
		let s = gzipCache.get(file);
		if (!s) {
			const bytes = readFileSync(join(OUTPUT, 'client', file));
			s = { raw: bytes.length, gz: gzipSync(bytes).length };
			gzipCache.set(file, s);
		}
		return s;
	};

	const closure = (keys: string[]) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key) || !vite[key]) return;
			seen.add(key);
			for (const i of vite[key].imports ?? []) visit(i);
		};
		keys.forEach(visit);
		return [...seen].map((k) => (vite[k] as ViteChunk).file).filter((f) => f.endsWith('.js'));
	};

	return routes
		.filter((r) => r.page)
		.map((r) => {
			const page = r.page as NonNullable<ServerRoute['page']>;
			const nodes = [...page.layouts.filter((n): n is number => n !== undefined), page.leaf].map(
				(n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`
			);
			const files = closure([...entries, ...nodes]);
			const totals = files
				.map(sizeOf)
				.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz }), { raw: 0, gz: 0 });
			return { route: r.id, files: files.length, jsBytes: totals.raw, jsGzipBytes: totals.gz };
		})
		.sort((a, b) => a.route.localeCompare(b.route));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	for (const r of await routeBundleSizes()) {
		console.log(
			`${r.route.padEnd(60)} ${(r.jsGzipBytes / 1024).toFixed(1).padStart(6)} kB gz  (${r.files} files)`
		);
	}
}
