#!/usr/bin/env node
/**
 * Message header analyzer speed, as a person gets it (issue 16: time to the report for 1 MB of
 * headers, target under 200 ms in Chromium): the built `/en/headers/` page served by serve-dist,
 * in Chromium, driving the page's own `<headers-analyzer>` through its controls (a paste into the
 * box, the file input), timed in the page from the person's action to the rendered report
 * (`[data-testid="headers-report"][data-state="done"]`), with the page's long tasks recorded by a
 * PerformanceObserver (`longtask`: any main-thread task over 50 ms). Then the page's weight: the
 * JavaScript it loads at start (gzip -9, as tests/e2e/js-budget.spec.ts counts it) and what the
 * first use fetches (the worker with src/lib/headers and postal-mime).
 *
 * Usage: npm run build && node bench/headers.mjs [runs]   (from the repo root; Chromium from
 * CHROMIUM_PATH or /usr/bin/chromium; port from BENCH_PORT or 4398)
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { serveSite } from './lib/serveSite.mjs';
import { measurePage } from '../scripts/lib/pageScripts.mjs';

const runs = Number(process.argv[2] ?? 7);
const port = Number(process.env.BENCH_PORT ?? 4398);
const MB = 1024 * 1024;

/**
 * 1 MB of real-looking headers: the hand-checked fixture's set (Received, Authentication-Results,
 * DKIM-Signature, spam headers) with Received lines added until it weighs a megabyte, the way a
 * message looping between relays or a long mailing-list path grows.
 */
function megabyteOfHeaders() {
	const base = readFileSync('tests/fixtures/headers-page/late-to-ovh.txt', 'utf8');
	const extra = [];
	let size = base.length;
	for (let i = 0; size < MB; i++) {
		const when = new Date(Date.UTC(2026, 11, 1, 8, 0, 0) - i * 1000).toUTCString();
		const line = `Received: from relay${i + 1}.example.net (relay${i + 1}.example.net [198.51.100.${i % 250}])\r\n\tby relay${i}.example.net (Postfix) with ESMTPS id ${(1e9 + i).toString(16).toUpperCase()}\r\n\tfor <anna@example.fr>; ${when}\r\n`;
		extra.push(line);
		size += line.length;
	}
	// Newest first: the added relays sit below (earlier than) the sender's own first hop.
	return base + extra.join('');
}

/** In the page: start recording long tasks and the moment the report says done. */
function arm() {
	const w = /** @type {any} */ (window);
	w.__bench = { tasks: [], done: 0, started: 0 };
	if (!w.__benchObserver) {
		w.__benchObserver = new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				w.__bench.tasks.push({ start: e.startTime, duration: e.duration });
		});
		w.__benchObserver.observe({ type: 'longtask' });
		const report = document.querySelector('[data-testid="headers-report"]');
		new MutationObserver(() => {
			if (report.dataset.state === 'done' && !w.__bench.done) w.__bench.done = performance.now();
		}).observe(report, { attributes: true, attributeFilter: ['data-state'] });
	}
}

function collect() {
	const b = /** @type {any} */ (window).__bench;
	const during = b.tasks.filter((t) => t.start + t.duration >= b.started - 1);
	return {
		ms: b.done - b.started,
		longest: Math.max(0, ...during.map((t) => t.duration)),
		hops: document.querySelectorAll('[data-testid="hop"]').length,
	};
}

async function reset(page) {
	await page.locator('headers-analyzer button[type="reset"]').click();
	await page.evaluate(() => {
		/** @type {HTMLInputElement} */ (
			document.querySelector('headers-analyzer input[type=file]')
		).value = '';
	});
}

/** Ctrl+V of the text into the box: the page holds a large paste and analyses it at once. */
async function paste(page, text) {
	await reset(page);
	await page.evaluate((value) => navigator.clipboard.writeText(value), text);
	await page.getByTestId('headers-input').focus();
	await page.evaluate(arm);
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		document.addEventListener('keydown', () => (w.__bench.started ||= performance.now()), {
			capture: true,
			once: true,
		});
	});
	await page.keyboard.press('ControlOrMeta+V');
	await page
		.locator('[data-testid="headers-report"][data-state="done"]')
		.waitFor({ timeout: 60_000 });
	return page.evaluate(collect);
}

/** The file input's change with a 1 MB .eml, timed from the change event. */
async function openFile(page, text) {
	await reset(page);
	await page.evaluate((text) => {
		const transfer = new DataTransfer();
		transfer.items.add(new File([text], 'message.eml', { type: 'message/rfc822' }));
		/** @type {any} */ (window).__benchFiles = transfer.files;
	}, text);
	await page.evaluate(arm);
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		const input = /** @type {HTMLInputElement} */ (
			document.querySelector('headers-analyzer input[type=file]')
		);
		input.files = w.__benchFiles;
		setTimeout(() => {
			w.__bench.started = performance.now();
			input.dispatchEvent(new Event('change', { bubbles: true }));
		}, 20);
	});
	await page
		.locator('[data-testid="headers-report"][data-state="done"]')
		.waitFor({ timeout: 60_000 });
	return page.evaluate(collect);
}

const f = (ms) => `${ms.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const { gzip, files } = measurePage('dist', readFileSync('dist/en/headers/index.html', 'utf8'));
const text = megabyteOfHeaders();
const stopSite = await serveSite({ port });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
	const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
	const page = await context.newPage();
	const onUse = [];
	await page.goto(`http://127.0.0.1:${port}/en/headers/`);
	await page.waitForLoadState('networkidle');
	page.on('response', async (response) => {
		if (/\.js$/.test(response.url()))
			onUse.push(gzipSync(await response.body(), { level: 9 }).length);
	});
	await page.getByTestId('headers-input').focus();
	await page.locator('headers-analyzer[data-parser="ready"]').waitFor();
	console.log(
		`Chromium ${browser.version()}, /en/headers/ from dist, ${runs} runs each, load average ${loadavg()[0].toFixed(1)}`
	);
	console.log(
		`JavaScript at start: ${gzip.toLocaleString('en-GB')} B gzip (${files.length} files); fetched on first use: ${onUse.reduce((a, b) => a + b, 0).toLocaleString('en-GB')} B gzip (${onUse.length} files)`
	);
	for (const [name, run] of [
		[`paste of ${(text.length / MB).toFixed(2)} MB of headers`, () => paste(page, text)],
		[`.eml file of ${(Buffer.byteLength(text) / MB).toFixed(2)} MB`, () => openFile(page, text)],
	]) {
		const results = [];
		for (let i = 0; i < runs; i++) results.push(await run());
		const times = results.map((r) => r.ms).sort((a, b) => a - b);
		console.log(
			`  ${name}: report after ${f(median(times))} (${f(times[0])}-${f(times.at(-1))}), longest main-thread task ${f(median(results.map((r) => r.longest)))} (max ${f(Math.max(...results.map((r) => r.longest)))}) -> ${results[0].hops} hops`
		);
	}
} finally {
	await browser.close();
	stopSite();
}
