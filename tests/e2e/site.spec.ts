import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../unit/helpers';
import { LOCALES, readDist, uiStrings } from './support/site';
import { LOCALE_PATH } from '../../src/lib/i18n/locales';

/** Sitemap, "page not found" with search, print stylesheet, sharing metadata (point 5). */

const SITE = 'https://exchange-help.example';

test.describe('sitemap', () => {
	const xml = readDist('sitemap-0.xml');
	const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

	test('lists every language’s pages, and only pages under a language', () => {
		for (const locale of LOCALES) {
			for (const page of ['', 'diagnostic/', 'dns/'])
				expect(locs).toContain(`${SITE}/${locale}/${page}`);
		}
		expect(
			locs.every(
				(loc) =>
					LOCALE_PATH.test(new URL(loc).pathname) &&
					loc.startsWith('https://exchange-help.example/')
			)
		).toBe(true);
	});

	test('leaves out page-not-found and the forwarding pages at old addresses', () => {
		expect(locs.some((loc) => loc.includes('/404'))).toBe(false);
		expect(locs.some((loc) => /exchange_diagnostic|que-faire|cosa_fare/.test(loc))).toBe(false);
		expect(locs).not.toContain(`${SITE}/`);
	});

	test('gives each page its alternates in the other languages', () => {
		const entry = xml.split('<url>').find((u) => u.includes(`<loc>${SITE}/it/dns/</loc>`))!;
		for (const locale of LOCALES)
			expect(entry).toContain(`hreflang="${locale}" href="${SITE}/${locale}/dns/"`);
	});

	test('is announced by the sitemap index and in each page’s head', () => {
		expect(readDist('sitemap-index.xml')).toContain(`${SITE}/sitemap-0.xml`);
		expect(readDist('fr/dns/index.html')).toContain(
			'<link rel="sitemap" href="/sitemap-index.xml"'
		);
	});
});

/** The title of /{lang}/diagnostic/, from its page's front matter. */
function diagnosticTitle(locale: string): string {
	const source = readFileSync(join(ROOT, 'src/content/docs', locale, 'diagnostic.mdx'), 'utf8');
	return /^title:\s*(.+)$/m.exec(source)![1]!.trim();
}

