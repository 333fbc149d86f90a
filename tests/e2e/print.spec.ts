/**
 * Print (src/styles/print.css): every type of page prints its content alone (no header, sidebar,
 * search, table of contents, form or button), nothing is cut at the page's edge, and a widget's
 * result, once shown, is printed. Page types come from the built site, so a new page is covered.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, pageType, sitePages } from './support/dist';

const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** An A4 page's printable width at 96 dpi with Chromium's default margins (about 18 cm). */
const PAPER = { width: 680, height: 960 };

/** One page of each type, in each language where the type has one. */
const SAMPLES = (() => {
	const byType = new Map<string, string[]>();
	for (const path of sitePages()) {
		const type = pageType(path);
		const paths = byType.get(type) ?? [];
		if (!paths.some((p) => p.split('/')[1] === path.split('/')[1])) paths.push(path);
		byType.set(type, paths);
	}
	return [...byType].flatMap(([type, paths]) => paths.map((path) => ({ type, path })));
})();

/** What must not be on paper, and what sticks out of the paper's width. */
async function printProblems(page: Page) {
	return page.evaluate(() => {
		const shown = (element: Element) => {
			const box = element.getBoundingClientRect();
			// Screen-reader-only text (1 px, clipped) is not on paper.
			if (element.closest('.sr-only')) return false;
			return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility !== 'hidden';
		};
		const chrome = [
			'header.header',
			'nav.sidebar',
			'site-search',
			'starlight-toc',
			'mobile-starlight-toc',
			'copy-link',
			'button',
			'input',
			'select',
			'textarea',
			'label',
		]
			.flatMap((selector) => [...document.querySelectorAll(selector)].filter(shown))
			.map(
				(e) =>
					`${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''}`
			);
		const width = document.documentElement.clientWidth;
		const cut = [...document.querySelectorAll('main *')]
			.filter(shown)
			.filter((e) => {
				const box = e.getBoundingClientRect();
				return (
					box.right > width + 0.5 ||
					(e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
				);
			})
			.slice(0, 5)
			.map(
				(e) =>
					`${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}: ${e.textContent!.slice(0, 40)}`
			);
		return {
			chrome: [...new Set(chrome)],
			cut,
			sideways: document.scrollingElement!.scrollWidth - width,
		};
	});
}

async function print(page: Page) {
	await page.setViewportSize(PAPER);
	await page.emulateMedia({ media: 'print' });
}

test.describe('each type of page prints its content alone, uncut', () => {
	for (const { type, path } of SAMPLES) {
		test(`${type}: ${path}`, async ({ page }) => {
			await page.goto(path);
			await print(page);
			const problems = await printProblems(page);
			expect(problems).toEqual({ chrome: [], cut: [], sideways: 0 });
			await expect(page.locator('main h1').first()).toBeVisible();
			// Outside links carry their address on paper.
			const outside = page.locator('.sl-markdown-content a[href^="http"]').first();
			if ((await outside.count()) > 0) {
				const href = await outside.getAttribute('href');
				const after = await outside.evaluate((a) => getComputedStyle(a, '::after').content);
				expect(after).toContain(href);
			}
		});
	}
});

test.describe("widgets' results are printed, their forms are not", () => {
	// Each runs a widget (a DNS check, a bounce read in a worker) before printing: on a busy
	// machine that alone can take most of the default 30 s.
	test.beforeEach(() => test.setTimeout(60_000));

	for (const locale of LOCALES) {
		test(`the DNS report (${locale})`, async ({ page }) => {
			const query = new URLSearchParams({
				domain: 'mixed.example.test',
				server: 'ex5.mail.ovh.net',
				resolver: `${RELAY}/dns-query`,
			});
			await page.goto(`/${locale}/dns/?${query}`);
			await expect(page.getByTestId('dns-report')).toHaveAttribute('data-state', 'done');
			await print(page);
			await expect(page.getByTestId('dns-report')).toBeVisible();
			await expect(page.locator('[data-check="mx"] .status-badge')).toBeVisible();
			await expect(page.locator('.dns-form')).toBeHidden();
			expect(await printProblems(page)).toEqual({ chrome: [], cut: [], sideways: 0 });
		});
	}

	test('the bounce analyzer', async ({ page }) => {
		await page.goto('/fr/ndr/');
		await print(page);
		// Before any result, the analyzer is not printed at all.
		await expect(page.locator('ndr-analyzer')).toBeHidden();
		await page.emulateMedia({ media: 'screen' });
		await page.getByTestId('ndr-file').setInputFiles(join(FIXTURES, 'bounces', 'gmail.eml'));
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
		await print(page);
		await expect(page.getByTestId('ndr-recipient').first()).toBeVisible();
		await expect(page.getByTestId('ndr-input')).toBeHidden();
		expect(await printProblems(page)).toEqual({ chrome: [], cut: [], sideways: 0 });
	});

	test('the diagnostic reader', async ({ page }) => {
		await page.goto('/it/diagnostic/');
		await page.getByTestId('diag-input').fill('WARNING: The domain MX record is not valid');
		await page.locator('diagnostic-reader button[type="submit"]').click();
		await expect(page.getByTestId('diag-result').first()).toBeVisible();
		await print(page);
		await expect(page.getByTestId('diag-result').first()).toBeVisible();
		await expect(page.getByTestId('diag-input')).toBeHidden();
	});

	test("the decision tree's check", async ({ page }) => {
		await page.goto(
			'/en/troubleshooting/?' + new URLSearchParams({ step: 'mx', resolver: `${RELAY}/dns-query` })
		);
		const form = page.locator('section[data-step="mx"] form');
		await form.getByTestId('tree-domain').fill('foreign.example.test');
		await form.getByTestId('tree-run').click();
		await expect(form.getByTestId('tree-verdict')).toHaveAttribute('data-state', 'done');
		await print(page);
		await expect(form.getByTestId('tree-verdict')).toBeVisible();
		await expect(form.getByTestId('tree-domain')).toBeHidden();
		expect(await printProblems(page)).toEqual({ chrome: [], cut: [], sideways: 0 });
	});
});
