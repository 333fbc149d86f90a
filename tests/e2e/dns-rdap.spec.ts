/**
 * The `domain` check in a real browser against the local RDAP server (tests/fixtures/rdap/serve.mjs,
 * started by playwright.config.ts) through the `rdap` parameter, with the DNS fixture answering
 * the rest of the report. One test per outcome in tests/fixtures/rdap/domains.mjs; nothing leaves
 * 127.0.0.1.
 */
import { expect, test, type Page } from '@playwright/test';
import { RDAP_URL } from '../../playwright.config';
import { RDAP_CASES, REGISTRAR } from '../fixtures/rdap/domains.mjs';

const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;

function checkUrl(locale: string, params: Record<string, string>) {
	return `/${locale}/dns/?${new URLSearchParams({ resolver: `${RELAY}/dns-query`, ...params })}`;
}

/** The domain card once it has its final status. */
async function domainCard(page: Page, timeout?: number) {
	const card = page.locator('[data-testid="dns-report"] [data-check="domain"]');
	await expect(card).toHaveAttribute('data-status', /^(pass|warn|fail|error|skip)$/, {
		...(timeout ? { timeout } : {}),
	});
	return card;
}

test.beforeEach(async ({ page }) => {
	// Every request the page makes stays on this machine.
	page.on('request', (request) => {
		expect(new URL(request.url()).hostname, `request to ${request.url()}`).toMatch(
			/^(127\.0\.0\.1|localhost)$/
		);
	});
});

test.describe('a verdict per registry answer', () => {
	for (const c of RDAP_CASES) {
		test(`${c.name}: ${c.status}`, async ({ page }) => {
			// The hanging server is given up after the lookup's own 8 s timeout.
			if (c.mode === 'hang') test.setTimeout(60_000);
			await page.goto(checkUrl('en', { domain: c.name, rdap: RDAP_URL }));
			const card = await domainCard(page, c.mode === 'hang' ? 30_000 : undefined);
			await expect(card).toHaveAttribute('data-status', c.status);
			// The report as a whole ends too: no spinner is left behind.
			await expect(page.getByTestId('dns-report')).toHaveAttribute('data-state', 'done');
		});
	}
});

test('the verdict names the expiry day, the days left and the registrar, with its site', async ({
	page,
}) => {
	await page.goto(checkUrl('en', { domain: 'rdap-expiring.example.test', rdap: RDAP_URL }));
	const card = await domainCard(page);
	await expect(card).toHaveAttribute('data-status', 'warn');
	// The fixture's domain expires 10 days after the request.
	await expect(card).toContainText(/expires on \d{1,2} \w+ \d{4}, in 10 days/);
	await expect(card).toContainText(`Registrar: ${REGISTRAR.name}.`);
	await expect(card.getByRole('link', { name: REGISTRAR.name })).toHaveAttribute(
		'href',
		REGISTRAR.url
	);
});

test('a blocking status is explained in the page’s language', async ({ page }) => {
	await page.goto(checkUrl('fr', { domain: 'rdap-client-hold.example.test', rdap: RDAP_URL }));
	const card = await domainCard(page);
	await expect(card).toHaveAttribute('data-status', 'fail');
	await expect(card).toContainText('client hold');
	await expect(card).toContainText('le registrar a suspendu le domaine');
});

test('could not check says where to check instead', async ({ page }) => {
	await page.goto(checkUrl('it', { domain: 'rdap-http500.example.test', rdap: RDAP_URL }));
	const card = await domainCard(page);
	await expect(card).toHaveAttribute('data-status', 'error');
	await expect(card).toContainText('errore HTTP (500)');
	await expect(card).toContainText('https://www.iana.org/domains/root/db/test.html');
});

test('with the rdap parameter, the registry is asked once, while the page still loads', async ({
	page,
}) => {
	// The early start sends the request with the first DNS questions; the checker takes its
	// response instead of asking again.
	const asked: string[] = [];
	page.on('request', (request) => {
		if (request.url().startsWith(`${RDAP_URL}domain/`)) asked.push(request.url());
	});
	let askedBeforeContentLoaded = false;
	page.on('domcontentloaded', () => (askedBeforeContentLoaded = asked.length > 0));
	await page.goto(checkUrl('en', { domain: 'rdap-active.example.test', rdap: RDAP_URL }));
	const card = await domainCard(page);
	await expect(card).toHaveAttribute('data-status', 'pass');
	expect(asked).toEqual([`${RDAP_URL}domain/rdap-active.example.test`]);
	expect(askedBeforeContentLoaded).toBe(true);
});

test('without the rdap parameter, the bundled bootstrap decides: .test has no RDAP service', async ({
	page,
}) => {
	const chunks: string[] = [];
	page.on('request', (request) => {
		if (/rdap-bootstrap/.test(request.url())) chunks.push(request.url());
	});
	await page.goto(checkUrl('en', { domain: 'valid.example.test' }));
	const card = await domainCard(page);
	await expect(card).toHaveAttribute('data-status', 'error');
	await expect(card).toContainText('has none for .test');
	expect(chunks).toHaveLength(1);
});

test('pages that do not check never load the bootstrap data', async ({ page }) => {
	const chunks: string[] = [];
	page.on('request', (request) => {
		if (/rdap-bootstrap/.test(request.url())) chunks.push(request.url());
	});
	for (const path of ['/en/dns/', '/en/diagnostic/', '/fr/troubleshooting/', '/it/ndr/']) {
		await page.goto(path, { waitUntil: 'networkidle' });
	}
	expect(chunks).toEqual([]);
});

test('an rdap parameter that is not https stops the check with a clear message', async ({
	page,
}) => {
	await page.goto(
		checkUrl('en', { domain: 'valid.example.test', rdap: 'http://rdap.example.net/' })
	);
	await expect(page.locator('dns-checker')).toContainText('The RDAP server must use https://');
	await expect(page.locator('[data-check="domain"]')).toHaveCount(0);
});
