import { expect, test } from '@playwright/test';
import { LOCALES as LANGUAGES } from '../../src/lib/i18n/locales';
import { parse as parseHtml } from 'ultrahtml';
import { querySelector } from 'ultrahtml/selector';
import { LOCALES, readDist } from './support/site';

test.describe('language choice', () => {
	for (const [browserLocale, site] of [
		['fr-FR', 'fr'],
		['it-IT', 'it'],
		['en-GB', 'en'],
		['de-DE', 'en'],
	] as const) {
		test(`/ sends a ${browserLocale} browser to /${site}/`, async ({ browser }) => {
			const context = await browser.newContext({ locale: browserLocale });
			const page = await context.newPage();
			await page.goto('/');
			await expect(page).toHaveURL(new RegExp(`/${site}/$`));
			await expect(page.locator('html')).toHaveAttribute('lang', site);
			await context.close();
		});
	}

	test('/ keeps the query and the anchor when it redirects', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'it-IT' });
		const page = await context.newPage();
		await page.goto('/?x=1#mx');
		await expect(page).toHaveURL(/\/it\/\?x=1#mx$/);
		await context.close();
	});

	test('/ without JavaScript offers a plain link to each language', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		for (const code of LOCALES) await expect(page.locator(`a[href="/${code}/"]`)).toBeVisible();
		await context.close();
	});

	test('the language picker keeps the page and the anchor', async ({ page }) => {
		await page.goto('/en/diagnostic/#mx');
		await page.locator('starlight-lang-select select').first().selectOption({ label: 'Français' });
		await expect(page).toHaveURL(/\/fr\/diagnostic\/#mx$/);
		await expect(page.locator('h2[id="mx"]')).toBeInViewport();
	});
});

test.describe('each page’s language', () => {
	const SITE = 'https://exchange-help.example';
	// Read from the built pages: nothing on the page changes these head elements at run time.
	for (const locale of LOCALES) {
		test(`/${locale}/ pages declare lang="${LANGUAGES[locale].lang}" and link the same page in every language`, () => {
			for (const page of ['', 'diagnostic/', 'dns/']) {
				const doc = parseHtml(readDist(`${locale}/${page}index.html`));
				const attr = (selector: string, name: string) =>
					querySelector(doc, selector)?.attributes?.[name];
				expect(attr('html', 'lang'), page).toBe(LANGUAGES[locale].lang);
				for (const other of LOCALES) {
					expect(
						attr(`head link[rel="alternate"][hreflang="${LANGUAGES[other].lang}"]`, 'href'),
						`${page} -> ${other}`
					).toBe(`${SITE}/${other}/${page}`);
				}
				expect(attr('head link[rel="alternate"][hreflang="x-default"]', 'href'), page).toBe(
					`${SITE}/en/${page}`
				);
				expect(attr('head link[rel="canonical"]', 'href'), page).toBe(`${SITE}/${locale}/${page}`);
			}
		});
	}

	// Each language to the next one, in a circle: every language's picker is used once.
	for (const [from, to, label] of LOCALES.map((code, i) => {
		const next = LOCALES[(i + 1) % LOCALES.length]!;
		return [code, next, LANGUAGES[next].label] as const;
	})) {
		test(`the picker on /${from}/dns/#srv-record opens /${to}/dns/#srv-record at the same section`, async ({
			page,
		}) => {
			await page.goto(`/${from}/dns/#srv-record`);
			await page.locator('starlight-lang-select select').first().selectOption({ label });
			await expect(page).toHaveURL(new RegExp(`/${to}/dns/#srv-record$`));
			await expect(page.locator('html')).toHaveAttribute('lang', LANGUAGES[to].lang);
			await expect(page.locator('h2[id="srv-record"]')).toBeInViewport();
		});
	}
});
