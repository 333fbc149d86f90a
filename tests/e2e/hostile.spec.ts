/**
 * Hostile input: every input and URL parameter gets HTML, script, very long, control-character and
 * Unicode-confusable values, and nothing executes, nothing is sent anywhere but the page's own
 * origin (and the local relay a test names), and the page still answers.
 */
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { LOCALES, recordCspViolations, sitePages } from './support/dist';

/** Values that try to run code, break out of markup, hide text or look like something else. */
const PAYLOADS: Record<string, string> = {
	'an img tag with onerror': '<img src=x onerror="window.__pwned=1">',
	'a script element': '<script>window.__pwned=2</script>',
	'an attribute break-out': '"><svg onload="window.__pwned=3"><x y=\'',
	'a javascript: URL': 'javascript:window.__pwned=4//',
	'a template and entity mix': '{{constructor.constructor("window.__pwned=5")()}}&lt;b&gt;${7*7}',
	'control characters': 'a\u0000b\u0001c\u0007d\u0008e\u001b[31mf\u007fg\u0085h\u2028i\u2029j\r\nk',
	'bidi overrides and zero-width characters':
		'\u202Eexample.com\u202C ex\u200Bample\u200D.com\uFEFF',
	'Unicode confusables (Cyrillic, fullwidth, combining)':
		'\u0435xample.com mx1.mail.ovh.n\u0435t \uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D exa\u0301mple.com',
	'emoji and astral characters': '\u{1F4E7}\u{1F642}.com \u{1D5BE}\u{1D5D1}.com',
	'a long value': `${'a'.repeat(63)}.`.repeat(160),
};
/** Only in text fields: a lone surrogate cannot travel in a URL, and a 200 KB value should not either. */
const FIELD_ONLY: Record<string, string> = {
	'a lone surrogate': 'ab\uD800cd\uDFFFef',
	'200 KB of markup': '<b onmouseover="window.__pwned=6">x</b>'.repeat(5_300),
};

/** Fails the test if anything ran, tried to run, threw, or went to an origin it should not. */
async function guard(page: Page, allowedOrigins: string[] = []) {
	const dialogs: string[] = [];
	const errors: string[] = [];
	const offsite: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('request', (r) => {
		const origin = new URL(r.url()).origin;
		if (!r.url().startsWith('data:') && origin !== BASE_URL && !allowedOrigins.includes(origin))
			offsite.push(r.url().slice(0, 120));
	});
	// Nothing here may reach the internet: a request that gets this far fails fast instead.
	await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
	const violations = await recordCspViolations(page);
	return async (what: string) => {
		// What the page can tell, in one round trip: this runs after every value.
		const state = await page.evaluate(() => ({
			pwned: (window as unknown as { __pwned?: number }).__pwned,
			injected: document.querySelectorAll('[onerror], [onload], [onmouseover]').length,
			// Still answering: the main heading is shown and the page runs script.
			heading: document.querySelector('main h1')?.checkVisibility() ?? false,
			runs: 6 * 7,
		}));
		expect(state.pwned, `${what}: injected code ran`).toBeUndefined();
		expect(state.injected, `${what}: markup from the input became elements`).toBe(0);
		expect(dialogs, `${what}: a dialog opened`).toEqual([]);
		expect(await violations(), `${what}: something tried to break the CSP`).toEqual([]);
		expect(errors, `${what}: uncaught errors`).toEqual([]);
		expect(offsite, `${what}: requests to other origins`).toEqual([]);
		expect(state.heading, `${what}: page still shows its heading`).toBe(true);
		expect(state.runs, `${what}: page still runs`).toBe(42);
	};
}

test.describe('the diagnostic reader', () => {
	// One page per language, every value pasted in turn: the reader renders each anew, and the
	// guard has watched the page since it loaded.
	for (const locale of LOCALES) {
		test(`/${locale}/: shows every hostile value as text and runs nothing`, async ({ page }) => {
			test.setTimeout(10_000 + Object.keys({ ...PAYLOADS, ...FIELD_ONLY }).length * 4_000);
			const check = await guard(page);
			await page.goto(`/${locale}/diagnostic/`);
			const output = page.getByTestId('diag-output');
			for (const [name, value] of Object.entries({ ...PAYLOADS, ...FIELD_ONLY })) {
				await page.getByTestId('diag-input').fill(value);
				await page.locator('diagnostic-reader button[type="submit"]').click();
				await expect(output).not.toBeEmpty();
				await check(name);
				await page.locator('diagnostic-reader button[type="reset"]').click();
				await expect(output).toBeEmpty();
			}
		});
	}
});

const DNS_DEFAULTS = {
	domain: 'example.test',
	offer: 'hosted',
	setup: 'exchange-only',
	server: 'ex5.mail.ovh.net',
	resolver: 'http://127.0.0.1:9/dns-query',
};
/** The only other origin the DNS tests allow: the resolver they name themselves (port 9 refuses at once). */
const NAMED_RESOLVER = new URL(DNS_DEFAULTS.resolver).origin;

test.describe('the DNS page with hostile URL parameters', () => {
	for (const param of Object.keys(DNS_DEFAULTS) as (keyof typeof DNS_DEFAULTS)[]) {
		test(`?${param}= with every hostile value runs nothing and the page answers`, async ({
			page,
		}) => {
			test.setTimeout(10_000 + Object.keys(PAYLOADS).length * 8_000);
			const check = await guard(page, [NAMED_RESOLVER]);
			for (const [name, value] of Object.entries(PAYLOADS)) {
				const query = new URLSearchParams({ ...DNS_DEFAULTS, [param]: value });
				await page.goto(`/en/dns/?${query}`);
				const report = page.getByTestId('dns-report');
				// With a checker on the page, its run must end (an answer or a clear message), never hang.
				if (await page.locator('dns-checker').count())
					await expect(
						page.locator('[data-testid="dns-report"][data-state="running"]')
					).toHaveCount(0, { timeout: 15_000 });
				if (await report.count()) await expect(report).not.toBeEmpty();
				await check(`?${param}=${name}`);
			}
		});
	}
});

