import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { errorMessages, LOCALES, type Locale } from './support/site';
import { sitePages } from './support/dist';
import { CONTENT } from '../unit/helpers';

/**
 * "On this page" (Starlight's table of contents, src/routeData.ts): the sections components
 * render are listed, in every language, and the highlight follows them as the reader scrolls.
 */

/** The anchors support links to, in the order the diagnostic page gives them (DESIGN.md). */
const DIAGNOSTIC_ORDER = [
	'blocked',
	'expired',
	'security-policy',
	'password',
	'mx',
	'srv',
	'send-failed',
	'not-received',
	'hostname',
];

const tocLinks = (page: Page) =>
	page
		.locator('starlight-toc nav a')
		.evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href') ?? '')));

/** The article's h2/h3 with an id, as Starlight's highlight looks for them. */
const articleHeadings = (page: Page) =>
	page
		.locator('main .sl-markdown-content')
		.locator(':is(h2, h3)[id]')
		.evaluateAll((headings) => headings.map((h) => `#${h.id}`));

function subjectName(locale: Locale, subject: string): string {
	const text = JSON.parse(readFileSync(join(CONTENT, 'ndr', 'text', `${locale}.json`), 'utf8'));
	return text.subjects[subject].name;
}

const pagesWithToc = sitePages().filter(
	(path) => /^\/[a-z]{2}\/.+/.test(path) && !path.includes('/404')
);

for (const locale of LOCALES) {
	test.describe(`On this page in /${locale}/`, () => {
		test('every section heading of every page is listed, in page order', async ({ page }) => {
			const paths = pagesWithToc.filter((path) => path.startsWith(`/${locale}/`));
			test.setTimeout(10_000 + paths.length * 10_000);
			for (const path of paths) {
				await page.goto(path);
				if ((await page.locator('starlight-toc').count()) === 0) continue;
				const links = await tocLinks(page);
				expect(links[0], path).toBe('#_top');
				expect(links.slice(1), path).toEqual(await articleHeadings(page));
			}
		});

		test('the diagnostic page lists its nine errors by title', async ({ page }) => {
			await page.goto(`/${locale}/diagnostic/`);
			const links = await tocLinks(page);
			const errors = links.filter((href) => DIAGNOSTIC_ORDER.includes(href.slice(1)));
			expect(errors).toEqual(DIAGNOSTIC_ORDER.map((anchor) => `#${anchor}`));
			const mx = errorMessages(locale).find((e) => e.anchor === 'mx')!;
			await expect(page.locator('starlight-toc a[href="#mx"]')).toHaveText(mx.title);
		});

		test('the DNS page lists the checker and the record tables', async ({ page }) => {
			await page.goto(`/${locale}/dns/`);
			const links = await tocLinks(page);
			for (const anchor of ['#check', '#mx-records', '#mx-hosted', '#mx-private', '#srv-record'])
				expect(links, anchor).toContain(anchor);
		});

		test('the codes page lists classes and subjects, not each code', async ({ page }) => {
			await page.goto(`/${locale}/ndr/`);
			const links = await tocLinks(page);
			for (const anchor of ['#2.x.x', '#4.x.x', '#5.x.x', '#4.4.x', '#5.1.x', '#5.7.x'])
				expect(links, anchor).toContain(anchor);
			expect(links).not.toContain('#5.7.1');
			await expect(page.locator('starlight-toc a[href="#5.7.x"]')).toHaveText(
				`5.7.x ${subjectName(locale, '7')}`
			);
		});

		test('the highlight follows the errors as the page scrolls', async ({ page }) => {
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.goto(`/${locale}/diagnostic/`);
			const current = page.locator('starlight-toc a[aria-current="true"]');
			await expect(current).toHaveAttribute('href', '#_top');
			for (const anchor of ['mx', 'hostname', 'password']) {
				await page.locator(`h2[id="${anchor}"]`).evaluate((h) => h.scrollIntoView());
				await expect(current, anchor).toHaveAttribute('href', `#${anchor}`);
			}
		});

		test('the phone bar names the section at a status code and at an error', async ({ page }) => {
			await page.setViewportSize({ width: 390, height: 844 });
			const bar = page.locator('mobile-starlight-toc .display-current');
			await page.goto(`/${locale}/ndr/#5.7.1`);
			await expect(bar).toHaveText(`5.7.x ${subjectName(locale, '7')}`);
			await page.goto(`/${locale}/diagnostic/#mx`);
			await expect(bar).toHaveText(errorMessages(locale).find((e) => e.anchor === 'mx')!.title);
		});
	});
}
