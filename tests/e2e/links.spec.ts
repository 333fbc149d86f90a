import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LOCALES, errorMessages, uiStrings } from './support/site';
import { GUIDE_SLUGS } from '../../src/lib/links/movedPages';

/** Copy links and arrival on an anchor (point 2), and links people already have (point 3). */

const DNS_ANCHORS = ['check', 'mx-records', 'mx-hosted', 'mx-private', 'srv-record', 'zone-lines'];
const ROOT = join(import.meta.dirname, '..', '..');
/** Every status code with its own section, and the class and subject groups they sit in. */
const NDR_ANCHORS = (() => {
	const codes = Object.keys(
		JSON.parse(readFileSync(join(ROOT, 'src/content/ndr/codes.json'), 'utf8')) as Record<
			string,
			unknown
		>
	);
	const groups = codes.flatMap((code) => {
		const [cls, subject] = code.split('.');
		return [`${cls}.x.x`, `${cls}.${subject}.x`];
	});
	return [...new Set([...groups, ...codes])];
})();
const TREE_STEPS: string[] = (
	JSON.parse(readFileSync(join(ROOT, 'src/content/tree/steps.json'), 'utf8')) as { id: string }[]
).map((s) => s.id);
const GUIDE_ANCHORS = ['blocked', 'expired', 'password', 'hostname'];
/** The published guide's address in each language that had one (src/lib/links/movedPages.ts). */
const oldGuidePath = (locale: string) =>
	GUIDE_SLUGS.find((moved) => moved.to === `/${locale}/diagnostic/`)?.from;

