/**
 * One look for the widgets (src/styles/widgets.css): buttons side by side share one height and
 * baseline, the file picker is a labelled, button-like part of the form in the page's language,
 * and status badges say their word with an icon, never by colour alone.
 */
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LOCALES } from './support/dist';
import { THEMES, useTheme } from './support/layout';
import { uiStrings } from './support/site';

const FAILED_BOUNCE = join(import.meta.dirname, '..', 'fixtures', 'bounces', 'gmail.eml');
const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;

/** Each control's box and the bottom of its first line of text (its baseline's line box). */
async function boxes(controls: Locator) {
	return controls.evaluateAll((elements) =>
		elements.map((element) => {
			const box = element.getBoundingClientRect();
			const range = document.createRange();
			range.selectNodeContents(element);
			const text = [...range.getClientRects()].find((r) => r.width > 0);
			return {
				label: element.textContent!.trim() || element.getAttribute('aria-label') || element.tagName,
				top: box.top,
				height: box.height,
				// A field's text is not in the DOM: its box (same top and height) stands for it.
				textBottom: text ? text.bottom : undefined,
			};
		})
	);
}

/** On a wide screen, every control of the row on one line. */
async function expectOneLine(page: Page, row: string) {
	const tops = (await boxes(page.locator(`${row} > :is(button, input, a)`))).map((b) => b.top);
	expect(Math.max(...tops) - Math.min(...tops), `${row} on one line`).toBeLessThanOrEqual(0.5);
}

/**
 * Every control of the row has one height; controls on the same line (a row may wrap on a
 * phone) share their top and baseline. Returns the height.
 */
async function expectOneRow(page: Page, row: string, minimum: number) {
	const measured = await boxes(page.locator(`${row} > :is(button, input, a)`));
	expect(measured.length, `${row} holds ${minimum} controls or more`).toBeGreaterThanOrEqual(
		minimum
	);
	const first = measured[0]!;
	for (const [i, control] of measured.entries()) {
		const where = `${row}: "${control.label}" beside "${first.label}"`;
		expect(Math.abs(control.height - first.height), `${where}, height`).toBeLessThanOrEqual(0.5);
		const before = measured[i - 1];
		if (!before || control.top > before.top + before.height / 2) continue;
		expect(Math.abs(control.top - before.top), `${where}, top`).toBeLessThanOrEqual(0.5);
		if (control.textBottom === undefined || before.textBottom === undefined) continue;
		expect(
			Math.abs(control.textBottom - before.textBottom),
			`${where}, baseline`
		).toBeLessThanOrEqual(1);
	}
	return first.height;
}

