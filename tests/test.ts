/**
 * The `test` every journey uses: Playwright's, plus a check that no page threw an uncaught error while the
 * test ran. A Svelte hydration crash (say, duplicate keys in a keyed each) leaves server-rendered HTML that
 * looks right in a screenshot but has stopped working; this makes such a page fail its journey.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ noUncaughtPageErrors: void }>({
	noUncaughtPageErrors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			const watch = (page: import('@playwright/test').Page) =>
				page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
			context.pages().forEach(watch);
			context.on('page', watch);
			await use();
			expect(errors, 'uncaught errors in the page').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
export type { APIRequestContext, Browser, Page, Response } from '@playwright/test';
