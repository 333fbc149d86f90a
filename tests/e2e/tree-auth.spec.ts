/**
 * The decision tree's path "recipients refuse or junk my mail" (issue 13, item 8) in a real
 * browser: its SPF, DKIM and DMARC steps run their own check of the registry in place against
 * the DNS fixture (unbound with tests/fixtures/dns/zone.mjs behind the DoH relay), each verdict
 * leads on (pass) or to the fix (warn, fail), a check that cannot run leaves the answers by hand,
 * and the fix links to the DNS page's section with the domain, offer and selector checked.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CASES, domainOf } from '../fixtures/dns/zone.mjs';
import { runAxe } from './support/axe';

const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;
const at = (lang: string, step: string, mode = '') =>
	`/${lang}/troubleshooting/?${new URLSearchParams({ step, resolver: `${RELAY}/${mode}dns-query` })}`;

/** The fixture domain of a case, checked to be there with the statuses the test relies on. */
function fixture(id: string, expected: Record<string, string>): string {
	const c = CASES.find((one) => one.id === id) as Record<string, unknown> | undefined;
	expect(c, `fixture case ${id}`).toBeDefined();
	for (const [check, status] of Object.entries(expected))
		expect(c![check], `${id}: ${check}`).toBe(status);
	return domainOf(c);
}

const current = (page: Page) => page.locator('decision-tree section[data-step]:visible');
const step = (page: Page, id: string) => page.locator(`section[data-step="${id}"]`);

test.beforeEach(async ({ page }) => {
	// Every request stays on this machine.
	page.on('request', (request) => {
		expect(new URL(request.url()).hostname, `request to ${request.url()}`).toBe('127.0.0.1');
	});
});

async function run(page: Page, id: string, fields: Record<string, string> = {}): Promise<Locator> {
	const form = step(page, id).locator('form');
	for (const [name, value] of Object.entries(fields)) {
		const field = form.getByTestId(`tree-${name}`);
		if (name === 'offer') await field.selectOption(value);
		else await field.fill(value);
	}
	await form.getByTestId('tree-run').click();
	const verdict = form.getByTestId('tree-verdict');
	await expect(verdict).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
	return verdict;
}

async function continueTo(page: Page, verdict: Locator, next: string) {
	await verdict.getByTestId('tree-continue').click();
	await expect(current(page)).toHaveAttribute('data-step', next);
	await expect(step(page, next).locator('h2')).toBeFocused();
	await expect(page).toHaveURL(new RegExp(`[?&]step=${next}(&|$)`));
}

test('from the start, SPF, DKIM and DMARC that pass lead to reading the bounce', async ({
	page,
}) => {
	const domain = fixture('auth-ok', { spf: 'pass', dkim: 'pass', dmarc: 'pass' });
	await page.goto(at('en', 'start'));
	await step(page, 'start').locator('a[data-answer="refused-or-junk"]').click();
	await expect(current(page)).toHaveAttribute('data-step', 'spf');

	// Each step asks what its check reads: SPF the offer and server, DKIM the selector, DMARC nothing.
	const fieldsOf = (id: string) =>
		step(page, id)
			.locator('form [name]')
			.evaluateAll((all) => all.map((e) => e.getAttribute('name')));
	expect(await fieldsOf('spf')).toEqual(['domain', 'offer', 'server']);
	expect(await fieldsOf('dkim')).toEqual(['domain', 'dkim']);
	expect(await fieldsOf('dmarc')).toEqual(['domain']);

	const spf = await run(page, 'spf', { domain, offer: 'hosted' });
	await expect(spf).toHaveAttribute('data-status', 'pass');
	await expect(spf).toContainText(`Result for ${domain}: correct.`);
	await continueTo(page, spf, 'dkim');

	// The domain typed at SPF is offered again; the selector is the DKIM step's own.
	await expect(step(page, 'dkim').getByTestId('tree-domain')).toHaveValue(domain);
	const dkim = await run(page, 'dkim', { dkim: 'ovhex123456' });
	await expect(dkim).toHaveAttribute('data-status', 'pass');
	await continueTo(page, dkim, 'dmarc');

	const dmarc = await run(page, 'dmarc');
	await expect(dmarc).toHaveAttribute('data-status', 'pass');
	await continueTo(page, dmarc, 'sending-records-ok');
	await expect(step(page, 'sending-records-ok').locator('a[data-link="ndr"]')).toHaveAttribute(
		'href',
		'/en/ndr/'
	);

	await page.getByTestId('tree-copy').click();
	const summary = await page.getByTestId('tree-summary').inputValue();
	for (const title of [
		'Check your domain’s SPF record',
		'Check DKIM signing',
		'Check your DMARC record',
	])
		expect(summary).toContain(title);
	expect(
		summary.match(new RegExp(`Check of ${domain.replace(/\./g, '\\.')}: correct`, 'g'))
	).toHaveLength(3);
});

