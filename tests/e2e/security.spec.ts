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
import { BUILTIN_RESOLVERS, BUILTIN_RESOLVER_IDS } from '../../src/lib/dns/resolvers';
import {
	headersFor,
	inlineScripts,
	metaPolicy,
	parseCsp,
	parseHeaders,
	readMeta,
	scriptHash,
} from '../../scripts/lib/headers.mjs';
import { DIST, allHtmlPaths, distFile, recordCspViolations, sitePages } from './support/dist';

const shipped = readFileSync(join(DIST, '_headers'), 'utf8');
const rules = parseHeaders(shipped);
const cspOf = (path: string) => headersFor(rules, path).get('content-security-policy')!;
const BUILT_IN_RESOLVERS = BUILTIN_RESOLVER_IDS.map((id) => new URL(BUILTIN_RESOLVERS[id]).origin);

test.describe('what ships', () => {
	test('dist/_headers is public/_headers with the built-in resolvers filled in, nothing else', () => {
		const source = readFileSync(
			join(import.meta.dirname, '..', '..', 'public', '_headers'),
			'utf8'
		);
		expect(source).toContain('$BUILTIN_RESOLVERS');
		expect(shipped).not.toContain('$BUILTIN_RESOLVERS');
		expect(shipped).toBe(source.split('$BUILTIN_RESOLVERS').join(BUILT_IN_RESOLVERS.join(' ')));
	});

	test('the policy allows no inline script, eval, plugin or framing, and talks only to the built-in resolvers', () => {
		const csp = parseCsp(cspOf('/'));
		expect(csp.get('default-src')).toEqual(["'none'"]);
		const scriptSrc = csp.get('script-src')!;
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		expect(scriptSrc).not.toContain("'unsafe-eval'");
		expect(scriptSrc.filter((s) => !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toEqual([
			"'self'",
			"'wasm-unsafe-eval'",
		]);
		expect(csp.get('connect-src')).toEqual(["'self'", ...BUILT_IN_RESOLVERS]);
		expect(csp.get('object-src')).toEqual(["'none'"]);
		expect(csp.get('base-uri')).toEqual(["'none'"]);
		expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
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
	test('allows the local DoH relay and nothing else more', async ({ page, baseURL }) => {
		const violations = await recordCspViolations(page);
		const response = await page.goto('/en/dns/');
		const csp = parseCsp(response!.headers()['content-security-policy']!);
		expect(csp.get('connect-src')).toEqual([
			"'self'",
			...BUILT_IN_RESOLVERS,
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
