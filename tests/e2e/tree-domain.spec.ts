/**
 * The decision tree's domain-validity step (issue 14, item 3) in a real browser: it runs the
 * `domain` check of the registry in place against the local RDAP server
 * (tests/fixtures/rdap/serve.mjs, through the `rdap` parameter as on the DNS page), and its
 * verdict picks the next step. The diagnostic's expired and not-received explanations, and the
 * DNS report's domain card, link to the DNS page's section on the registration.
 */
import { expect, test, type Page } from '@playwright/test';
import { RDAP_URL } from '../../playwright.config';
import { RDAP_CASES, REGISTRAR } from '../fixtures/rdap/domains.mjs';

const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}/dns-query`;
const at = (lang: string) =>
	`/${lang}/troubleshooting/?${new URLSearchParams({ step: 'domain-validity', resolver: RELAY, rdap: RDAP_URL })}`;

/** A fixture domain, checked to have the status the test relies on. */
function fixture(name: string, status: string): string {
	const c = RDAP_CASES.find((one) => one.name === name);
	expect(c?.status, name).toBe(status);
	return name;
}

const current = (page: Page) => page.locator('decision-tree section[data-step]:visible');
const section = (page: Page) => page.locator('section[data-step="domain-validity"]');

test.beforeEach(async ({ page }) => {
	page.on('request', (request) => {
		expect(new URL(request.url()).hostname, `request to ${request.url()}`).toBe('127.0.0.1');
	});
});

async function run(page: Page, domain: string) {
	const form = section(page).locator('form');
	await form.getByTestId('tree-domain').fill(domain);
	await form.getByTestId('tree-run').click();
	const verdict = form.getByTestId('tree-verdict');
	await expect(verdict).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
	return verdict;
}

test('the step asks for the domain alone', async ({ page }) => {
	await page.goto(at('en'));
	expect(
		await section(page)
			.locator('form [name]')
			.evaluateAll((all) => all.map((e) => e.getAttribute('name')))
	).toEqual(['domain']);
});

test('an active domain leads to the account step, naming its registrar with a link', async ({
	page,
}) => {
	await page.goto(at('en'));
	const verdict = await run(page, fixture('rdap-active.example.test', 'pass'));
	await expect(verdict).toHaveAttribute('data-status', 'pass');
	await expect(verdict).toContainText('The domain is registered until');
	await expect(verdict.getByRole('link', { name: REGISTRAR.name })).toHaveAttribute(
		'href',
		REGISTRAR.url
	);
	await verdict.getByTestId('tree-continue').click();
	await expect(current(page)).toHaveAttribute('data-step', 'account');
	await expect(page.locator('section[data-step="account"] h2')).toBeFocused();
});

test('an expired domain leads to renewing it (French)', async ({ page }) => {
	await page.goto(at('fr'));
	const verdict = await run(page, fixture('rdap-expired.example.test', 'fail'));
	await expect(verdict).toHaveAttribute('data-status', 'fail');
	await expect(verdict).toContainText('Résultat pour rdap-expired.example.test');
	await verdict.getByTestId('tree-continue').click();
	await expect(current(page)).toHaveAttribute('data-step', 'domain-renew');
});

test('a domain on hold leads to renewing it, with the hold explained (Italian)', async ({
	page,
}) => {
	await page.goto(at('it'));
	const verdict = await run(page, fixture('rdap-client-hold.example.test', 'fail'));
	await expect(verdict).toHaveAttribute('data-status', 'fail');
	await verdict.getByTestId('tree-continue').click();
	await expect(current(page)).toHaveAttribute('data-step', 'domain-renew');
});

test('a domain expiring soon still works: the walk goes on, the verdict says to renew', async ({
	page,
}) => {
	await page.goto(at('en'));
	const verdict = await run(page, fixture('rdap-expiring.example.test', 'warn'));
	await expect(verdict).toHaveAttribute('data-status', 'warn');
	await expect(verdict).toContainText('in 10 days');
	await expect(verdict).toContainText('Renew the domain before that date');
	await verdict.getByTestId('tree-continue').click();
	await expect(current(page)).toHaveAttribute('data-step', 'account');
});

test('a registry that fails says where to look instead and leaves the answers by hand', async ({
	page,
}) => {
	await page.goto(at('en'));
	const verdict = await run(page, fixture('rdap-http500.example.test', 'error'));
	await expect(verdict).toHaveAttribute('data-status', 'error');
	await expect(verdict).toContainText('could not be checked');
	await expect(verdict).toContainText('look at it in your registrar’s panel');
	await expect(verdict).not.toContainText('says nothing about your records');
	await expect(verdict.getByTestId('tree-continue')).toHaveCount(0);
	await section(page).locator('a[data-answer="expired"]').click();
	await expect(current(page)).toHaveAttribute('data-step', 'domain-renew');
});

test('the diagnostic’s expired and not-received explanations link to the registration section', async ({
	page,
}) => {
	for (const lang of ['en', 'fr', 'it']) {
		await page.goto(`/${lang}/diagnostic/`);
		for (const anchor of ['expired', 'not-received'])
			await expect(
				page.locator(`section:has(> h2#${anchor}) a[href="/${lang}/dns/#domain"]`)
			).toHaveCount(1);
	}
	await page.goto('/en/dns/#domain');
	await expect(page.locator('h2#domain')).toHaveText('Domain registration');
	await expect(page.locator('h2#domain')).toBeInViewport();
});

test('the DNS report’s domain card links to the same section', async ({ page }) => {
	await page.goto(
		`/en/dns/?${new URLSearchParams({ domain: fixture('rdap-expired.example.test', 'fail'), resolver: RELAY, rdap: RDAP_URL })}`
	);
	const card = page.locator('[data-testid="dns-report"] [data-check="domain"]');
	await expect(card).toHaveAttribute('data-status', 'fail', { timeout: 20_000 });
	await expect(card.locator('a[data-anchor="dns:domain"]')).toHaveAttribute(
		'href',
		'/en/dns/#domain'
	);
});
