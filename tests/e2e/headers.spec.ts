/**
 * The message header analyzer (/{lang}/headers/, issue 16) in a real browser, on the built site:
 * the contract attributes of DESIGN.md ("Message headers") on hand-checked fixtures, the .eml
 * input, the links to the DNS checker, the no-request guarantee, hostile and bad input, the
 * keyboard, axe in both themes, and the hand-over from the bounce analyzer.
 *
 * Expected values were worked out by hand from the fixtures (tests/fixtures/headers-page/):
 * late-to-ovh.txt, Received lines bottom to top:
 *   09:02:10Z by relay.example.org; 09:20:40Z by mx4.mail.ovh.net (+1110 s = 18 min 30 s);
 *   10:20:44+0100 = 09:20:44Z by DAG6EX1 (+4 s); 10:20:45+0100 = 09:20:45Z by DAG6EX2 (+1 s);
 *   total 09:20:45 - 09:02:10 = 1115 s; longest: hop 2, at mx4.mail.ovh.net, which is the
 *   Authentication-Results authserv-id (the recipient's server): the wait was before it.
 * junk-at-microsoft.eml: a Received without a date first, then 14:05:03Z by mail.example.net,
 *   14:04:18Z by AM6P192CA0081 (-45 s: clocks), 14:04:20Z (+2 s), 14:05:02Z (+42 s); total -1 s.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_URL } from '../../playwright.config';
import { parseCsp, readMeta } from '../../scripts/lib/headers.mjs';
import { runAxe } from './support/axe';
import { LOCALES, recordCspViolations } from './support/dist';
import { openSearchBox, searchBox } from './support/site';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'headers-page');
const LATE = readFileSync(join(FIXTURES, 'late-to-ovh.txt'), 'utf8');
const JUNK_EML = join(FIXTURES, 'junk-at-microsoft.eml');

const report = (page: Page) => page.getByTestId('headers-report');

/** The hops' contract attributes, in the order shown. */
const hopData = (page: Page) =>
	page.getByTestId('hop').evaluateAll((items) =>
		items.map((item) => {
			const { from, by, time, delay } = (item as HTMLElement).dataset;
			return { from, by, time, delay };
		})
	);

/**
 * 500 hops over 1 MB (each Received line padded with a long `id`), newest first: hop n, by
 * h{n}.example.net, a minute after hop n-1, except hop 300, which waited 2 h 1 min (7260 s).
 * No Authentication-Results, so no hop is the recipient's.
 */
function longRoute(): string {
	const start = Date.UTC(2026, 11, 1, 0, 0, 0);
	const lines: string[] = [];
	for (let n = 500; n >= 1; n--) {
		const at = new Date(start + (n - 1) * 60_000 + (n >= 300 ? 7_200_000 : 0)).toUTCString();
		const id = `${n}`.padStart(6, '0') + 'Q'.repeat(1_950);
		lines.push(
			`Received: from h${n - 1}.example.net by h${n}.example.net with ESMTP id ${id}\r\n\tfor <anna@example.fr>; ${at}`
		);
	}
	lines.push('Subject: a loop', '');
	return lines.join('\r\n');
}

/** A paste into the box, as Ctrl+V gives it (the page holds a paste this large out of the box). */
async function pasteLarge(page: Page, text: string) {
	await page.getByTestId('headers-input').focus();
	await page.evaluate((t) => {
		const data = new DataTransfer();
		data.setData('text/plain', t);
		document
			.querySelector('[data-testid="headers-input"]')!
			.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
			);
	}, text);
}

async function open(page: Page, locale = 'en') {
	await page.goto(`/${locale}/headers/`);
	await page.getByTestId('headers-input').focus();
	await expect(page.locator('headers-analyzer')).toHaveAttribute('data-parser', 'ready');
}

async function analyze(page: Page, text: string) {
	await page.getByTestId('headers-input').fill(text);
	await page.locator('headers-analyzer button[type="submit"]').click();
	await expect(report(page)).toHaveAttribute('data-state', 'done');
}

const LATE_HOPS = [
	{
		from: 'laptop.example.org',
		by: 'relay.example.org',
		time: '2026-12-01T09:02:10Z',
		delay: '',
	},
	{
		from: 'relay.example.org',
		by: 'mx4.mail.ovh.net',
		time: '2026-12-01T09:20:40Z',
		delay: '1110',
	},
	{
		from: 'mx4.mail.ovh.net',
		by: 'DAG6EX1.mxp6.local',
		time: '2026-12-01T09:20:44Z',
		delay: '4',
	},
	{
		from: 'DAG6EX1.mxp6.local',
		by: 'DAG6EX2.mxp6.local',
		time: '2026-12-01T09:20:45Z',
		delay: '1',
	},
];