test('an SPF record that fails leads to its fix, which opens the DNS page on that domain’s SPF', async ({
	page,
}) => {
	const domain = fixture('spf-two', { spf: 'fail' });
	await page.goto(at('en', 'spf'));
	const spf = await run(page, 'spf', { domain });
	await expect(spf).toHaveAttribute('data-status', 'fail');
	// The checker's own explanation, in words.
	await expect(spf).toContainText(`${domain} has 2 SPF records`);
	await continueTo(page, spf, 'spf-fix');
	const fix = step(page, 'spf-fix').locator('a[data-dns-anchor="spf"]');
	await expect(fix).toHaveAttribute('href', `/en/dns/?domain=${domain}&offer=hosted#spf`);
	// The DNS page runs the whole check for that domain and shows how to write the record.
	const target = new URL((await fix.getAttribute('href'))!, 'http://127.0.0.1');
	target.searchParams.set('resolver', `${RELAY}/dns-query`);
	await page.goto(`${target.pathname}${target.search}${target.hash}`);
	const report = page.getByTestId('dns-report');
	await expect(report).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
	await expect(report.locator('[data-check="spf"]')).toHaveAttribute('data-status', 'fail');
	await expect(page.locator('h2#spf')).toBeAttached();
});

test('one DKIM selector of two is a warning that leads to the DKIM fix, the selector kept (French)', async ({
	page,
}) => {
	const domain = fixture('dkim-one', { dkim: 'warn' });
	await page.goto(at('fr', 'dkim'));
	const dkim = await run(page, 'dkim', { domain, dkim: 'ovhex123456' });
	await expect(dkim).toHaveAttribute('data-status', 'warn');
	await expect(dkim).toContainText(`Résultat pour ${domain}`);
	await continueTo(page, dkim, 'dkim-fix');
	await expect(step(page, 'dkim-fix').locator('a[data-dns-anchor="dkim"]')).toHaveAttribute(
		'href',
		`/fr/dns/?domain=${domain}&offer=hosted&dkim=ovhex123456#dkim`
	);
});

test('the DKIM fix link keeps the offer given at the SPF step', async ({ page }) => {
	const domain = fixture('dkim-revoked', { dkim: 'fail' });
	await page.goto(at('en', 'start'));
	await step(page, 'start').locator('a[data-answer="refused-or-junk"]').click();
	const spf = await run(page, 'spf', { domain, offer: 'private', server: 'ex5.mail.ovh.net' });
	await expect(spf).toHaveAttribute('data-status', /^(warn|fail)$/);
	// Answered by hand, as a person who knows better than the check would.
	await step(page, 'spf').locator('a[data-answer="match"]').click();
	await expect(current(page)).toHaveAttribute('data-step', 'dkim');
	await expect(step(page, 'dkim').getByTestId('tree-domain')).toHaveValue(domain);
	const dkim = await run(page, 'dkim', { dkim: 'ovhex123456-selector1' });
	await expect(dkim).toHaveAttribute('data-status', 'fail');
	await continueTo(page, dkim, 'dkim-fix');
	await expect(step(page, 'dkim-fix').locator('a[data-dns-anchor="dkim"]')).toHaveAttribute(
		'href',
		`/en/dns/?domain=${domain}&offer=private&server=ex5.mail.ovh.net&dkim=ovhex123456-selector1#dkim`
	);
});

test('DMARC with p=none is a warning that leads to the DMARC fix (Italian)', async ({ page }) => {
	const domain = fixture('spf-deep', { dmarc: 'warn' });
	await page.goto(at('it', 'dmarc'));
	const dmarc = await run(page, 'dmarc', { domain });
	await expect(dmarc).toHaveAttribute('data-status', 'warn');
	await continueTo(page, dmarc, 'dmarc-fix');
	await expect(step(page, 'dmarc-fix').locator('a[data-dns-anchor="dmarc"]')).toHaveAttribute(
		'href',
		`/it/dns/?domain=${domain}&offer=hosted#dmarc`
	);
});

test('the DKIM step without a selector says where to find one and runs nothing', async ({
	page,
}) => {
	const domain = fixture('auth-ok', { dkim: 'pass' });
	const queries: string[] = [];
	page.on('request', (request) => {
		if (request.url().startsWith(RELAY)) queries.push(request.url());
	});
	await page.goto(at('en', 'dkim'));
	const dkim = await run(page, 'dkim', { domain });
	await expect(dkim).toHaveAttribute('data-status', 'skip');
	await expect(dkim).toContainText('Give your DKIM selector first');
	await expect(dkim.getByTestId('tree-continue')).toHaveCount(0);
	await expect(step(page, 'dkim').getByTestId('tree-dkim')).toBeFocused();
	expect(queries).toEqual([]);
});

