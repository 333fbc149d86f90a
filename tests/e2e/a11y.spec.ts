/**
 * axe-core finds no violation on any page of the built site, in each theme, nor with the widgets
 * showing their results. Pages come from dist/sitemap-*.xml (plus the 404s), so pages that land
 * later are covered without touching this file. Same rule set as Starlight's docs/__a11y__.
 * Each page loads once: every rule runs in the light theme, then the colour rules again in the
 * dark one (the theme changes colours only), which halved this file's share of the suite.
 */
import { expect, test, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { LOCALES, distFile, sitePages } from './support/dist';
import { COLOUR_RULES, runAxe, type AxeScope } from './support/axe';
import { switchTheme, useTheme, type Theme } from './support/layout';

/**
 * Violations we cannot fix in this repository's own code, each with where the fix belongs. A test
 * below fails once an entry no longer matches anything, so the list only shrinks.
 */
const KNOWN: { rule: string; target: string; why: string }[] = [
	// Empty: Pagefind's search box (label-title-only) is named in src/components/Search.astro now.
];

/** Whether axe's node (a CSS selector path, no iframes here) is the element a KNOWN entry names. */
async function isKnown(page: Page, rule: string, target: unknown[]): Promise<boolean> {
	const selector = String(target.at(-1));
	for (const known of KNOWN.filter((k) => k.rule === rule)) {
		if (
			await page.evaluate(([sel, k]) => document.querySelector(sel)?.matches(k) ?? false, [
				selector,
				known.target,
			] as const)
		)
			return true;
	}
	return false;
}

/**
 * Fails on any violation. `scope.include` audits one widget: the page around it has its own test,
 * and a widget's results are what changed (an axe run of the whole status code reference takes
 * seconds on this machine, once per page and theme is enough).
 */
async function expectNoViolations(page: Page, scope: AxeScope = {}, theme: Theme = 'light') {
	const violations = await runAxe(page, scope);
	const summary: string[] = [];
	for (const v of violations) {
		const nodes = [];
		for (const n of v.nodes) if (!(await isKnown(page, v.id, n.target))) nodes.push(n);
		if (nodes.length > 0)
			summary.push(
				`${v.id} (${v.impact}): ${v.help}\n${nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`).join('\n')}`
			);
	}
	expect(summary, `axe violations in the ${theme} theme`).toEqual([]);
	return violations;
}

/**
 * Every rule in the light theme, then the colour rules in the dark one; the page is left in the
 * light theme. Returns the light run's violations (those the KNOWN list let through).
 */
async function expectNoViolationsInEitherTheme(page: Page, scope: AxeScope = {}) {
	await switchTheme(page, 'light');
	const violations = await expectNoViolations(page, scope);
	await switchTheme(page, 'dark');
	await expectNoViolations(page, { ...scope, rules: COLOUR_RULES }, 'dark');
	await switchTheme(page, 'light');
	return violations;
}

for (const path of sitePages()) {
	test(`${path} has no accessibility violation in the light and dark themes`, async ({
		browser,
	}) => {
		// axe's time grows with the page: the status code reference (hundreds of sections) takes
		// seconds where a guide page takes one, and more on a busy machine.
		test.setTimeout(30_000 + Math.round(statSync(distFile(path)).size / 1000) * 300);
		const context = await browser.newContext();
		const page = await context.newPage();
		// `/` sends readers on by script; audit the page itself, as no-JS readers and robots get it.
		if (path === '/') await page.route('**/_astro/**/*.js', (route) => route.abort());
		await useTheme(page, 'dark');
		await page.goto(path);
		// The theme chosen before is the one the page opens in (Starlight's inline script).
		if (path !== '/') await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await expectNoViolationsInEitherTheme(page);
		await context.close();
	});
}

test.describe('widgets in use', () => {
	for (const locale of LOCALES) {
		test(`the diagnostic reader's results in ${locale} have no violation in either theme`, async ({
			page,
		}) => {
			await page.goto(`/${locale}/diagnostic/`);
			await page
				.getByTestId('diag-input')
				.fill('Webmail authentication has failed\nWARNING: The domain MX record is not valid');
			await page.locator('diagnostic-reader button[type="submit"]').click();
			await expect(page.getByTestId('diag-result').first()).toBeVisible();
			await expectNoViolationsInEitherTheme(page, { include: ['diagnostic-reader'] });
			await page.getByTestId('diag-input').fill(' ');
			await page.locator('diagnostic-reader button[type="submit"]').click();
			await expect(page.getByTestId('diag-error')).toBeVisible();
			await expectNoViolationsInEitherTheme(page, { include: ['diagnostic-reader'] });
		});
	}

	test(`the search dialog with results has no violation in either theme`, async ({ page }) => {
		await page.goto('/fr/');
		await page.locator('button[data-open-modal]').first().click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('textbox').fill('MX');
		await expect(dialog.locator('a[href^="/fr/"]').first()).toBeVisible();
		const violations = await expectNoViolationsInEitherTheme(page, {
			include: ['site-search dialog'],
		});
		expect(violations.map((v) => v.id)).not.toContain('label-title-only');
		// The box has a name of its own, not only a placeholder.
		await expect(dialog.getByRole('textbox')).toHaveAttribute('aria-label', /\S/);
	});

	test(`the mobile menu has no violation in either theme`, async ({ browser }) => {
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true,
		});
		const page = await context.newPage();
		await page.goto('/it/diagnostic/');
		await page.locator('button[popovertarget="starlight__sidebar"]').click();
		await expect(page.locator('#starlight__sidebar')).toBeVisible();
		await expectNoViolationsInEitherTheme(page);
		await context.close();
	});

	test(`the DNS checker's report has no violation in either theme`, async ({ page }) => {
		await page.route(/^https:\/\//, (route) => route.abort('internetdisconnected'));
		await page.goto('/en/dns/?domain=example.test&offer=hosted');
		await expect(page.getByTestId('dns-report')).toHaveAttribute('data-state', 'done', {
			timeout: 20_000,
		});
		await expectNoViolationsInEitherTheme(page, { include: ['dns-checker'] });
	});

	test(`the bounce analyzer's results have no violation in either theme`, async ({ page }) => {
		await page.goto('/en/ndr/');
		const input = page.getByTestId('ndr-input');
		await input.fill('Remote Server returned 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found');
		await input.press('Tab');
		const submit = page.locator('ndr-analyzer button[type="submit"]');
		await submit.click();
		await expect(page.getByTestId('ndr-result').first()).toBeVisible();
		await expectNoViolationsInEitherTheme(page, { include: ['ndr-analyzer'] });
	});
});
