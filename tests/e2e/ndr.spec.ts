import { expect, test, type Page } from '@playwright/test';
import { LOCALES } from './support/site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'bounces');
const CODES = Object.entries(
	JSON.parse(readFileSync(join(ROOT, 'src', 'content', 'ndr', 'codes.json'), 'utf8'))
) as [string, { rangeEnd?: string }][];

/** What each fixture must show, in the order the analyzer lists them. */
const EXPECTED: Record<string, string[]> = {
	'exchange-online.eml': ['5.1.10'],
	'postfix.eml': ['5.2.2'],
	'exim.eml': ['5.7.1'],
	'gmail.eml': ['5.1.1'],
	'ovh-fr.eml': ['4.4.1'],
	'italian-forwarded.eml': ['5.2.2'],
	'multi-recipient.eml': ['5.1.1', '5.7.606', '4.4.7'],
	'pasted-exchange.txt': ['5.7.509'],
};

/** Opens the page and waits until the MIME parser is loaded (it loads on first interaction). */
async function openAnalyzer(page: Page, locale: string) {
	await page.goto(`/${locale}/ndr/`);
	await page.getByTestId('ndr-input').focus();
	await expect(page.locator('ndr-analyzer')).toHaveAttribute('data-parser', 'ready');
}

async function analyze(page: Page, text: string) {
	await page.getByTestId('ndr-input').fill(text);
	await page.locator('ndr-analyzer button[type="submit"]').click();
	await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
}

const shownCodes = (page: Page) =>
	page
		.getByTestId('ndr-result')
		.evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.code));

for (const locale of LOCALES) {
	test.describe(`/${locale}/ndr/`, () => {
		test('every code, class and subject has its anchor, ids exactly the code', async ({ page }) => {
			await page.goto(`/${locale}/ndr/`);
			const ids = new Set(await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id)));
			const missing = CODES.map(([code]) => code).filter((code) => !ids.has(code));
			expect(missing).toEqual([]);
			for (const anchor of ['2.x.x', '4.x.x', '5.x.x', '5.1.x', '4.4.x', '5.7.x'])
				expect(ids.has(anchor), anchor).toBe(true);
			// Each code of a vendor range has an anchor too.
			for (const code of ['5.7.606', '5.7.620', '5.7.649', '4.7.699'])
				expect(ids.has(code), code).toBe(true);
			// No anchor twice.
			const all = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
			expect(all.length).toBe(new Set(all).size);
		});

		test('searching a code finds its anchor (Pagefind index of this language)', async ({
			page,
		}) => {
			await page.goto(`/${locale}/ndr/`);
			const urls = await page.evaluate(async (query) => {
				const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
				const search = await pagefind.search(query);
				const pages = await Promise.all(
					search.results.map((r: { data(): Promise<{ sub_results: { url: string }[] }> }) =>
						r.data()
					)
				);
				return pages.flatMap((p: { sub_results: { url: string }[] }) =>
					p.sub_results.map((sub) => sub.url)
				);
			}, '5.7.606');
			expect(urls).toContain(`/${locale}/ndr/#5.7.606`);
		});

		for (const code of ['5.1.1', '4.4.7', '5.7.606', '5.7.23']) {
			test(`#${code} lands on its section`, async ({ page }) => {
				await page.goto(`/${locale}/ndr/#${code}`);
				const heading = page.locator(`h4[id="${code}"]`);
				await expect(heading).toBeInViewport();
				await expect(page.locator(`section.ndr-code:has(> h4[id="${code}"]) dd`)).toHaveCount(3);
			});
		}
	});
}