for (const locale of LOCALES) {
	const strings = uiStrings(locale);
	const pages = [
		{ path: `/${locale}/diagnostic/`, anchors: errorMessages(locale).map((e) => e.anchor) },
		{ path: `/${locale}/dns/`, anchors: DNS_ANCHORS },
		{ path: `/${locale}/ndr/`, anchors: NDR_ANCHORS },
	];

	test.describe(`copy links in /${locale}/`, () => {
		test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

		for (const { path, anchors } of pages) {
			test(`every anchored section of ${path} has a visible "${strings['link.copy']}" right under its heading, which copies the full URL with the anchor`, async ({
				page,
				baseURL,
			}) => {
				await page.goto(`${path}?from=support`);
				// One pass in the page: the status code reference has about 150 anchored sections.
				const problems = await page.evaluate(
					({ anchors, label }) =>
						anchors.flatMap((anchor) => {
							const heading = document.getElementById(anchor);
							if (!heading || !/^H[234]$/.test(heading.tagName))
								return [`${anchor}: no h2-h4 with this id`];
							const copy = heading.nextElementSibling;
							if (copy?.tagName !== 'COPY-LINK')
								return [`${anchor}: no copy-link right after the heading`];
							const link = copy.querySelector('a');
							if (!link || link.textContent?.trim() !== label)
								return [`${anchor}: the copy link is not labelled "${label}"`];
							if (link.getAttribute('href') !== `#${anchor}`)
								return [`${anchor}: the copy link points at ${link.getAttribute('href')}`];
							if (!link.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
								return [`${anchor}: the copy link is not visible`];
							return [];
						}),
					{ anchors, label: strings['link.copy'] }
				);
				expect(problems).toEqual([]);

				// Copying the last one puts the page's URL, query kept, with the anchor on the clipboard.
				const anchor = anchors.at(-1)!;
				const copy = page.locator(`[id="${anchor}"] + copy-link`);
				await copy.getByRole('link').click();
				await expect(copy.getByRole('status')).toHaveText(strings['link.copied']);
				expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
					`${baseURL}${path}?from=support#${anchor}`
				);
				// Copying does not move the reader.
				await expect(page).toHaveURL(`${baseURL}${path}?from=support`);
			});
		}

		test(`every step of the decision tree has a "${strings['link.copy']}" to the step, visible when the step is`, async ({
			page,
			baseURL,
		}) => {
			await page.goto(`/${locale}/troubleshooting/`);
			for (const step of TREE_STEPS) {
				const link = page.locator(`section#${step} > h2[id="${step}-title"] + copy-link a`);
				await expect(link, step).toHaveCount(1);
				await expect(link, step).toHaveAttribute('href', `#${step}`);
			}
			const current = page.locator('section[data-step="start"] copy-link');
			await expect(current.getByRole('link', { name: strings['link.copy'] })).toBeVisible();
			await current.getByRole('link').click();
			await expect(current.getByRole('status')).toHaveText(strings['link.copied']);
			expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
				new RegExp(`^${baseURL}/${locale}/troubleshooting/(\\?step=start)?#start$`)
			);
		});

		test('the copy link works from the keyboard', async ({ page, baseURL }) => {
			await page.goto(`/${locale}/diagnostic/`);
			await page.locator('[id="mx"] + copy-link a').focus();
			await page.keyboard.press('Enter');
			await expect(page.locator('[id="mx"] + copy-link').getByRole('status')).toHaveText(
				strings['link.copied']
			);
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
				`${baseURL}/${locale}/diagnostic/#mx`
			);
		});
	});

	test(`when the clipboard refuses, /${locale}/ shows the link to copy by hand`, async ({
		page,
		baseURL,
	}) => {
		await page.addInitScript(() => {
			Object.defineProperty(navigator, 'clipboard', {
				value: { writeText: () => Promise.reject(new Error('denied')) },
			});
		});
		await page.goto(`/${locale}/dns/`);
		const copyLink = page.locator('[id="srv-record"] + copy-link');
		await copyLink.locator('a').click();
		await expect(copyLink.getByRole('status')).toHaveText(strings['link.copyFailed']!);
		// The link is shown, focused and selected, to copy by hand; the status line names it.
		const field = copyLink.getByTestId('copy-link-manual');
		await expect(field).toBeFocused();
		await expect(field).toHaveValue(`${baseURL}/${locale}/dns/#srv-record`);
		await expect(field).toHaveAccessibleName(strings['link.copyFailed']!);
	});

	test(`arriving on an anchor in /${locale}/ scrolls to the heading and marks it`, async ({
		page,
	}) => {
		for (const target of [`/${locale}/diagnostic/#security-policy`, `/${locale}/dns/#zone-lines`]) {
			await page.goto(target);
			const heading = page.locator(`[id="${target.split('#')[1]}"]`);
			await expect(heading).toBeInViewport();
			expect(await heading.evaluate((el) => el.matches(':target'))).toBe(true);
			const background = await heading.evaluate((el) => getComputedStyle(el).backgroundColor);
			expect(background, target).not.toBe('rgba(0, 0, 0, 0)');
			// Other headings stay unmarked.
			const other = page.locator('h2[id]:not(:target)').first();
			expect(await other.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
				'rgba(0, 0, 0, 0)'
			);
		}
	});

	test(`the old ${locale} guide address keeps working, with each of its anchors`, async ({
		page,
	}) => {
		const old = oldGuidePath(locale);
		test.skip(!old, `no published guide in ${locale}: no old address to keep`);
		for (const anchor of GUIDE_ANCHORS) {
			await page.goto(`${old}#${anchor}`);
			await expect(page).toHaveURL(new RegExp(`/${locale}/diagnostic/#${anchor}$`));
			await expect(page.locator(`h2[id="${anchor}"]`)).toBeInViewport();
		}
	});

	test(`the old ${locale} guide address opened with a query keeps the query and the anchor`, async ({
		page,
	}) => {
		const old = oldGuidePath(locale);
		test.skip(!old, `no published guide in ${locale}: no old address to keep`);
		await page.goto(`${old}?utm=mail#expired`);
		await expect(page).toHaveURL(new RegExp(`/${locale}/diagnostic/\\?utm=mail#expired$`));
	});
}

test.describe('addresses without a language', () => {
	for (const [browserLocale, site] of [
		['fr-CA', 'fr'],
		['it-IT', 'it'],
		['de-DE', 'en'],
	] as const) {
		test(`/diagnostic/#password sends a ${browserLocale} browser to /${site}/diagnostic/#password`, async ({
			browser,
		}) => {
			const context = await browser.newContext({ locale: browserLocale });
			const page = await context.newPage();
			await page.goto('/diagnostic/#password');
			await expect(page).toHaveURL(new RegExp(`/${site}/diagnostic/#password$`));
			await expect(page.locator('h2[id="password"]')).toBeInViewport();
			await context.close();
		});
	}

	test('/dns/ keeps its query string when it forwards', async ({ browser }) => {
		const context = await browser.newContext({ locale: 'fr-FR' });
		const page = await context.newPage();
		await page.goto('/dns/?domain=example.fr#srv-record');
		await expect(page).toHaveURL(/\/fr\/dns\/\?domain=example\.fr#srv-record$/);
		await context.close();
	});

	test('without JavaScript an old guide address still reaches the new page', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(oldGuidePath('en')!);
		await expect(page).toHaveURL(/\/en\/diagnostic\/$/);
		await context.close();
	});

	test('without JavaScript an unprefixed address offers each language', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/diagnostic/');
		for (const code of LOCALES)
			await expect(page.locator(`a[href="/${code}/diagnostic/"]`)).toBeVisible();
		await context.close();
	});
});
