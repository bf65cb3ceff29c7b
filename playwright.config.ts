import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Journeys run against the production build (`vite build` first; scripts/test.js does it). Browsers come
 * from Debian's chromium (CHROMIUM_PATH overrides); Playwright's own browser is the fallback elsewhere.
 */
const chromiumPath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const port = Number(process.env.E2E_PORT || 4173);
const dbFile = join(tmpdir(), `sourcebook-e2e-${process.pid}.db`);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	timeout: 60_000,
	reporter: [
		['list'],
		['json', { outputFile: process.env.PLAYWRIGHT_JSON_FILE || 'reports/playwright.json' }]
	],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: chromiumPath,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: 'node server',
		port,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			// adapter-node assumes https without it, and form posts would fail SvelteKit's origin (CSRF) check.
			ORIGIN: `http://localhost:${port}`,
			// E2E_DATABASE_URL=postgres://… runs the journeys against PostgreSQL instead (docs/classes.md).
			DATABASE_URL: process.env.E2E_DATABASE_URL || `file:${dbFile}`,
			E2E_TEST_HOOKS: '1',
			// The treaty module and the test fixture module (tests/fixture-content): journeys show that a second
			// module is served with no code change. `npm start` serves questions/ only.
			CONTENT_DIR: ['questions', join('tests', 'fixture-content')].join(delimiter),
			// Instructor sign-up is guarded by this instance setting (docs/classes.md).
			INSTRUCTOR_CODE: 'e2e-instructor-code'
		}
	}
});
