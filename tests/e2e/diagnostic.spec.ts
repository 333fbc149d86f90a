import { expect, test, type Page } from '@playwright/test';
import { LOCALES } from './support/site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ANCHORS = [
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
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'diagnostic');
const expected: Record<string, { anchors: string[]; frame: number; unrecognised: number }> =
	JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

async function paste(page: Page, text: string) {
	await page.getByTestId('diag-input').fill(text);
	await page.locator('diagnostic-reader button[type="submit"]').click();
}

for (const locale of LOCALES) {
	test.describe(`/${locale}/diagnostic/`, () => {
		test('each #anchor, opened as a link, scrolls to its section', async ({ page }) => {
			test.setTimeout(10_000 + ANCHORS.length * 8_000);
			for (const anchor of ANCHORS) {
				// A fresh load each time, as a support link opens: not a jump within the page.
				await page.goto('about:blank');
				await page.goto(`/${locale}/diagnostic/#${anchor}`);
				const heading = page.locator(`h2[id="${anchor}"]`);
				await expect(heading, anchor).toHaveCount(1);
				await expect(heading, anchor).toBeInViewport();
				// The section under the heading is the error's own: it carries its fix.
				await expect(
					page.locator(`section:has(> h2[id="${anchor}"]) p`).first(),
					anchor
				).toBeVisible();
			}
		});

		for (const [file, want] of Object.entries(expected)) {
			test(`the reader maps the ${file} output to ${want.anchors.join(', ')}`, async ({ page }) => {
				await page.goto(`/${locale}/diagnostic/`);
				await paste(page, readFileSync(join(FIXTURES, file), 'utf8'));
				const results = page.getByTestId('diag-result');
				await expect(results).toHaveCount(want.anchors.length);
				const found = await results.evaluateAll((items) =>
					items.map((i) => (i as HTMLElement).dataset.error)
				);
				expect(found.sort()).toEqual([...want.anchors].sort());
				// The diagnostic's own heading is shown as such; only the lines that matter are "not
				// recognised".
				await expect(page.getByTestId('diag-frame')).toHaveCount(want.frame > 0 ? 1 : 0);
				await expect(page.getByTestId('diag-unrecognised')).toHaveCount(want.unrecognised);
				// Each result links to its anchor, and following it lands on the section.
				const first = results.first().locator('a');
				const anchor = found[0]!;
				await expect(first).toHaveAttribute('href', `#${anchor}`);
				await first.click();
				await expect(page).toHaveURL(new RegExp(`/${locale}/diagnostic/#${anchor}$`));
				await expect(page.locator(`h2[id="${anchor}"]`)).toBeInViewport();
			});
		}
	});
}

test.describe('the reader with bad input', () => {
	test('an empty box gets a clear message', async ({ page }) => {
		await page.goto('/fr/diagnostic/');
		await paste(page, '   ');
		await expect(page.getByTestId('diag-error')).toHaveText(/le champ est vide/);
		await expect(page.getByTestId('diag-result')).toHaveCount(0);
	});

	test('1 MB of text gets a size message, not a hang', async ({ page }) => {
		await page.goto('/en/diagnostic/');
		await page.getByTestId('diag-input').evaluate((el, size) => {
			(el as HTMLTextAreaElement).value = 'WARNING: The domain MX record is not valid\n'
				.repeat(Math.ceil(size / 43))
				.slice(0, size);
		}, 1_000_000);
		await page.locator('diagnostic-reader button[type="submit"]').click();
		await expect(page.getByTestId('diag-error')).toHaveText(/too long.*1,000,000 characters/);
	});

	test('HTML and script text is shown as text and never runs', async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await page.goto('/it/diagnostic/');
		const hostile =
			'<img src=x onerror="window.__pwned=1;alert(1)">\n<script>window.__pwned=2</script>\nATTENZIONE: l\'account è scaduto';
		await paste(page, hostile);
		await expect(page.getByTestId('diag-result')).toHaveCount(1);
		const output = page.getByTestId('diag-output');
		await expect(output.locator('img, script')).toHaveCount(0);
		await expect(output).toContainText('<img src=x onerror=');
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
		expect(dialogs).toEqual([]);
	});

	test('clearing empties the results and returns focus to the box', async ({ page }) => {
		await page.goto('/en/diagnostic/');
		await paste(page, 'Webmail authentication has failed');
		await expect(page.getByTestId('diag-result')).toHaveCount(1);
		await page.locator('diagnostic-reader button[type="reset"]').click();
		await expect(page.getByTestId('diag-result')).toHaveCount(0);
		await expect(page.getByTestId('diag-input')).toBeFocused();
	});
});
