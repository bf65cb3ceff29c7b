/**
 * Lighthouse 12 mobile scores (performance, accessibility, best practices) for pages of a running server,
 * in Debian's chromium (CHROMIUM_PATH overrides). Used by `npm run bench` (best of three per page, against budgets.json).
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface LighthouseScores {
	url: string;
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
}

const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export function chromiumPath(): string | undefined {
	return process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Scores each URL in turn in one browser; `headers` (e.g. a session cookie) go with every request. */
export async function lighthouseScores(
	urls: string[],
	headers: Record<string, string> = {}
): Promise<LighthouseScores[]> {
	const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: CHROME_FLAGS });
	try {
		const out: LighthouseScores[] = [];
		for (const url of urls) {
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices'],
				extraHeaders: headers,
				formFactor: 'mobile'
			});
			const lhr = result?.lhr;
			if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
			const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
			out.push({
				url,
				performance: score('performance'),
				accessibility: score('accessibility'),
				bestPractices: score('best-practices'),
				lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
				tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0)
			});
		}
		return out;
	} finally {
		chrome.kill();
	}
}

if (process.argv[1]?.endsWith('lighthouse.ts')) {
	const urls = process.argv.slice(2);
	console.table(await lighthouseScores(urls));
}
