/**
 * The security headers that ship (public/_headers, copied to dist/_headers, and the same CSP as a
 * <meta> in each page) are strict and the site works under them: pages are loaded from the server
 * that applies dist/_headers as shipped (SHIPPED_URL), never the test variant that allows a local
 * DoH relay.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_URL } from '../../playwright.config';
import {
	expandPagePolicies,
	headersFor,
	inlineScripts,
	metaPolicy,
	parseCsp,
	parseHeaders,
	readMeta,
	scriptHash,
} from '../../scripts/lib/headers.mjs';
import { DIST, allHtmlPaths, distFile, recordCspViolations, sitePages } from './support/dist';
import { SERVER } from '../fixtures/dns/zone.mjs';

const shipped = readFileSync(join(DIST, '_headers'), 'utf8');
const rules = parseHeaders(shipped);
const cspOf = (path: string) => headersFor(rules, path).get('content-security-policy')!;
const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;

test.describe('what ships', () => {
	test('dist/_headers is public/_headers with one policy rule per page, nothing else', () => {
		const source = readFileSync(
			join(import.meta.dirname, '..', '..', 'public', '_headers'),
			'utf8'
		);
		expect(source).toContain('$CSP:checks');
		expect(source).toContain('$CSP:private');
		expect(rules.filter((rule) => rule.pattern.startsWith('$'))).toEqual([]);
		expect(shipped).toBe(expandPagePolicies(source, allHtmlPaths()));
	});

	test('every page gets exactly one policy: static hosts join matching rules, browsers enforce each', () => {
		for (const path of allHtmlPaths()) {
			const matching = rules.filter((rule) =>
				headersFor([rule], path).has('content-security-policy')
			);
			expect
				.soft(
					matching.map((rule) => rule.pattern),
					path
				)
				.toHaveLength(1);
		}
	});

	test('the policy allows no inline script, eval, plugin or framing', () => {
		for (const path of ['/', '/en/dns/', '/fr/diagnostic/']) {
			const csp = parseCsp(cspOf(path));
			expect(csp.get('default-src')).toEqual(["'none'"]);
			const scriptSrc = csp.get('script-src')!;
			expect(scriptSrc).not.toContain("'unsafe-inline'");
			expect(scriptSrc).not.toContain("'unsafe-eval'");
			expect(scriptSrc.filter((s) => !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toEqual([
				"'self'",
				"'wasm-unsafe-eval'",
			]);
			expect(csp.get('object-src')).toEqual(["'none'"]);
			expect(csp.get('base-uri')).toEqual(["'none'"]);
			expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
		}
	});

	test('pages that run checks may reach any https origin; every other page only its own', () => {
		for (const path of allHtmlPaths()) {
			const connect = parseCsp(cspOf(path)).get('connect-src');
			const runsChecks = /^\/[a-z]{2}\/(dns|troubleshooting)\/$/.test(path);
			expect.soft(connect, path).toEqual(runsChecks ? ["'self'", 'https:'] : ["'self'"]);
		}
		for (const path of ['/en/diagnostic/', '/fr/ndr/', '/it/'])
			expect(parseCsp(cspOf(path)).get('connect-src')).toEqual(["'self'"]);
	});

	test('every page carries the usual security headers', () => {
		for (const path of allHtmlPaths()) {
			const headers = headersFor(rules, path);
			expect.soft(headers.get('x-content-type-options'), path).toBe('nosniff');
			expect.soft(headers.get('referrer-policy'), path).toBe('no-referrer');
			expect.soft(headers.get('x-frame-options'), path).toBe('DENY');
			expect.soft(headers.get('strict-transport-security'), path).toMatch(/max-age=\d{8,}/);
			expect.soft(headers.get('permissions-policy'), path).toContain('geolocation=()');
			expect.soft(headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
		}
	});

	test('every page has the same policy in a <meta> before its first script', () => {
		for (const path of allHtmlPaths()) {
			const html = readFileSync(distFile(path), 'utf8');
			expect.soft(readMeta(html), path).toBe(metaPolicy(cspOf(path)));
			const meta = html.indexOf('http-equiv="content-security-policy"');
			const firstScript = html.indexOf('<script');
			expect
				.soft(
					meta > 0 && (firstScript === -1 || meta < firstScript),
					`${path}: <meta> before the first <script>`
				)
				.toBe(true);
		}
	});

	test('every inline script of every page is allowed by its hash (else review it and run npm run csp:hashes)', () => {
		for (const path of allHtmlPaths()) {
			const allowed = parseCsp(cspOf(path)).get('script-src')!;
			for (const text of inlineScripts(readFileSync(distFile(path), 'utf8'))) {
				expect
					.soft(
						allowed,
						`${path}: inline script starting ${JSON.stringify(text.trim().slice(0, 60))}`
					)
					.toContain(scriptHash(text));
			}
		}
	});

	test('no local or test origin is allowed anywhere in dist/', () => {
		const local = /127\.0\.0\.1|localhost|\[::1\]/;
		expect(shipped).not.toMatch(
			new RegExp(`^\\s+Content-Security-Policy:.*(${local.source})`, 'm')
		);
		for (const path of allHtmlPaths())
			expect.soft(readMeta(readFileSync(distFile(path), 'utf8')) ?? '', path).not.toMatch(local);
	});
});

test.describe('pages under the shipped policy', () => {
	test.use({ baseURL: SHIPPED_URL });

	for (const path of sitePages()) {
		test(`${path} loads with no CSP violation and no request to another origin`, async ({
			page,
		}) => {
			const violations = await recordCspViolations(page);
			const foreign: string[] = [];
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.protocol !== 'data:' && url.origin !== SHIPPED_URL) foreign.push(request.url());
			});
			const response = await page.goto(path, { waitUntil: 'networkidle' });
			expect(response?.headers()['content-security-policy']).toBe(cspOf(path));
			// Prefetch on hover and focus is part of loading a page for a reader: trigger it too.
			await page.keyboard.press('Tab');
			await page.waitForLoadState('networkidle');
			expect(foreign).toEqual([]);
			expect(await violations()).toEqual([]);
		});
	}

	test('the diagnostic reader, theme picker and search all work under the policy', async ({
		page,
	}) => {
		const violations = await recordCspViolations(page);
		await page.goto('/fr/diagnostic/');
		await page
			.getByTestId('diag-input')
			.fill("ATTENZIONE: l'account è scaduto\nWebmail authentication has failed");
		await page.locator('diagnostic-reader button[type="submit"]').click();
		await expect(page.getByTestId('diag-result').first()).toBeVisible();

		await page.locator('starlight-theme-select select').first().selectOption('light');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

		// Pagefind compiles WebAssembly and runs a worker: both must pass script-src/worker-src.
		await page.locator('button[data-open-modal]').first().click();
		const dialog = page.getByRole('dialog');
		await dialog.getByRole('textbox').fill('MX');
		await expect(dialog.locator('a[href^="/fr/"]').first()).toBeVisible();
		expect(await violations()).toEqual([]);
	});

	test('a resolver the reader names (https) works on the DNS page as shipped', async ({ page }) => {
		const violations = await recordCspViolations(page);
		// The named resolver is answered by the test itself from the DNS fixture: the request must
		// pass the page's policy to reach the route at all.
		const asked: string[] = [];
		await page.route('https://doh.reader.test/dns-query?**', async (route) => {
			asked.push(route.request().url());
			const search = new URL(route.request().url()).search;
			await route.fulfill({ response: await route.fetch({ url: `${RELAY}/dns-query${search}` }) });
		});
		await page.goto(
			`/en/dns/?domain=valid.example.test&server=${SERVER}&resolver=${encodeURIComponent('https://doh.reader.test/dns-query')}`
		);
		const report = page.getByTestId('dns-report');
		await expect(report).toHaveAttribute('data-state', 'done');
		await expect(report.locator('[data-check="mx"]')).toHaveAttribute('data-status', 'pass');
		await expect(report.locator('[data-check="srv"]')).toHaveAttribute('data-status', 'pass');
		await expect(report.locator('[data-check="mx"]')).toContainText('Answered by doh.reader.test');
		expect(asked.length).toBeGreaterThan(0);
		expect(await violations()).toEqual([]);
	});

	test('a resolver the shipped policy refuses is reported as such, with what to do', async ({
		page,
	}) => {
		const sent: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/dns-query')) sent.push(request.url());
		});
		await page.goto(
			`/en/dns/?domain=valid.example.test&resolver=${encodeURIComponent(`${RELAY}/dns-query`)}`
		);
		const report = page.getByTestId('dns-report');
		await expect(report).toHaveAttribute('data-state', 'done');
		for (const check of ['mx', 'srv']) {
			const box = report.locator(`[data-check="${check}"]`);
			await expect(box).toHaveAttribute('data-status', 'error');
			await expect(box).toContainText('security policy (CSP)');
			await expect(box).toContainText('Choose a built-in resolver');
			await expect(box).not.toContainText(/try again/i);
		}
		// Refused before any request: nothing was sent.
		expect(sent).toEqual([]);
	});

	test('a page where private data is pasted cannot reach another origin', async ({ page }) => {
		const violations = await recordCspViolations(page);
		await page.goto('/en/diagnostic/');
		const outcome = await page.evaluate(() =>
			fetch('https://cloudflare-dns.com/dns-query').then(
				() => 'sent',
				() => 'refused'
			)
		);
		expect(outcome).toBe('refused');
		expect((await violations()).join('\n')).toMatch(/connect-src.*cloudflare-dns\.com/);
	});

	test('a request to a local DoH relay is blocked by what ships', async ({ page }) => {
		const violations = await recordCspViolations(page);
		await page.goto('/en/dns/');
		const outcome = await page.evaluate(() =>
			fetch('http://127.0.0.1:9/dns-query').then(
				() => 'sent',
				() => 'refused'
			)
		);
		expect(outcome).toBe('refused');
		expect((await violations()).join('\n')).toMatch(/connect-src.*127\.0\.0\.1:9/);
	});
});

test.describe('the test variant', () => {
	test('allows the local DoH relay on the pages that run checks, and nothing else more', async ({
		page,
		baseURL,
	}) => {
		const violations = await recordCspViolations(page);
		const other = await page.goto('/en/diagnostic/');
		expect(other!.headers()['content-security-policy']).toBe(cspOf('/en/diagnostic/'));
		const response = await page.goto('/en/dns/');
		const csp = parseCsp(response!.headers()['content-security-policy']!);
		expect(csp.get('connect-src')).toEqual([
			"'self'",
			'https:',
			'http://127.0.0.1:*',
			'http://localhost:*',
		]);
		// A request to the shipped server's port (another local origin) is not blocked by the CSP.
		await page.evaluate(
			(url) => fetch(url, { mode: 'no-cors' }).catch(() => undefined),
			`${SHIPPED_URL}/en/`
		);
		expect(await violations()).toEqual([]);
		expect(baseURL).not.toBe(SHIPPED_URL);
	});
});