test.describe('the bounce analyzer', () => {
	for (const [file, codes] of Object.entries(EXPECTED)) {
		test(`pasting ${file} shows ${codes.join(', ')}`, async ({ page }) => {
			await openAnalyzer(page, 'en');
			await analyze(page, readFileSync(join(FIXTURES, file), 'utf8'));
			expect(await shownCodes(page)).toEqual(codes);
			// Each result links to its code's anchor, and the anchor exists on the page.
			const link = page.getByTestId('ndr-result').first().locator('a');
			await expect(link).toHaveAttribute('href', `#${codes[0]}`);
			await link.click();
			await expect(page.locator(`[id="${codes[0]}"]`)).toBeInViewport();
		});
	}

	test('opening an .eml file shows its codes, recipients and servers', async ({ page }) => {
		await openAnalyzer(page, 'it');
		await page.getByTestId('ndr-file').setInputFiles(join(FIXTURES, 'italian-forwarded.eml'));
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
		expect(await shownCodes(page)).toEqual(['5.2.2']);
		const output = page.getByTestId('ndr-output');
		await expect(output).toContainText('franco@esempio.it');
		await expect(output).toContainText('smtp.esempio-posta.it');
		await expect(output).toContainText('inoltrato');
	});

	test('no request leaves the page while analyzing', async ({ page, baseURL }) => {
		// One analysis per fixture and a file: sized to the count, for a busy machine.
		test.setTimeout(30_000 + (Object.keys(EXPECTED).length + 1) * 5_000);
		// Over the whole visit, nothing goes to another origin; while analyzing, nothing at all.
		const crossOrigin: string[] = [];
		page.on('request', (request) => {
			if (new URL(request.url()).origin !== new URL(baseURL!).origin)
				crossOrigin.push(request.url());
		});
		await openAnalyzer(page, 'fr');
		const during: string[] = [];
		const record = (request: { url(): string }) => during.push(request.url());
		page.on('request', record);
		for (const file of Object.keys(EXPECTED))
			await analyze(page, readFileSync(join(FIXTURES, file), 'utf8'));
		await page.getByTestId('ndr-file').setInputFiles(join(FIXTURES, 'gmail.eml'));
		await expect(page.getByTestId('ndr-result')).toHaveCount(1);
		page.off('request', record);
		expect(during).toEqual([]);
		expect(crossOrigin).toEqual([]);
	});

	test('a code that is not listed gets a generic answer linked to its subject', async ({
		page,
	}) => {
		await openAnalyzer(page, 'fr');
		await analyze(page, 'host mx.example.org said: 550 5.3.9 something odd');
		const result = page.getByTestId('ndr-result');
		await expect(result).toHaveAttribute('data-code', '5.3.9');
		await expect(result).toHaveAttribute('data-kind', 'generic');
		await expect(result.locator('a')).toHaveAttribute('href', '#5.3.x');
		await expect(result).toContainText('Réponse générique');
	});

	test('an empty box gets a clear message', async ({ page }) => {
		await openAnalyzer(page, 'en');
		await analyze(page, '  \n ');
		await expect(page.getByTestId('ndr-error')).toContainText('nothing to read');
		await expect(page.getByTestId('ndr-result')).toHaveCount(0);
	});

	test('a binary file is refused with a message', async ({ page }) => {
		await openAnalyzer(page, 'en');
		await page.getByTestId('ndr-file').setInputFiles({
			name: 'photo.eml',
			mimeType: 'application/octet-stream',
			buffer: Buffer.from([
				0x89,
				0x50,
				0x4e,
				0x47,
				0,
				0,
				0,
				13,
				...Array.from({ length: 500 }, (_, i) => i % 7),
			]),
		});
		await expect(page.getByTestId('ndr-error')).toContainText('not a mail message');
	});

	test('a 20 MB file gets a size message without being read', async ({ page }) => {
		// Any read of a file's bytes is recorded: the limit must be applied to its size first.
		await page.addInitScript(() => {
			const reads: string[] = [];
			(window as unknown as { __reads: string[] }).__reads = reads;
			for (const method of ['arrayBuffer', 'text', 'stream', 'bytes'] as const) {
				const original = Blob.prototype[method] as (...args: unknown[]) => unknown;
				if (!original) continue;
				Object.defineProperty(Blob.prototype, method, {
					value(this: Blob, ...args: unknown[]) {
						if (this.size > 10 * 1024 * 1024) reads.push(method);
						return original.apply(this, args);
					},
				});
			}
		});
		await openAnalyzer(page, 'it');
		// The file is made in the page: handing 20 MB over the DevTools protocol is not what is tested.
		await page.getByTestId('ndr-file').evaluate((input: HTMLInputElement) => {
			const files = new DataTransfer();
			files.items.add(
				new File([new Uint8Array(20 * 1024 * 1024)], 'big.eml', { type: 'message/rfc822' })
			);
			input.files = files.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
		await expect(page.getByTestId('ndr-error')).toContainText('troppo grande');
		expect(await page.evaluate(() => (window as unknown as { __reads: string[] }).__reads)).toEqual(
			[]
		);
	});

	test('markup in headers and body is shown as text, never run', async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await openAnalyzer(page, 'en');
		await analyze(
			page,
			[
				'From: <img src=x onerror=alert(1)>@evil.example',
				'Subject: <script>alert(2)</script>',
				'Reporting-MTA: dns; <b>mx.example.org</b>',
				'',
				'<img src=x onerror=alert(3)>@evil.example: 550 5.1.1 <script>alert(4)</script>',
				'Final-Recipient: rfc822; <svg onload=alert(5)>@x.example',
				'Status: 5.1.1',
			].join('\n')
		);
		expect(await shownCodes(page)).toEqual(['5.1.1']);
		const output = page.getByTestId('ndr-output');
		await expect(output.locator('img, script, svg, b')).toHaveCount(0);
		expect(dialogs).toEqual([]);
	});

	test('one card per recipient with the contract attributes, and one result per code shown', async ({
		page,
	}) => {
		await openAnalyzer(page, 'en');
		await analyze(page, readFileSync(join(FIXTURES, 'multi-recipient.eml'), 'utf8'));
		const cards = await page.getByTestId('ndr-recipient').evaluateAll((items) =>
			items.map((i) => {
				const d = (i as HTMLElement).dataset;
				return [d.recipient, d.code, d.reason, d.action];
			})
		);
		expect(cards).toEqual([
			['alice@example.com', '5.1.1', 'userunknown', 'failed'],
			['bruno@contoso.example', '5.7.606', 'blocked', 'failed'],
			['chiara@lento.example', '4.4.7', 'networkerror', 'delayed'],
		]);
		// What happened, who must act and what to do first are in the card itself, not behind a link.
		const alice = page.locator('[data-testid="ndr-recipient"][data-recipient="alice@example.com"]');
		await expect(alice).toContainText('The address does not exist');
		await expect(alice).toContainText('You, the sender');
		await expect(alice).toContainText('Check the address letter by letter');
		await expect(alice).toContainText('User unknown in virtual mailbox table');
		expect(await shownCodes(page)).toEqual(['5.1.1', '5.7.606', '4.4.7']);
	});

	test('a delay reads as still being retried, with nothing to do yet, apart from failures', async ({
		page,
	}) => {
		await openAnalyzer(page, 'fr');
		await page.getByTestId('ndr-file').setInputFiles(join(FIXTURES, 'ovh-fr.eml'));
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
		const card = page.getByTestId('ndr-recipient');
		await expect(card).toHaveAttribute('data-action', 'delayed');
		await expect(card).toHaveAttribute('data-recipient', 'eve@exemple.fr');
		await expect(page.locator('[data-group="failed"]')).toHaveCount(0);
		await expect(page.locator('[data-group="delayed"]')).toContainText('Rien pour l’instant');
		await expect(page.getByTestId('ndr-output')).not.toContainText('La remise a échoué');
		// Outlook.com's delay notice: 4.4.7 with nothing else is no cause to tell, and no failure.
		await page.getByTestId('ndr-file').setInputFiles(join(FIXTURES, 'sisimai', 'outlook-06.eml'));
		await expect(page.getByTestId('ndr-recipient')).toHaveAttribute(
			'data-recipient',
			'kijitora@example.com'
		);
		await expect(page.getByTestId('ndr-recipient')).toHaveAttribute('data-action', 'delayed');
		await expect(page.getByTestId('ndr-recipient')).not.toContainText(
			'Le délai de remise a expiré'
		);
		await expect(page.getByTestId('ndr-recipient')).toContainText('Personne pour l’instant');
	});

	test('a message that is not a bounce says so and gives no verdict', async ({ page }) => {
		await openAnalyzer(page, 'en');
		await analyze(page, 'Version 5.1.1 of the app is out. Update it from the store.');
		await expect(page.getByTestId('ndr-not-bounce')).toBeVisible();
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-bounce', 'false');
		await expect(page.getByTestId('ndr-recipient')).toHaveCount(0);
		await expect(page.getByTestId('ndr-result')).toHaveCount(0);
	});

	test('opening an .eml, then pressing the button, keeps the file’s result', async ({ page }) => {
		await openAnalyzer(page, 'en');
		await page.getByTestId('ndr-file').setInputFiles(join(FIXTURES, 'postfix.eml'));
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
		await expect(page.getByTestId('ndr-recipient')).toHaveAttribute(
			'data-recipient',
			'bob@example.org'
		);
		await page.locator('ndr-analyzer button[type="submit"]').click();
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
		await expect(page.getByTestId('ndr-error')).toHaveCount(0);
		await expect(page.getByTestId('ndr-recipient')).toHaveAttribute('data-code', '5.2.2');
		await expect(page.getByTestId('ndr-output')).toContainText('postfix.eml');
		// Text typed afterwards is what the button reads then.
		await analyze(page, "Remote Server returned '550 5.7.509 Access denied, DMARC'");
		expect(await shownCodes(page)).toEqual(['5.7.509']);
	});

	test('a large paste is read without being laid out in the box', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await openAnalyzer(page, 'en');
		const block = readFileSync(join(FIXTURES, 'multi-recipient.eml'), 'utf8');
		const big = block.repeat(Math.ceil(300_000 / block.length));
		await page.evaluate((text) => navigator.clipboard.writeText(text), big);
		await page.getByTestId('ndr-input').focus();
		await page.keyboard.press('ControlOrMeta+V');
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done', {
			timeout: 30_000,
		});
		await expect(page.getByTestId('ndr-input')).toHaveValue('');
		await expect(page.getByTestId('ndr-held')).toBeVisible();
		expect(await shownCodes(page)).toEqual(['5.1.1', '5.7.606', '4.4.7']);
		// The button reads the held paste again rather than "nothing to read".
		await page.locator('ndr-analyzer button[type="submit"]').click();
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done', {
			timeout: 30_000,
		});
		await expect(page.getByTestId('ndr-error')).toHaveCount(0);
	});

	test('5.1.10 is explained with Microsoft’s meaning only when Microsoft wrote it', async ({
		page,
	}) => {
		await openAnalyzer(page, 'en');
		await page.getByTestId('ndr-file').setInputFiles(join(FIXTURES, 'sisimai', 'office365-01.eml'));
		await expect(page.getByTestId('ndr-output')).toHaveAttribute('data-state', 'done');
		const result = page.locator('[data-testid="ndr-result"][data-code="5.1.10"]');
		await expect(result.locator('strong')).toHaveText('Recipient not found');
		await analyze(
			page,
			'<info@parked.example>: host mx.parked.example[192.0.2.44] said: 556 5.1.10\n    <info@parked.example>: Recipient address rejected: Domain has null MX (in\n    reply to RCPT TO command)'
		);
		await expect(result.locator('strong')).toHaveText('Recipient domain has a null MX');
		await expect(page.getByTestId('ndr-recipient')).toHaveAttribute('data-reason', 'notaccept');
	});
});
