#!/usr/bin/env node
/**
 * Message header analyzer speed, as a person gets it (issue 16: time to the report for 1 MB of
 * headers, target under 200 ms in Chromium): the built `/en/headers/` page served by serve-dist,
 * in Chromium, driving the page's own `<headers-analyzer>` through its controls (a paste into the
 * box, the file input), timed in the page from the person's action to the rendered report
 * (`[data-testid="headers-report"][data-state="done"]`: the script is done) and to the first frame
 * after it (its style, layout and paint included: the report on screen), with the page's long tasks
 * recorded by a PerformanceObserver (`longtask`: any main-thread task over 50 ms). Then "Show all
 * N hops" on the 1 MB report (the hops laid out at first are a preview, hopPreview.ts): from the
 * click to every hop in the list, and the longest task meanwhile. Then the page's weight: the
 * JavaScript it loads at start (gzip -9, as tests/e2e/js-budget.spec.ts counts it) and what the
 * first use fetches (the worker with src/lib/headers and postal-mime).
 *
 * Usage: npm run build && node bench/headers.mjs [runs]   (from the repo root; Chromium from
 * CHROMIUM_PATH or /usr/bin/chromium; port from BENCH_PORT or 4398; another build's folder, to
 * compare, from BENCH_DIST, default dist)
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { serveSite } from './lib/serveSite.mjs';
import { measurePage } from '../scripts/lib/pageScripts.mjs';

const runs = Number(process.argv[2] ?? 7);
const port = Number(process.env.BENCH_PORT ?? 4398);
const dist = process.env.BENCH_DIST ?? 'dist';
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
	w.__bench = { tasks: [], done: 0, painted: 0, started: 0 };
	if (!w.__benchObserver) {
		w.__benchObserver = new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				w.__bench.tasks.push({ start: e.startTime, duration: e.duration });
		});
		w.__benchObserver.observe({ type: 'longtask' });
		const report = document.querySelector('[data-testid="headers-report"]');
		new MutationObserver(() => {
			if (report.dataset.state !== 'done' || w.__bench.done) return;
			const b = w.__bench;
			b.done = performance.now();
			// rAF runs before the frame's style, layout and paint; a task queued from it runs after.
			requestAnimationFrame(() => setTimeout(() => (b.painted = performance.now()), 0));
		}).observe(report, { attributes: true, attributeFilter: ['data-state'] });
	}
}

function collect() {
	const b = /** @type {any} */ (window).__bench;
	const during = b.tasks.filter((t) => t.start + t.duration >= b.started - 1);
	return {
		ms: b.done - b.started,
		painted: b.painted - b.started,
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
	await page.waitForFunction(() => /** @type {any} */ (window).__bench.painted > 0);
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
	await page.waitForFunction(() => /** @type {any} */ (window).__bench.painted > 0);
	return page.evaluate(collect);
}

/**
 * "Show all N hops" on the report on show (after a 1 MB analysis), timed from the click to the
 * first frame after the last hop is in; undefined where the page shows every hop at once.
 */
async function showAll(page) {
	const button = page.getByTestId('hops-show-all');
	if (!(await button.count())) return undefined;
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__bench.tasks = [];
		const more = document.querySelector('[data-testid="hops-more"]');
		new MutationObserver((_, observer) => {
			if (!more.hidden) return;
			observer.disconnect();
			w.__bench.done = performance.now();
			requestAnimationFrame(() => setTimeout(() => (w.__bench.painted = performance.now()), 0));
		}).observe(more, { attributes: true, attributeFilter: ['hidden'] });
		w.__bench.done = 0;
		w.__bench.painted = 0;
		w.__bench.started = performance.now();
		/** @type {HTMLButtonElement} */ (
			document.querySelector('[data-testid="hops-show-all"]')
		).click();
	});
	await page.waitForFunction(() => /** @type {any} */ (window).__bench.painted > 0, undefined, {
		timeout: 60_000,
	});
	return page.evaluate(collect);
}

const f = (ms) => `${ms.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const range = (xs) => `${f(Math.min(...xs))}-${f(Math.max(...xs))}`;

/** Medians (and ranges) of a set of runs: script done, on screen, the longest task, hops laid out. */
function summary(results) {
	const done = results.map((r) => r.ms);
	const painted = results.map((r) => r.painted);
	const longest = results.map((r) => r.longest);
	return `script done ${f(median(done))} (${range(done)}), on screen ${f(median(painted))} (${range(painted)}), longest main-thread task ${f(median(longest))} (max ${f(Math.max(...longest))}) -> ${results[0].hops} hops laid out`;
}

const { gzip, files } = measurePage(dist, readFileSync(`${dist}/en/headers/index.html`, 'utf8'));
const text = megabyteOfHeaders();
const stopSite = await serveSite({ port, dir: dist });
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
		`Chromium ${browser.version()}, /en/headers/ from ${dist}, ${runs} runs each, load average ${loadavg()[0].toFixed(1)}`
	);
	console.log(
		`JavaScript at start: ${gzip.toLocaleString('en-GB')} B gzip (${files.length} files); fetched on first use: ${onUse.reduce((a, b) => a + b, 0).toLocaleString('en-GB')} B gzip (${onUse.length} files)`
	);
	const shows = [];
	for (const [name, run] of [
		[`paste of ${(text.length / MB).toFixed(2)} MB of headers`, () => paste(page, text)],
		[
			`.eml file of ${(Buffer.byteLength(text) / MB).toFixed(2)} MB`,
			async () => {
				const result = await openFile(page, text);
				const shown = await showAll(page);
				if (shown) shows.push(shown);
				return result;
			},
		],
	]) {
		const results = [];
		for (let i = 0; i < runs; i++) results.push(await run());
		console.log(`  ${name}: ${summary(results)}`);
	}
	if (shows.length) console.log(`  then "Show all" hops: ${summary(shows)}`);
	console.log(`load average at the end ${loadavg()[0].toFixed(1)}`);
} finally {
	await browser.close();
	stopSite();
}