test.describe('buttons in a row share height and baseline', () => {
	for (const width of [1280, 320]) {
		test(`the diagnostic reader and the bounce analyzer at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto('/en/diagnostic/');
			if (width > 1000) await expectOneLine(page, 'diagnostic-reader .reader-actions');
			const reader = await expectOneRow(page, 'diagnostic-reader .reader-actions', 2);
			await page.goto('/fr/ndr/');
			if (width > 1000) await expectOneLine(page, 'ndr-analyzer .reader-actions');
			const analyzer = await expectOneRow(page, 'ndr-analyzer .reader-actions', 2);
			// The same size of button in both widgets, and the file picker's button too.
			expect(analyzer).toBeCloseTo(reader, 0);
			const pick = await page.locator('.file-pick-button').boundingBox();
			expect(pick!.height).toBeCloseTo(reader, 0);
		});
	}

	test("the decision tree's toolbar and its check's button", async ({ page }) => {
		await page.goto('/en/troubleshooting/?step=mx');
		const toolbar = await expectOneRow(page, 'decision-tree .tree-toolbar', 3);
		const run = await page.locator('section[data-step="mx"]').getByTestId('tree-run').boundingBox();
		expect(run!.height).toBeCloseTo(toolbar, 0);
		// Answers look like the same buttons.
		const answer = await page
			.locator('section[data-step="mx"] .tree-answers a')
			.first()
			.boundingBox();
		expect(answer!.height).toBeCloseTo(toolbar, 0);
	});

	test("the DNS checker's button, its report's buttons and the page-not-found search", async ({
		page,
	}) => {
		const query = new URLSearchParams({
			domain: 'valid.example.test',
			resolver: `${RELAY}/dns-query`,
		});
		await page.goto(`/it/dns/?${query}`);
		await expect(page.getByTestId('dns-report')).toHaveAttribute('data-state', 'done');
		const submit = await page.getByTestId('dns-submit').boundingBox();
		const copy = await page.locator('.dns-report-actions button').first().boundingBox();
		expect(copy!.height).toBeCloseTo(submit!.height, 0);
		await page.goto('/en/404/');
		const row = await expectOneRow(page, '.not-found-row', 2);
		expect(row).toBeCloseTo(submit!.height, 0);
	});
});

test.describe('the file picker is part of the form', () => {
	for (const locale of LOCALES) {
		test(`it has a visible label in the page's language, which opens it (${locale})`, async ({
			page,
		}) => {
			await page.goto(`/${locale}/ndr/`);
			const name = uiStrings(locale)['ndr.analyzer.file']!;
			const input = page.getByLabel(name, { exact: true });
			await expect(input).toHaveAttribute('type', 'file');
			await expect(input).toHaveAccessibleName(name);
			const label = page.locator('label[for="ndr-file"]');
			await expect(label).toBeVisible();
			await expect(label).toHaveText(name);
			// The browser's own "Choose File / No file chosen" (in the browser's language) is not shown.
			expect(await input.evaluate((i) => i.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
			// Clicking the label opens the file chooser.
			const chooser = page.waitForEvent('filechooser');
			await label.click();
			expect((await chooser).element()).toBeTruthy();
		});
	}

	test('it is reached with the keyboard, and shows where the focus is', async ({ page }) => {
		await page.goto('/en/ndr/');
		await page.getByTestId('ndr-input').focus();
		await page.keyboard.press('Tab');
		await expect(page.getByTestId('ndr-file')).toBeFocused();
		const outline = await page
			.locator('label[for="ndr-file"]')
			.evaluate((label) => getComputedStyle(label).outlineStyle);
		expect(outline).toBe('solid');
	});
});

test.describe('status badges: a word and an icon', () => {
	for (const theme of THEMES) {
		test(`in the DNS report, the tree and the bounce analyzer (${theme})`, async ({ page }) => {
			await useTheme(page, theme);
			const icon = (badge: Locator) =>
				badge.evaluate((b) => getComputedStyle(b, '::before').maskImage);

			const query = new URLSearchParams({
				domain: 'foreign.example.test',
				resolver: `${RELAY}/dns-query`,
			});
			await page.goto(`/en/dns/?${query}`);
			await expect(page.getByTestId('dns-report')).toHaveAttribute('data-state', 'done');
			const mx = page.locator('[data-check="mx"] .status-badge');
			await expect(mx).toHaveText(uiStrings('en')['dns.status.fail']!);
			await expect(mx).toHaveAttribute('data-status', 'fail');
			const failIcon = await icon(mx);
			expect(failIcon).toMatch(/^url\(/);

			await page.goto(
				'/en/troubleshooting/?' +
					new URLSearchParams({ step: 'mx', resolver: `${RELAY}/dns-query` })
			);
			const form = page.locator('section[data-step="mx"] form');
			await form.getByTestId('tree-domain').fill('foreign.example.test');
			await form.getByTestId('tree-run').click();
			const verdict = form.getByTestId('tree-verdict');
			await expect(verdict).toHaveAttribute('data-state', 'done');
			await expect(verdict.locator('p').first()).toContainText(
				uiStrings('en')['tree.verdict.fail']!
			);
			// The same icon as the DNS report's for the same verdict.
			expect(
				await verdict
					.locator('p')
					.first()
					.evaluate((p) => getComputedStyle(p, '::before').maskImage)
			).toBe(failIcon);

			await page.goto('/en/ndr/');
			await page.getByTestId('ndr-file').setInputFiles(FAILED_BOUNCE);
			await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
			const badge = page.getByTestId('ndr-recipient').first().locator('.ndr-status .ndr-badge');
			await expect(badge).toHaveText(uiStrings('en')['ndr.action.failed']!);
			expect(await icon(badge)).toBe(failIcon);
		});
	}
});
