/**
 * The SPF, DMARC, DKIM and autodiscover checks in a real browser against the fixture's DNS
 * stack (unbound, a resolving unbound, dnsdist's DoH, the relay): each fixture domain's expected
 * statuses (tests/fixtures/dns/zone.mjs), and hostile TXT data shown as text.
 */
import { expect, test, type Page } from '@playwright/test';
import { CASES, domainOf } from '../fixtures/dns/zone.mjs';

const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}/dns-query`;
const AUTH_CHECKS = ['spf', 'dmarc', 'dkim', 'autodiscover'] as const;

const checkUrl = (params: Record<string, string | undefined>) => {
	const given = Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]);
	return `/en/dns/?${new URLSearchParams([...given, ['resolver', RELAY]]).toString()}`;
};

async function done(page: Page) {
	const report = page.getByTestId('dns-report');
	await expect(report).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
	return report;
}

test.describe('sending authentication and autodiscover verdicts from the test zone', () => {
	for (const c of CASES) {
		const expected = AUTH_CHECKS.filter((check) => check in c);
		if (expected.length === 0) continue;
		test(`${domainOf(c)}: ${expected.map((check) => `${check} ${c[check]}`).join(', ')}`, async ({
			page,
		}) => {
			await page.goto(checkUrl({ domain: domainOf(c), ...c.params }));
			const report = await done(page);
			for (const check of expected) {
				await expect(report.locator(`[data-check="${check}"]`), check).toHaveAttribute(
					'data-status',
					String(c[check])
				);
			}
		});
	}
});

test('TXT data with HTML and control characters is shown as text, never run', async ({ page }) => {
	let dialogs = 0;
	page.on('dialog', (dialog) => {
		dialogs++;
		void dialog.dismiss();
	});
	await page.goto(checkUrl({ domain: 'spf-hostile.example.test', server: 'ex5.mail.ovh.net' }));
	const report = await done(page);
	const spf = report.locator('[data-check="spf"]');
	await expect(spf).toContainText('<img src=x onerror=alert(1)>\\x07\\x1b');
	await expect(spf.locator('img')).toHaveCount(0);
	await expect(report.locator('[data-check="dmarc"]')).toContainText('<script>alert(2)</script>');
	await expect(report.locator('script')).toHaveCount(0);
	expect(dialogs).toBe(0);
});

test('a malformed dkim parameter gets its own message on its own field', async ({ page }) => {
	await page.goto(checkUrl({ domain: 'auth-ok.example.test', dkim: 'not a selector!' }));
	await expect(page.getByTestId('dns-input-error')).toContainText(
		'“not a selector!” is not a DKIM selector'
	);
	await expect(page.getByTestId('dns-dkim')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('dns-report')).toHaveCount(0);
});

test('without a selector DKIM is skipped, saying where to find one; with the field filled it runs', async ({
	page,
}) => {
	await page.goto(checkUrl({ domain: 'auth-ok.example.test', server: 'ex5.mail.ovh.net' }));
	let report = await done(page);
	const dkim = report.locator('[data-check="dkim"]');
	await expect(dkim).toHaveAttribute('data-status', 'skip');
	await expect(dkim).toContainText('s= value of its DKIM-Signature header');
	await page.getByTestId('dns-dkim').fill('ovhex123456');
	await page.getByTestId('dns-dkim').press('Enter');
	report = await done(page);
	await expect(report.locator('[data-check="dkim"]')).toHaveAttribute('data-status', 'pass');
	await expect(page).toHaveURL(/[?&]dkim=ovhex123456(&|$)/);
});