/** What each language says of the longest wait (hop 2, 18 min 30 s, before the recipient). */
const LONGEST: Record<string, RegExp> = {
	en: /hop 2: 18\smins 30\ssecs before mx4\.mail\.ovh\.net/,
	fr: /saut 2\s: 18\smin 30\ss avant que mx4\.mail\.ovh\.net/,
	it: /passaggio 2: 18\smin 30\ss prima che mx4\.mail\.ovh\.net/,
};

for (const locale of LOCALES) {
	test(`/${locale}/headers/: pasted headers give the hops, the total and the longest wait`, async ({
		page,
	}) => {
		await open(page, locale);
		await expect(report(page)).toBeHidden();
		await analyze(page, LATE);
		expect(await hopData(page)).toEqual(LATE_HOPS);
		await expect(page.getByTestId('total-delay')).toHaveAttribute('data-seconds', '1115');
		await expect(report(page).locator('.headers-longest')).toHaveText(LONGEST[locale]!);
		await expect(report(page).locator('.headers-hop[data-longest]')).toHaveAttribute(
			'data-by',
			'mx4.mail.ovh.net'
		);
		await expect(report(page).locator('.headers-side')).toBeVisible();
		// The time in UTC, as the reader's language writes it.
		await expect(page.getByTestId('hop').nth(1).locator('time')).toHaveAttribute(
			'datetime',
			'2026-12-01T09:20:40Z'
		);
		await expect(page.getByTestId('hop').nth(1).locator('time')).toContainText('09:20:40');
	});
}

/** What a reader looking for the page types in the search box, in each language. */
const SEARCHES: Record<string, string> = {
	en: 'message headers',
	fr: 'en-têtes de message',
	it: 'intestazioni del messaggio',
};

for (const locale of LOCALES) {
	test(`/${locale}/: the search box finds the header analyzer page first`, async ({ page }) => {
		await page.goto(`/${locale}/`);
		await openSearchBox(page);
		expect((await searchBox(page, SEARCHES[locale]!)).page).toBe(`/${locale}/headers/`);
	});
}