test('a malformed selector is refused on the form, quoted as text, focus on its field', async ({
	page,
}) => {
	await page.goto(at('en', 'dkim'));
	const dkim = await run(page, 'dkim', {
		domain: 'auth-ok.example.test',
		dkim: '<img src=x onerror=alert(1)>',
	});
	await expect(dkim).toHaveAttribute('data-status', 'invalid');
	await expect(dkim).toContainText('“<img src=x onerror=alert(1)>” is not a DKIM selector');
	await expect(page.locator('decision-tree img')).toHaveCount(0);
	await expect(step(page, 'dkim').getByTestId('tree-dkim')).toBeFocused();
});

test('TXT data with HTML and control characters is shown as text in the SPF step', async ({
	page,
}) => {
	let dialogs = 0;
	page.on('dialog', (dialog) => {
		dialogs++;
		void dialog.dismiss();
	});
	const domain = fixture('spf-hostile', { spf: 'fail' });
	await page.goto(at('en', 'spf'));
	const spf = await run(page, 'spf', { domain });
	await expect(spf).toHaveAttribute('data-status', 'fail');
	// The record's unreadable term, quoted as the checker quotes it.
	await expect(spf).toContainText('“<img”');
	await expect(page.locator('decision-tree img')).toHaveCount(0);
	expect(dialogs).toBe(0);
});

test('a check that cannot run says so, offers no verdict and leaves the answers by hand', async ({
	page,
}) => {
	await page.goto(at('en', 'dmarc', 'servfail/'));
	const dmarc = await run(page, 'dmarc', { domain: fixture('auth-ok', { dmarc: 'pass' }) });
	await expect(dmarc).toHaveAttribute('data-status', 'error');
	await expect(dmarc).toContainText('could not be checked');
	await expect(dmarc).toContainText('says nothing about your records');
	await expect(dmarc.getByTestId('tree-continue')).toHaveCount(0);
	await step(page, 'dmarc').locator('a[data-answer="differ"]').click();
	await expect(current(page)).toHaveAttribute('data-step', 'dmarc-fix');
});

test('while a check runs, the step says so and the form is busy', async ({ page }) => {
	// The resolver's answers are held until the test has seen the step at work.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(`${RELAY}/**`, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto(at('en', 'spf'));
	const form = step(page, 'spf').locator('form');
	await form.getByTestId('tree-domain').fill(fixture('auth-ok', { spf: 'pass' }));
	await form.getByTestId('tree-run').click();
	const verdict = form.getByTestId('tree-verdict');
	await expect(verdict).toHaveAttribute('data-state', 'running');
	await expect(verdict).toHaveText('Checking auth-ok.example.test…');
	await expect(verdict).toHaveAttribute('role', 'status');
	await expect(form).toHaveAttribute('aria-busy', 'true');
	release();
	await expect(verdict).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
	await expect(verdict).toHaveAttribute('data-status', 'pass');
	await expect(form).not.toHaveAttribute('aria-busy', /.*/);
});

test('the SPF step with the keyboard alone: type, Enter, then continue', async ({ page }) => {
	await page.goto(at('en', 'spf'));
	const spfStep = step(page, 'spf');
	await spfStep.getByTestId('tree-domain').focus();
	await page.keyboard.type(fixture('auth-ok', { spf: 'pass' }));
	await page.keyboard.press('Enter');
	const verdict = spfStep.getByTestId('tree-verdict');
	await expect(verdict).toHaveAttribute('data-status', 'pass', { timeout: 15_000 });
	// From the submit button, Tab reaches the verdict's "Continue" link.
	await spfStep.getByTestId('tree-run').focus();
	for (let i = 0; i < 5; i++) {
		await page.keyboard.press('Tab');
		if (await verdict.getByTestId('tree-continue').evaluate((e) => e === document.activeElement))
			break;
	}
	await expect(verdict.getByTestId('tree-continue')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(current(page)).toHaveAttribute('data-step', 'dkim');
	await expect(step(page, 'dkim').locator('h2')).toBeFocused();
});

test('the DKIM step with its verdict shown has no accessibility violation', async ({ page }) => {
	await page.goto(at('en', 'dkim'));
	const dkim = await run(page, 'dkim', {
		domain: fixture('dkim-one', { dkim: 'warn' }),
		dkim: 'ovhex123456',
	});
	await expect(dkim).toHaveAttribute('data-status', 'warn');
	const violations = await runAxe(page, { include: ['section[data-step="dkim"]'] });
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the DKIM step’s form opens the DNS checker with the domain and the selector', async ({
		page,
	}) => {
		await page.goto('/en/troubleshooting/#dkim');
		const form = step(page, 'dkim').locator('form');
		await form.getByTestId('tree-domain').fill('example.com');
		await form.getByTestId('tree-dkim').fill('ovhex123456');
		await form.getByTestId('tree-run').click();
		await expect(page).toHaveURL(/\/en\/dns\/\?domain=example\.com&dkim=ovhex123456$/);
	});

	test('the fix links to the DNS page’s section', async ({ page }) => {
		await page.goto('/en/troubleshooting/#spf-fix');
		await expect(step(page, 'spf-fix').locator('a[data-dns-anchor="spf"]')).toHaveAttribute(
			'href',
			'/en/dns/#spf'
		);
	});
});
