import { expect, test } from '@playwright/test';
import {
	LOCALES,
	errorMessages,
	search,
	uiStrings,
	withTypo,
	withoutAccents,
} from './support/site';

/**
 * Search (point 1 of issue #7): Pagefind, one index per language, queried with its own API on
 * the built site, and through Starlight's search box. "best" is the section Pagefind scores
 * highest, which our search box lists first under its page.
 */
for (const locale of LOCALES) {
	test.describe(`search in /${locale}/`, () => {
		test.beforeEach(async ({ page }) => {
			await page.goto(`/${locale}/diagnostic/`);
		});

		test('each exact diagnostic message opens its own error’s anchor', async ({ page }) => {
			for (const { anchor, messages } of errorMessages(locale)) {
				for (const message of messages) {
					const [first] = await search(page, message);
					expect(first?.best, message).toBe(`/${locale}/diagnostic/#${anchor}`);
				}
			}
		});

		test('a message typed without its accents still opens its anchor', async ({ page }) => {
			for (const { anchor, messages } of errorMessages(locale)) {
				for (const message of messages) {
					const [first] = await search(page, withoutAccents(message));
					expect(first?.best, withoutAccents(message)).toBe(`/${locale}/diagnostic/#${anchor}`);
				}
			}
		});

		test('a message with a typo in its longest word still opens its anchor', async ({ page }) => {
			for (const { anchor, messages } of errorMessages(locale)) {
				for (const message of messages) {
					const [first] = await search(page, withTypo(message));
					expect(first?.best, withTypo(message)).toBe(`/${locale}/diagnostic/#${anchor}`);
				}
			}
		});

		test('an MX host name finds the MX table of the records page first', async ({ page }) => {
			const [first] = await search(page, 'mx1.mail.ovh.net');
			expect(first?.page).toBe(`/${locale}/dns/`);
			expect(first?.best).toBe(`/${locale}/dns/#mx-hosted`);
		});

		test('an Exchange server name like ex5 finds where the server name is explained', async ({
			page,
		}) => {
			const [first] = await search(page, 'ex5');
			expect(first?.best).toBe(`/${locale}/diagnostic/#hostname`);
			const [full] = await search(page, 'ex5.mail.ovh.net');
			expect(full?.best).toBe(`/${locale}/diagnostic/#hostname`);
		});

		test('a status code finds its anchor on the codes page', async ({ page }) => {
			for (const [query, code] of [
				['5.1.1', '5.1.1'],
				['550 5.7.1', '5.7.1'],
			]) {
				const hits = await search(page, query!);
				expect(
					hits.map((h) => h.best),
					query
				).toContain(`/${locale}/ndr/#${code}`);
				expect(hits[0]?.best, query).toBe(`/${locale}/ndr/#${code}`);
			}
		});

		test('widgets, copy links and "see also" lists are not in the index', async ({ page }) => {
			const strings = uiStrings(locale);
			const hits = await search(
				page,
				errorMessages(locale).find((e) => e.messages.length)!.messages[0]!
			);
			const indexed = hits.find((h) => h.page === `/${locale}/diagnostic/`)!.content;
			for (const key of [
				'link.copy',
				'reader.hint',
				'reader.submit',
				'diag.jumpList',
				'diag.relatedLabel',
			] as const) {
				expect(indexed, key).not.toContain(strings[key]);
			}
			// Only the site's own pages are indexed: never "page not found" or a forwarding page.
			expect(hits.every((h) => h.page.startsWith(`/${locale}/`) && !h.page.includes('/404'))).toBe(
				true
			);
		});

		test('the search box lists the message’s section first and opens it at its heading', async ({
			page,
		}) => {
			const { anchor, messages } = errorMessages(locale).find((e) => e.anchor === 'password')!;
			await page.locator('button[data-open-modal]').click();
			await page.locator('#starlight__search input').fill(messages[0]!);
			const firstSection = page
				.locator('.pagefind-ui__result')
				.first()
				.locator('.pagefind-ui__result-nested a')
				.first();
			await expect(firstSection).toHaveAttribute('href', `/${locale}/diagnostic/#${anchor}`);
			await firstSection.click();
			await expect(page).toHaveURL(new RegExp(`/${locale}/diagnostic/#${anchor}$`));
			await expect(page.locator(`h2[id="${anchor}"]`)).toBeInViewport();
		});
	});
}

test('the search dialog opened at once after load fills in, load after load', async ({ page }) => {
	// Pressed as soon as the page's scripts have run, before its idle time: the search box
	// used to stay empty in about one load in five (src/components/search/idleDeadline.ts), and
	// at the second load with the CPU slowed down as below.
	const LOADS = 8;
	test.setTimeout(10_000 + LOADS * 6_000);
	// A slow device (and a busy machine) leaves the page little idle time: where the bug shows.
	const devtools = await page.context().newCDPSession(page);
	await devtools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	for (let load = 1; load <= LOADS; load++) {
		await page.goto('/en/diagnostic/', { waitUntil: 'commit' });
		await page.waitForFunction(() => customElements.get('site-search') !== undefined);
		await page.keyboard.press('Control+k');
		const box = page.locator('site-search dialog[open] input');
		await expect(box, `load ${load}`).toBeVisible({ timeout: 8_000 });
		await expect(box, `load ${load}`).toBeFocused();
	}
});