test.describe('the header analyzer', () => {
	test('shows the tracer ID first, the authentication results and the spam verdict', async ({
		page,
	}) => {
		await open(page);
		await analyze(page, LATE);
		const tracer = page.getByTestId('tracer-id');
		await expect(tracer).toHaveAttribute('data-value', '7362451983621457309');
		// First in the report, before any other section.
		expect(
			await report(page).evaluate((r) => (r.firstElementChild as HTMLElement).dataset.testid)
		).toBe('tracer-id');
		await expect(tracer).toContainText('OVHcloud support');
		const auth = await page
			.getByTestId('auth')
			.evaluateAll((items) =>
				items.map((i) => [(i as HTMLElement).dataset.method, (i as HTMLElement).dataset.result])
			);
		expect(auth).toEqual([
			['spf', 'softfail'],
			['dkim', 'fail'],
			['dmarc', 'fail'],
		]);
		await expect(page.getByTestId('auth').first()).toContainText('~all');
		const spam = page.getByTestId('spam-verdict');
		await expect(spam).toHaveCount(1);
		await expect(spam).toHaveAttribute('data-source', 'ovh');
		await expect(spam).toHaveAttribute('data-score', '350');
		await expect(spam).toContainText('Spam: OVHcloud’s filter marked the message');
		const identity = page.getByTestId('identity');
		await expect(identity.locator('[data-field="messageId"]')).toHaveText(
			'<20261201090208.8E1F2A0@relay.example.org>'
		);
		await expect(identity.locator('[data-field="subject"]')).toHaveText('Invoice 2026-118');
	});

	test('links each result to its check on the DNS page, with the DKIM selector', async ({
		page,
	}) => {
		await open(page, 'fr');
		await analyze(page, LATE);
		const links = await page
			.locator('[data-testid="auth"] a[data-check]')
			.evaluateAll((as) =>
				as.map((a) => [(a as HTMLElement).dataset.check, a.getAttribute('href')])
			);
		expect(links).toEqual([
			['spf', '/fr/dns/?domain=news.example.org#check'],
			['dkim', '/fr/dns/?domain=example.org&dkim=mail2026#check'],
			['dmarc', '/fr/dns/?domain=example.org#check'],
		]);
		// The link opens the checker with the domain filled in.
		await page.locator('[data-testid="auth"] a[data-check="dmarc"]').click();
		await expect(page).toHaveURL(/\/fr\/dns\/\?domain=example\.org#check$/);
		await expect(page.locator('#check')).toBeAttached();
	});

	test('reads an .eml file: clock differences, a Received without a date, Microsoft', async ({
		page,
	}) => {
		await open(page);
		await page.getByTestId('headers-file').setInputFiles(JUNK_EML);
		await expect(report(page)).toHaveAttribute('data-state', 'done');
		expect(await hopData(page)).toEqual([
			{ from: '', by: 'pc12.example.net', time: '', delay: '' },
			{
				from: 'pc12.example.net',
				by: 'mail.example.net',
				time: '2026-12-01T14:05:03Z',
				delay: '',
			},
			{
				from: 'mail.example.net',
				by: 'AM6P192CA0081.EURP192.PROD.OUTLOOK.COM',
				time: '2026-12-01T14:04:18Z',
				delay: '-45',
			},
			{
				from: 'AM6P192CA0081.EURP192.PROD.OUTLOOK.COM',
				by: 'AM9PR01MB7300.eurprd01.prod.outlook.com',
				time: '2026-12-01T14:04:20Z',
				delay: '2',
			},
			{
				from: 'AM9PR01MB7300.eurprd01.prod.outlook.com',
				by: 'DB9PR01MB9514.eurprd01.prod.outlook.com',
				time: '2026-12-01T14:05:02Z',
				delay: '42',
			},
		]);
		await expect(page.getByTestId('total-delay')).toHaveAttribute('data-seconds', '-1');
		await expect(page.getByTestId('total-delay')).toContainText('clocks disagree');
		// A negative hop is a clock difference between the two servers, never a negative delay.
		await expect(page.getByTestId('hop').nth(2)).toContainText(
			'45 secs earlier than the previous hop: the clocks of mail.example.net and AM6P192CA0081.EURP192.PROD.OUTLOOK.COM disagree'
		);
		await expect(page.getByTestId('hop').nth(0)).toContainText('no date in this Received line');
		await expect(report(page).locator('[data-warning="receivedWithoutDate"]')).toContainText(
			'Received line 1 carries no date'
		);
		await expect(report(page).locator('.headers-side')).toContainText(
			'after the recipient’s server took the message'
		);
		const dkim = page.locator('[data-testid="auth"][data-method="dkim"] a');
		// The result names no selector: the DKIM-Signature's s= is used.
		await expect(dkim).toHaveAttribute(
			'href',
			'/en/dns/?domain=example.net&dkim=ovhex4471-selector1#check'
		);
		const verdicts = page.getByTestId('spam-verdict');
		await expect(verdicts).toHaveCount(2);
		await expect(verdicts.first()).toHaveAttribute('data-source', 'microsoft');
		await expect(verdicts.first()).toHaveAttribute('data-score', '5');
		await expect(verdicts.first()).toContainText('Spam: delivered to the junk folder');
		await expect(verdicts.first()).toContainText('Spam: the filter marked the message as spam.');
		await expect(page.getByTestId('tracer-id')).toHaveCount(0);
		// The encoded subject decoded, and its markup kept as text.
		await expect(page.getByTestId('identity').locator('[data-field="subject"]')).toHaveText(
			'Quote <b>ready</b> — été 2026'
		);
		expect(await report(page).locator('b').count()).toBe(0);
	});

	test('makes no request but its own scripts, and none at all while analysing', async ({
		page,
		baseURL,
	}) => {
		const all: string[] = [];
		page.on('request', (request) => all.push(request.url()));
		const violations = await recordCspViolations(page);
		await open(page);
		const during: string[] = [];
		const record = (request: { url(): string }) => during.push(request.url());
		page.on('request', record);
		await analyze(page, LATE);
		await page.getByTestId('headers-file').setInputFiles(JUNK_EML);
		await expect(page.getByTestId('hop')).toHaveCount(5);
		page.off('request', record);
		expect(during).toEqual([]);
		const origin = new URL(baseURL!).origin;
		expect(all.filter((url) => new URL(url).origin !== origin)).toEqual([]);
		expect(await violations()).toEqual([]);
	});

	test('the shipped page may connect to its own origin only', async ({ request }) => {
		// The header's policy and the <meta> (for hosts that ignore _headers) both say 'self' alone.
		for (const locale of LOCALES) {
			const response = await request.get(`${SHIPPED_URL}/${locale}/headers/`);
			const header = parseCsp(response.headers()['content-security-policy'] ?? '');
			expect(header.get('connect-src'), locale).toEqual(["'self'"]);
			const meta = parseCsp(readMeta(await response.text()) ?? '');
			expect(meta.get('connect-src'), locale).toEqual(["'self'"]);
		}
	});

	test('loads the parser only when the analyzer is used', async ({ page }) => {
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script' || request.url().endsWith('.js'))
				scripts.push(new URL(request.url()).pathname);
		});
		await page.goto('/en/headers/');
		await expect(page.locator('headers-analyzer')).toBeAttached();
		await page.waitForLoadState('networkidle');
		const onLoad = scripts.length;
		expect(scripts.some((s) => /headersWorker|postal-mime|analyzeHeaders/.test(s))).toBe(false);
		await page.getByTestId('headers-input').focus();
		await expect(page.locator('headers-analyzer')).toHaveAttribute('data-parser', 'ready');
		expect(scripts.length).toBeGreaterThan(onLoad);
	});

	test('shows hostile headers as text and runs nothing', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		const violations = await recordCspViolations(page);
		await open(page);
		const hostile = [
			'Received: from <img src=x onerror="window.__pwned=1"> by <script>window.__pwned=2</script>;',
			' Tue, 1 Dec 2026 09:00:00 +0000',
			'Subject: "><svg onload="window.__pwned=3">\u0007\u001b[31m\u202Eevil',
			'Authentication-Results: <b>x</b>; spf=pass smtp.mailfrom="><img src=y onerror=alert(1)>',
			'X-Ovh-Tracer-Id: <i onmouseover="window.__pwned=4">1</i>',
			'',
		].join('\r\n');
		await analyze(page, hostile);
		const state = await page.evaluate(() => ({
			pwned: (window as unknown as { __pwned?: number }).__pwned,
			injected: document.querySelectorAll(
				'headers-analyzer img, headers-analyzer script, headers-analyzer svg, headers-analyzer i, [onerror], [onload], [onmouseover]'
			).length,
		}));
		expect(state).toEqual({ pwned: undefined, injected: 0 });
		await expect(page.getByTestId('identity').locator('[data-field="subject"]')).toContainText(
			'"><svg onload="window.__pwned=3">'
		);
		// A link is only ever built from a domain: this "domain" gets none.
		await expect(page.locator('[data-testid="auth"] a')).toHaveCount(0);
		expect(errors).toEqual([]);
		expect(await violations()).toEqual([]);
	});

	test('says what is wrong with empty, body-only and binary input', async ({ page }) => {
		await open(page);
		await analyze(page, '   \n');
		await expect(page.getByTestId('headers-error')).toContainText('nothing to analyse');
		await analyze(page, 'Hello Anna,\n\nhere is the invoice you asked for.\n\nPaul\n');
		await expect(page.getByTestId('headers-error')).toContainText('No header lines were found');
		await page.getByTestId('headers-input').fill('');
		await page.getByTestId('headers-file').setInputFiles({
			name: 'photo.eml',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, ...Array(400).fill(7)]),
		});
		await expect(page.getByTestId('headers-error')).toContainText('This is not text');
		await expect(page.getByTestId('hop')).toHaveCount(0);
	});

	test('reads 1 MB of headers pasted without freezing the box', async ({ page }) => {
		test.setTimeout(60_000);
		await open(page);
		// 2,000 hops a minute apart, newest first, padded to over 1 MB with a long header.
		const lines: string[] = [];
		for (let i = 2000; i >= 1; i--) {
			const t = new Date(Date.UTC(2026, 11, 1, 0, 0, 0) + i * 60_000).toUTCString();
			lines.push(`Received: from h${i - 1}.example.net by h${i}.example.net with ESMTP; ${t}`);
		}
		lines.push(`X-Padding: ${'x'.repeat(1_000_000)}`, 'Subject: big', '');
		const text = lines.join('\r\n');
		expect(text.length).toBeGreaterThan(1_000_000);
		await pasteLarge(page, text);
		// Held out of the box (its layout would take seconds), analysed at once.
		await expect(page.getByTestId('headers-held')).toBeVisible();
		await expect(page.getByTestId('headers-input')).toHaveValue('');
		await expect(report(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
		await expect(page.getByTestId('hop').first()).toBeAttached();
		await expect(page.getByTestId('total-delay')).not.toHaveAttribute('data-seconds', '');
	});

	test('lays out the start of a 1 MB route and what it points out, then every hop on request, and copies them all', async ({
		page,
		context,
	}) => {
		test.setTimeout(90_000);
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await open(page);
		const text = longRoute();
		expect(text.length).toBeGreaterThan(1_000_000);
		await pasteLarge(page, text);
		await expect(report(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
		// The first 50 hops, then the longest wait (hop 300) and the last, each numbered in the route.
		const firstBy = await page
			.getByTestId('hop')
			.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.by));
		expect(firstBy).toEqual([
			...Array.from({ length: 50 }, (_, i) => `h${i + 1}.example.net`),
			'h300.example.net',
			'h500.example.net',
		]);
		const longest = page.locator('[data-testid="hop"][data-longest]');
		await expect(longest).toHaveAttribute('data-by', 'h300.example.net');
		await expect(longest).toHaveAttribute('data-delay', '7260');
		expect(await longest.evaluate((item) => (item as HTMLLIElement).value)).toBe(300);
		await expect(page.getByTestId('total-delay')).toHaveAttribute(
			'data-seconds',
			String(499 * 60 + 7200)
		);
		await expect(page.getByTestId('hops-more')).toContainText('52 of the 500 hops are shown');

		// The copy holds every hop, numbered 1 to 500 in travel order, before any is added on screen.
		await page.locator('.headers-copy-all button').click();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		const numbered = [...copied.matchAll(/^(\d+)\. h(\d+)\.example\.net · /gm)];
		expect(numbered.map((m) => [m[1], m[2]])).toEqual(
			Array.from({ length: 500 }, (_, i) => [String(i + 1), String(i + 1)])
		);

		// With the keyboard: the button lays out the 448 others in their place; focus goes on to hop 51.
		const button = page.getByTestId('hops-show-all');
		await expect(button).toHaveText('Show all 500 hops');
		await button.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('hop')).toHaveCount(500, { timeout: 60_000 });
		await expect(page.getByTestId('hops-more')).toBeHidden();
		const all = await hopData(page);
		expect(all.map((hop) => hop.by)).toEqual(
			Array.from({ length: 500 }, (_, i) => `h${i + 1}.example.net`)
		);
		expect(all[1]!.delay).toBe('60');
		expect(all[299]!.delay).toBe('7260');
		// Every hop is numbered by its place, whatever list of the route it sits in.
		const numbers = await page
			.getByTestId('hop')
			.evaluateAll((items) => items.map((item) => (item as HTMLLIElement).value));
		expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
		await expect(page.locator('[data-testid="hop"][data-gap]')).toHaveCount(0);
		const focused = page.locator('[data-testid="hop"]:focus');
		await expect(focused).toHaveAttribute('data-by', 'h51.example.net');
		await expect(page.locator('.headers-status')).toHaveText('All 500 hops are shown.');
	});

	for (const [locale, more, button] of [
		['fr', '52 sauts sur 500 sont affichés', 'Afficher les 500 sauts'],
		['it', 'Sono mostrati 52 passaggi su 500', 'Mostra tutti i 500 passaggi'],
	] as const) {
		test(`/${locale}/headers/: a 1 MB .eml shows part of its route and offers the rest`, async ({
			page,
		}) => {
			test.setTimeout(60_000);
			await open(page, locale);
			await page.getByTestId('headers-file').setInputFiles({
				name: 'loop.eml',
				mimeType: 'message/rfc822',
				buffer: Buffer.from(longRoute()),
			});
			await expect(report(page)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
			await expect(page.getByTestId('hop')).toHaveCount(52);
			await expect(page.getByTestId('hops-more')).toContainText(more);
			await expect(page.getByTestId('hops-show-all')).toHaveText(button);
			await page.getByTestId('hops-show-all').click();
			await expect(page.getByTestId('hop')).toHaveCount(500, { timeout: 60_000 });
			await expect(page.locator('[data-testid="hop"]:focus')).toHaveAttribute(
				'data-by',
				'h51.example.net'
			);
		});
	}

	test('copies the tracer ID and the whole analysis', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await open(page);
		await analyze(page, LATE);
		await page.getByTestId('tracer-id').getByRole('button').click();
		await expect(page.getByTestId('tracer-id').locator('.headers-copied')).toHaveText('Copied.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('7362451983621457309');
		await page.locator('.headers-copy-all button').click();
		const text = await page.evaluate(() => navigator.clipboard.readText());
		expect(text).toContain('OVHcloud tracer ID: 7362451983621457309');
		expect(text).toContain('2. mx4.mail.ovh.net · From: relay.example.org [198.51.100.7]');
		expect(text).toContain('18 mins 30 secs after the previous hop');
		expect(text).toContain('- DKIM fail: ');
		expect(text).toContain('Message-ID: <20261201090208.8E1F2A0@relay.example.org>');
	});

	test('is used with the keyboard alone', async ({ page }) => {
		await page.goto('/en/headers/');
		for (let i = 0; i < 200; i++) {
			await page.keyboard.press('Tab');
			if (await page.getByTestId('headers-input').evaluate((el) => el === document.activeElement))
				break;
		}
		await expect(page.getByTestId('headers-input')).toBeFocused();
		await page.keyboard.insertText(LATE);
		// Tab past the file input to the button, then Enter.
		for (let i = 0; i < 5; i++) {
			await page.keyboard.press('Tab');
			if (
				await page
					.locator('headers-analyzer button[type="submit"]')
					.evaluate((el) => el === document.activeElement)
			)
				break;
		}
		await expect(page.locator('headers-analyzer button[type="submit"]')).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(report(page)).toHaveAttribute('data-state', 'done');
		// The report's controls follow in the tab order: the tracer's copy button first.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(page.getByTestId('tracer-id').getByRole('button')).toBeFocused();
		const outline = await page
			.getByTestId('tracer-id')
			.getByRole('button')
			.evaluate((el) => getComputedStyle(el).outlineStyle);
		expect(outline).not.toBe('none');
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`has no accessibility violation with a report, ${theme} theme`, async ({ page }) => {
			// Two axe runs and two analyses: sized for a machine shared with other work.
			test.setTimeout(60_000);
			await page.emulateMedia({ colorScheme: theme });
			await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			await open(page);
			await analyze(page, LATE);
			await page.getByTestId('hop').first().locator('summary').click();
			expect(await runAxe(page, { include: ['headers-analyzer'] })).toEqual([]);
			await page.getByTestId('headers-file').setInputFiles(JUNK_EML);
			await expect(page.getByTestId('hop')).toHaveCount(5);
			expect(await runAxe(page, { include: ['headers-analyzer'] })).toEqual([]);
		});
	}

	test('opens the headers a bounce returned, handed over without the network', async ({ page }) => {
		await page.goto('/en/ndr/');
		await page.getByTestId('ndr-input').focus();
		await expect(page.locator('ndr-analyzer')).toHaveAttribute('data-parser', 'ready');
		const bounce = [
			'From: Mail Delivery System <MAILER-DAEMON@relay.example.org>',
			'To: paul@example.org',
			'Subject: Undelivered Mail Returned to Sender',
			'',
			"I'm sorry to have to inform you that your message could not be delivered.",
			'<anna@example.fr>: host mx4.mail.ovh.net[198.51.100.9] said: 550 5.1.1',
			'    <anna@example.fr>: Recipient address rejected: User unknown',
			'',
			'--- Below this line is a copy of the message.',
			'',
			LATE,
		].join('\n');
		await page.getByTestId('ndr-input').fill(bounce);
		await page.locator('ndr-analyzer button[type="submit"]').click();
		const offer = page.getByTestId('ndr-returned-headers');
		await expect(offer).toBeVisible();
		const requests: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'document') requests.push(r.url());
		});
		await offer.getByRole('button').click();
		await expect(page).toHaveURL(/\/en\/headers\/$/);
		await expect(report(page)).toHaveAttribute('data-state', 'done');
		expect(await hopData(page)).toEqual(LATE_HOPS);
		// Nothing of the headers went into an address; the storage is emptied once read.
		expect(requests.every((url) => !url.includes('?') && !url.includes('example.org'))).toBe(true);
		expect(await page.evaluate(() => sessionStorage.getItem('headers.fromBounce'))).toBeNull();
		await expect(page.locator('.headers-handoff')).toBeVisible();
	});
});
