import { expect, test } from './test';
import { expectNoAxeViolations } from './axe';

test.describe('catalog and reader', () => {
	test('catalog → source → a citation link shows the highlighted, focused passage', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
		await expect(
			page.getByRole('heading', { name: /Treaty on Comprehensive Strategic Partnership/ })
		).toBeVisible();
		await expect(page.getByText('Trace the treaty lineage')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'The global ramifications of the Russia-North Korea pact' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'The global ramifications of the Russia-North Korea pact' })
		).toBeVisible();
		await expect(page.getByText('Zorigt Dashdorj', { exact: true })).toBeVisible();
		await expect(page.locator('#p11')).toContainText('nuclear umbrella');
		// Paragraph numbers are what citations point at: they must stay put.
		await expect(page.locator('#p7')).toContainText('on July 19, 2024');
		await expectNoAxeViolations(page);
	});

	test('a citation link highlights exactly the cited words and moves focus there', async ({ page }) => {
		const quote = 'Russia’s Federation Council ratified on Wednesday';
		await page.goto(`/modules/treaty-2024/sources/sputnik-report?p=1&from=19&to=${19 + quote.length}#cited`);
		const mark = page.locator('mark#cited');
		await expect(mark).toHaveText(quote);
		await expect(mark).toBeFocused();
		await expect(mark).toBeInViewport();
		await expect(page.getByRole('status')).toContainText('highlighted in paragraph 1');
		await expectNoAxeViolations(page);
	});

	test('a stale citation link says so instead of highlighting the wrong words', async ({ page }) => {
		await page.goto('/modules/treaty-2024/sources/sputnik-report?p=999&from=0&to=10');
		await expect(page.getByText('That passage could not be found')).toBeVisible();
		await expect(page.locator('mark')).toHaveCount(0);
	});

	test('the two sources side by side', async ({ page }) => {
		await page.goto('/modules/treaty-2024/compare');
		await expect(page.getByRole('heading', { level: 1, name: 'Compare sources' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: /global ramifications/ })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: /Federation Council ratifies/ })).toBeVisible();
		await expectNoAxeViolations(page);
		const response = await page.goto('/modules/treaty-2024/compare?left=nope');
		expect(response?.status()).toBe(400);
	});

	test('unknown sources are a 404', async ({ page }) => {
		const response = await page.goto('/modules/treaty-2024/sources/nope');
		expect(response?.status()).toBe(404);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('catalog, reader and a highlighted citation work without JavaScript', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: /Federation Council ratifies/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Federation Council');
		await page.goto('/modules/treaty-2024/sources/gis-analysis?p=7&from=0&to=20#cited');
		await expect(page.locator('mark#cited')).toHaveText('The signing of the “');
		await expect(page.locator('mark#cited')).toBeInViewport();
		await page.goto('/modules/treaty-2024/compare');
		await page.getByLabel('Left').selectOption('sputnik-report');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/left=sputnik-report/);
	});
});
