import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the built site (`npm run build` first), served by scripts/serve-dist.mjs
 * with the headers of public/_headers (`astro preview` ignores that file).
 * Uses Debian's Chromium: Playwright cannot download its own browsers here.
 */
// A port per checkout, so two working copies testing at once never share a server.
const checkoutPort =
	4400 + ([...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 500);
const PORT = Number(process.env.PREVIEW_PORT ?? checkoutPort);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// The DNS fixture (tests/fixtures/dns/serve.mjs) takes five ports from the same per-checkout hash;
// set in the environment so the test workers and the fixture agree.
const dnsBase = 20000 + (checkoutPort % 500) * 5;
process.env.DNS_UNBOUND_PORT ??= String(dnsBase);
process.env.DNS_DNSDIST_PORT ??= String(dnsBase + 1);
process.env.DNS_DOH_PORT ??= String(dnsBase + 2);
process.env.DNS_RELAY_PORT ??= String(dnsBase + 3);
process.env.DNS_RESOLVER_PORT ??= String(dnsBase + 4);
// The RDAP fixture (tests/fixtures/rdap/serve.mjs): one port, above the DNS fixture's range.
process.env.RDAP_PORT ??= String(22000 + (checkoutPort % 500));
/** The local RDAP server, for the checker's `rdap` parameter. */
export const RDAP_URL = `http://127.0.0.1:${process.env.RDAP_PORT}/`;
/**
 * The same dist/ with the headers exactly as shipped. BASE_URL serves the test variant, whose CSP
 * also allows a DoH relay on 127.0.0.1 (the DNS checker's tests need it); security tests use this.
 */
export const SHIPPED_URL = `http://127.0.0.1:${PORT + 1}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	// Two cores here, and the suite mostly waits (page loads, DNS and RDAP round trips, the
	// analyzers' work in the page): four workers keep both cores busy where two left them 65 %
	// idle. PW_WORKERS overrides it.
	workers: Number(process.env.PW_WORKERS ?? 4),
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	// Per test; tests that loop over many pages or values size theirs to what they do.
	timeout: 30_000,
	// Waiting for something to appear: generous, so a loaded machine is slow, not failing.
	expect: { timeout: 15_000 },
	use: {
		baseURL: BASE_URL,
		// Off unless asked for (PW_TRACE=1): recording every test's trace for the few that fail
		// cost a quarter of the suite's CPU time (diagnostic + toc specs: 88 s of CPU with it,
		// 66 s without), and this machine's two cores are what the suite waits for.
		trace: process.env.PW_TRACE ? 'retain-on-failure' : 'off',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// This machine has no internet: stop Chromium's own background calls.
			args: [
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
			],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: [
		{
			command: `node scripts/serve-dist.mjs --port ${PORT} --allow-local-doh --shipped-port ${PORT + 1}`,
			url: `${BASE_URL}/en/`,
			reuseExistingServer: process.env.PW_REUSE_SERVER === '1',
			timeout: 60_000,
		},
		{
			// unbound + dnsdist (DoH) + a fault-injecting relay, all on 127.0.0.1: the DNS checker's
			// tests never reach the internet.
			command: 'node tests/fixtures/dns/serve.mjs',
			url: `http://127.0.0.1:${process.env.DNS_RELAY_PORT}/health`,
			reuseExistingServer: process.env.PW_REUSE_SERVER === '1',
			timeout: 30_000,
			stdout: 'pipe',
		},
		{
			// RDAP answers (RFC 9083 JSON, CORS header) for the `domain` check, one domain per outcome.
			command: 'node tests/fixtures/rdap/serve.mjs',
			url: `${RDAP_URL}health`,
			reuseExistingServer: process.env.PW_REUSE_SERVER === '1',
			timeout: 30_000,
			stdout: 'pipe',
		},
	],
});