test.describe('the DNS checker form', () => {
	test('takes every hostile value in each text field, runs nothing, and answers', async ({
		page,
	}) => {
		const check = await guard(page, [NAMED_RESOLVER]);
		await page.goto('/en/dns/');
		const fields = page.locator(
			'dns-checker input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"])'
		);
		// Some fields sit under "more options": open it so every field can be typed into.
		for (const details of await page.locator('dns-checker details:not([open]) > summary').all())
			await details.click();
		const count = await fields.count();
		expect(count).toBeGreaterThanOrEqual(3);
		// One submission per field and value, each answered before the next.
		test.setTimeout(20_000 + count * Object.keys({ ...PAYLOADS, ...FIELD_ONLY }).length * 4_000);
		// One page for every field and value: each submission runs the checker anew.
		for (let i = 0; i < count; i++) {
			for (const [name, value] of Object.entries({ ...PAYLOADS, ...FIELD_ONLY })) {
				// Valid values in the other fields, so the hostile one is what the checker has to deal with
				// (the page is not reloaded: what the previous round typed is cleared). Set in one step, as
				// a person's typing leaves them: only the hostile value needs typing.
				await page.evaluate((defaults) => {
					const checker = document.querySelector('dns-checker')!;
					for (const input of checker.querySelectorAll('input')) input.value = '';
					const set = (name: string, value: string) => {
						const field = checker.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
						field.value = value;
						field.dispatchEvent(new Event('change', { bubbles: true }));
					};
					set('domain', defaults.domain);
					set('resolver', 'custom');
					set('resolverUrl', defaults.resolver);
				}, DNS_DEFAULTS);
				await fields.nth(i).fill(value);
				await fields.nth(i).press('Enter');
				await expect(page.locator('[data-testid="dns-report"][data-state="running"]')).toHaveCount(
					0,
					{ timeout: 15_000 }
				);
				await check(`field ${i + 1} with ${name}`);
			}
		}
	});
});

test.describe('the bounce analyzer', () => {
	test('takes every hostile value pasted or in an .eml file, runs nothing, and answers', async ({
		page,
	}) => {
		// One analysis per pasted value and per file, each answered before the next; the status
		// code page is the heaviest of the site, and 200 KB of markup is one of the values.
		test.setTimeout(
			20_000 +
				(Object.keys({ ...PAYLOADS, ...FIELD_ONLY }).length + Object.keys(PAYLOADS).length) * 10_000
		);
		const check = await guard(page);
		await page.goto('/en/ndr/');
		const input = page.getByTestId('ndr-input');
		const output = page.getByTestId('ndr-output');
		const submit = page.locator('ndr-analyzer button[type="submit"]');
		// One page: each paste and each file is analysed anew (the output is cleared in between).
		for (const [name, value] of Object.entries({ ...PAYLOADS, ...FIELD_ONLY })) {
			await input.fill(`Remote Server returned '550 5.1.1 ${value}'\n${value}`);
			await submit.click();
			await expect(output).toHaveAttribute('data-state', 'done');
			await check(`pasted ${name}`);
			await page.locator('ndr-analyzer button[type="reset"]').click();
			await expect(output).toBeEmpty();
		}
		const file = page.locator('input[type="file"]');
		await expect(file).toHaveCount(1);
		for (const [name, value] of Object.entries(PAYLOADS)) {
			const eml = [
				`From: "${value}" <mailer-daemon@example.test>`,
				`Subject: ${value}`,
				'Content-Type: text/html; charset=utf-8',
				'',
				`<html><body>${value}<p>550 5.1.1 &lt;user@example.test&gt; ${value}</p><script>window.__pwned=7</script></body></html>`,
			].join('\r\n');
			await file.first().setInputFiles({
				name: 'bounce.eml',
				mimeType: 'message/rfc822',
				buffer: Buffer.from(eml),
			});
			await expect(output).toHaveAttribute('data-state', 'done');
			await check(`.eml with ${name}`);
			await page.locator('ndr-analyzer button[type="reset"]').click();
			await expect(output).toBeEmpty();
		}
	});
});

test.describe('the decision tree', () => {
	test('?step= with every hostile value runs nothing and the page answers', async ({ page }) => {
		test.setTimeout(10_000 + Object.keys(PAYLOADS).length * 6_000);
		const check = await guard(page);
		for (const [name, value] of Object.entries(PAYLOADS)) {
			await page.goto(`/en/troubleshooting/?${new URLSearchParams({ step: value })}`);
			await check(`?step=${name}`);
		}
	});
});

test('every page answers a hostile query string and fragment without running it', async ({
	page,
}) => {
	test.setTimeout(10_000 + sitePages().length * 5_000);
	const check = await guard(page);
	const hostile = `?q=${encodeURIComponent(PAYLOADS['an img tag with onerror']!)}&lang=${encodeURIComponent(PAYLOADS['a script element']!)}#${encodeURIComponent(PAYLOADS['an attribute break-out']!)}`;
	for (const path of sitePages().filter((p) => p !== '/')) {
		await page.goto(path + hostile);
		await check(path);
	}
});