for (const locale of LOCALES) {
	const strings = uiStrings(locale);
	// A mistyped address made of two words of the diagnostic page's title in this language
	// (`/en/diagnostic-errors/`, `/fr/erreurs-diagnostic/`): its search must find that page.
	const titleWords = diagnosticTitle(locale)
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.split(/[^a-z]+/)
		.filter((word) => word.length > 5);
	const missed = `/${locale}/${titleWords.slice(0, 2).join('-')}/`;

	test.describe(`/${locale}/ page not found`, () => {
		test('a missed address under the language shows that language’s page, searching the address’s words', async ({
			page,
		}) => {
			await page.goto(missed);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByTestId('not-found-query')).toHaveValue(
				missed.split('/')[2]!.replace('-', ' ')
			);
			const results = page.getByTestId('not-found-results').locator('a');
			await expect(results.first()).toBeVisible();
			const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			expect(hrefs.some((href) => href?.startsWith(`/${locale}/diagnostic/`))).toBe(true);
			expect(hrefs.every((href) => href?.startsWith(`/${locale}/`))).toBe(true);
		});

		test('its search box finds a message and opens its anchor', async ({ page }) => {
			await page.goto(`/${locale}/404/`);
			await page.getByTestId('not-found-query').fill('mx1.mail.ovh.net');
			await page
				.locator('not-found-search')
				.getByRole('button', { name: strings['notFound.searchButton'], exact: true })
				.click();
			const first = page.getByTestId('not-found-results').locator('a').first();
			await expect(first).toHaveAttribute('href', `/${locale}/dns/#mx-hosted`);
			await first.click();
			await expect(page.locator('h3[id="mx-hosted"]')).toBeInViewport();
		});

		test('a search with no match says so in the page’s language, as text', async ({ page }) => {
			await page.goto(`/${locale}/404/`);
			// No indexed word starts with a Cyrillic letter, so Pagefind's prefix fallback finds nothing.
			const query = '<ж>жжж</ж>';
			await page.getByTestId('not-found-query').fill(query);
			await page
				.locator('not-found-search')
				.getByRole('button', { name: strings['notFound.searchButton'], exact: true })
				.click();
			const status = page.getByTestId('not-found-status');
			await expect(status).toContainText(strings['notFound.noResults'].split('{query}')[0]!.trim());
			await expect(status).toContainText(query);
			expect(await status.evaluate((el) => el.children.length)).toBe(0);
		});

		test('is kept out of search engines and the search index', async ({ page }) => {
			await page.goto(`/${locale}/404/`);
			await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', 'noindex');
			await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
		});
	});

	test(`/${locale}/diagnostic/ prints its content without the widgets, with each section’s anchor`, async ({
		page,
	}) => {
		await page.goto(`/${locale}/diagnostic/`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('h2[id="blocked"]')).toBeVisible();
		for (const widget of [
			'copy-link',
			'diagnostic-reader',
			'site-search',
			'header.header',
			'.error-jump-list',
			'nav.sidebar',
		]) {
			await expect(page.locator(widget).first(), widget).toBeHidden();
		}
		const after = await page
			.locator('h2[id="blocked"]')
			.evaluate((el) => getComputedStyle(el, '::after').content);
		expect(after).toContain('#blocked');
		// Light colours on paper, whatever the screen theme.
		const color = await page
			.locator('h2[id="blocked"]')
			.evaluate((el) => getComputedStyle(el).color);
		const [r, g, b] = color.match(/\d+/g)!.map(Number);
		expect(r! + g! + b!).toBeLessThan(200);
	});

	test(`/${locale}/dns/ prints its record tables`, async ({ page }) => {
		await page.goto(`/${locale}/dns/`);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('table[data-offer="hosted"]')).toBeVisible();
		await expect(page.locator('table[data-record="srv"]')).toBeVisible();
		await expect(page.locator('copy-link').first()).toBeHidden();
	});

	test(`/${locale}/diagnostic/ is shared with its own title, address and language`, async ({
		page,
	}) => {
		await page.goto(`/${locale}/diagnostic/`);
		const meta = (property: string) => page.locator(`head meta[property="${property}"]`);
		const title = (await page.locator('h1').first().textContent())!.trim();
		await expect(meta('og:title')).toHaveAttribute('content', title);
		await expect(meta('og:url')).toHaveAttribute('content', `${SITE}/${locale}/diagnostic/`);
		await expect(meta('og:locale')).toHaveAttribute(
			'content',
			{ en: 'en_US', fr: 'fr_FR', it: 'it_IT' }[locale]
		);
		await expect(meta('og:locale:alternate')).toHaveCount(2);
		await expect(meta('og:description')).toHaveAttribute('content', /.{40,}/);
		await expect(meta('og:site_name')).toHaveAttribute('content', /Exchange/);
		await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute(
			'content',
			'summary'
		);
		await expect(page).toHaveTitle(new RegExp(title));
	});
}

test('/404.html without JavaScript offers each language’s home page', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/no-such-page/');
	for (const locale of LOCALES) await expect(page.locator(`a[href="/${locale}/"]`)).toBeVisible();
	await context.close();
});

test('a missed address without a language opens page-not-found in the browser’s language', async ({
	browser,
}) => {
	const context = await browser.newContext({ locale: 'it-IT' });
	const page = await context.newPage();
	await page.goto('/record-mx/');
	await expect(page).toHaveURL(/\/it\/404\/\?from=/);
	await expect(page.getByTestId('not-found-query')).toHaveValue('record mx');
	await context.close();
});
