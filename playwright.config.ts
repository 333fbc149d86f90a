import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the built site (`npm run build` first), served by `astro preview`.
 * Uses Debian's Chromium: Playwright cannot download its own browsers here.
 */
// A port per checkout, so two working copies testing at once never share a server.
const checkoutPort = 4400 + ([...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 500);
const PORT = Number(process.env.PREVIEW_PORT ?? checkoutPort);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 30_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: BASE_URL,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			// This machine has no internet: stop Chromium's own background calls.
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: [
		{
			command: `astro preview --host 127.0.0.1 --port ${PORT}`,
			url: `${BASE_URL}/en/`,
			reuseExistingServer: process.env.PW_REUSE_SERVER === '1',
			timeout: 60_000,
		},
	],
});
