import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// CSRF protection stays on (the default): form posts must come from our own origin.
		csrf: { trustedOrigins: [] },
		// Issue 12, finding 6. SvelteKit adds a hash (prerendered) or a nonce (rendered) for each inline script
		// it writes, so no other inline script runs. Styles allow inline `style` attributes (Svelte sets some);
		// frame-ancestors is set at run time from FRAME_ANCESTORS (hooks.server.ts, docs/security.md).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		}
	}
};

export default config;
