/**
 * Phones: no page scrolls sideways at 320 px or 390 px, in any language or theme, neither as it
 * loads nor with a widget's result on show; tables that may scroll are labelled, focusable regions
 * that say so; the header's site name is never cut.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, sitePages } from './support/dist';
import { PHONE_WIDTHS, THEMES, sidewaysScroll, switchTheme, useTheme } from './support/layout';

const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

async function expectNoSidewaysScroll(page: Page, what: string) {
	for (const width of PHONE_WIDTHS) {
		await page.setViewportSize({ width, height: 800 });
		const { overflow, culprits } = await sidewaysScroll(page);
		expect(
			overflow,
			`${what} at ${width} px scrolls sideways: ${culprits.join(', ')}`
		).toBeLessThanOrEqual(0);
	}
}

test.describe('no page scrolls sideways on a phone', () => {
	// One load per page, opened in the first theme (as a reader who chose it) and switched to the
	// other: a theme changes colours and icons, and a wider icon or label would show here.
	for (const path of sitePages()) {
		test(`${path} (${THEMES.join(' and ')})`, async ({ page }) => {
			const [first, ...others] = THEMES;
			await useTheme(page, first);
			await page.setViewportSize({ width: 320, height: 800 });
			await page.goto(path);
			await expectNoSidewaysScroll(page, `${path} (${first})`);
			for (const theme of others) {
				await switchTheme(page, theme);
				await expectNoSidewaysScroll(page, `${path} (${theme})`);
			}
		});
	}
});

test.describe('widgets with their results on a phone', () => {
	test.beforeEach(async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 800 });
	});

	for (const locale of LOCALES) {
		test(`the DNS report of a domain with wrong records (${locale})`, async ({ page }) => {
			const query = new URLSearchParams({
				domain: 'mixed.example.test',
				server: 'ex5.mail.ovh.net',
				resolver: `${RELAY}/dns-query`,
			});
			await page.goto(`/${locale}/dns/?${query}`);
			await expect(page.getByTestId('dns-report')).toHaveAttribute('data-state', 'done');
			await page
				.locator('dns-checker details')
				.evaluate((d) => ((d as HTMLDetailsElement).open = true));
			await expectNoSidewaysScroll(page, `/${locale}/dns/ with its report`);
		});

		test(`the bounce analyzer's verdict (${locale})`, async ({ page }) => {
			await page.goto(`/${locale}/ndr/`);
			await page
				.getByTestId('ndr-file')
				.setInputFiles(join(FIXTURES, 'bounces', 'multi-recipient.eml'));
			await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
			await expect(page.getByTestId('ndr-recipient').first()).toBeVisible();
			await expectNoSidewaysScroll(page, `/${locale}/ndr/ with a verdict`);
		});

		test(`the diagnostic reader's result (${locale})`, async ({ page }) => {
			await page.goto(`/${locale}/diagnostic/`);
			await page
				.getByTestId('diag-input')
				.fill(readFileSync(join(FIXTURES, 'diagnostic', `${locale}.txt`), 'utf8'));
			await page.locator('diagnostic-reader button[type="submit"]').click();
			await expect(page.getByTestId('diag-result').first()).toBeVisible();
			await expectNoSidewaysScroll(page, `/${locale}/diagnostic/ with a result`);
		});

		test(`the decision tree's DNS check with its verdict (${locale})`, async ({ page }) => {
			const query = new URLSearchParams({ step: 'mx', resolver: `${RELAY}/dns-query` });
			await page.goto(`/${locale}/troubleshooting/?${query}`);
			const form = page.locator('section[data-step="mx"] form');
			await form.getByTestId('tree-domain').fill('foreign.example.test');
			await form.getByTestId('tree-run').click();
			await expect(form.getByTestId('tree-verdict')).toHaveAttribute('data-state', 'done');
			await expectNoSidewaysScroll(page, `/${locale}/troubleshooting/ with a verdict`);
		});
	}
});

test.describe('record tables on a phone', () => {
	for (const locale of LOCALES) {
		test(`every value is whole and each table is a labelled region that can scroll (${locale})`, async ({
			page,
		}) => {
			await page.setViewportSize({ width: 320, height: 800 });
			await page.goto(`/${locale}/dns/`);
			const regions = page.locator('.table-scroll');
			await expect(regions).toHaveCount(3);
			for (const region of await regions.all()) {
				await expect(region).toHaveAttribute('role', 'region');
				await expect(region).toHaveAttribute('tabindex', '0');
				// A name that says which table it is (its heading), not just "region".
				expect(await region.evaluate((r) => r.getAttribute('aria-labelledby'))).toBeTruthy();
			}
			await expect(page.getByRole('region', { name: /SRV/ })).toHaveCount(1);
			// Values are never cut: each one lies inside its table's visible area, with no ellipsis.
			const cut = await page.locator('.records-table code').evaluateAll((codes) =>
				codes
					.filter((code) => {
						const region = code.closest('.table-scroll')!.getBoundingClientRect();
						const box = code.getBoundingClientRect();
						return (
							box.right > region.right + 0.5 ||
							box.left < region.left - 0.5 ||
							code.scrollWidth > code.clientWidth + 1 ||
							getComputedStyle(code).textOverflow === 'ellipsis'
						);
					})
					.map((code) => code.textContent)
			);
			expect(cut).toEqual([]);
			await expect(
				page.locator('.records-table code', { hasText: '_autodiscover._tcp.example.com' })
			).toBeVisible();
			// At 320 px they fit, so none says it scrolls.
			for (const hint of await page.locator('.table-scroll-hint').all())
				await expect(hint).toBeHidden();
		});
	}

	test('a table wider than the screen says it scrolls, and scrolls from the keyboard', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto('/en/dns/');
		// A table made wider than any phone, as a longer value or a larger font would make it.
		await page.addStyleTag({ content: '[data-record="srv"] { min-width: 40rem; }' });
		const region = page.getByRole('region', { name: /SRV/ });
		const hint = region.locator('.table-scroll-hint');
		await expect(hint).toBeVisible();
		await expect(hint).toHaveText('Scroll the table sideways to see every value.');
		await region.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
		expect((await sidewaysScroll(page)).overflow).toBeLessThanOrEqual(0);
	});
});

test.describe("the header's site name on a phone", () => {
	for (const locale of LOCALES) {
		for (const width of PHONE_WIDTHS) {
			test(`is shown whole at ${width} px (${locale})`, async ({ page }) => {
				await page.setViewportSize({ width, height: 800 });
				await page.goto(`/${locale}/diagnostic/`);
				const title = page.locator('.site-title span');
				const fits = await title.evaluate((span) => {
					const wrapper = span.closest('.title-wrapper')!.getBoundingClientRect();
					const box = span.getBoundingClientRect();
					const header = document.querySelector('header.header')!.getBoundingClientRect();
					return {
						// Nothing hidden inside the name's own box, nor cut by the header's wrapper.
						inside: span.scrollWidth <= span.clientWidth && box.right <= wrapper.right + 0.5,
						withinHeader: box.top >= header.top && box.bottom <= header.bottom,
					};
				});
				expect(fits).toEqual({ inside: true, withinHeader: true });
				// Each word whole on a line: a word cut across lines would make one line's text a part of a word.
				const name = (await title.textContent())!.trim();
				const lines = await title.evaluate((span) => {
					const text = span.firstChild!;
					const content = text.textContent!;
					const range = document.createRange();
					const tops = new Map<number, string>();
					for (let i = 0; i < content.length; i++) {
						range.setStart(text, i);
						range.setEnd(text, i + 1);
						const box = range.getClientRects()[0];
						if (!box || box.width === 0) continue;
						const top = Math.round(box.top);
						tops.set(top, (tops.get(top) ?? '') + content[i]);
					}
					return [...tops.values()].map((line) => line.trim()).filter(Boolean);
				});
				const words = name.split(/\s+/);
				for (const line of lines)
					for (const word of line.split(/\s+/)) expect(words).toContain(word);
			});
		}
	}
});
