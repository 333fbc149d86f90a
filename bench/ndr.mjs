#!/usr/bin/env node
/**
 * Bounce analyzer speed, as a person gets it: the built `/en/ndr/` page served by serve-dist, in
 * Chromium, driving the page's own `<ndr-analyzer>` through its controls (the file input, the
 * text box and its button), timed in the page from the person's action to the rendered verdict
 * (`[data-testid="ndr-output"][data-state="done"]`), with the page's long tasks recorded by a
 * PerformanceObserver (`longtask`: any main-thread task over 50 ms).
 *
 * Two sets of figures:
 * - time to a verdict for 5 MB inputs opened as files (what a dropped .eml does), median of runs;
 * - the longest main-thread task, and the time to a verdict, for big pastes and a 7.4 MB text
 *   file: while that task runs the page does not answer clicks, keys or scrolling.
 *
 * The measurement does not depend on how the analyzer works inside (main thread, worker): it only
 * uses the controls and the output's data-state, so figures before and after a change compare.
 * Usage: npm run build && node bench/ndr.mjs [runs]   (from the repo root; Chromium from
 * CHROMIUM_PATH or /usr/bin/chromium; port from BENCH_PORT or 4399)
 */
import { chromium } from '@playwright/test';
import { serveSite } from './lib/serveSite.mjs';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const runs = Number(process.argv[2] ?? 7);
const port = Number(process.env.BENCH_PORT ?? 4399);
const MB = 1024 * 1024;
const fixture = (name) =>
	readFileSync(`tests/fixtures/bounces/${name}`, 'latin1').replace(/\r\n/g, '\n');

/** A Postfix report returning a 5 MB original (base64 attachment), as the bounce of a big mail is. */
function bigReturnedOriginal(size) {
	const attachment = Buffer.alloc(Math.floor(size * 0.74), 'x')
		.toString('base64')
		.replace(/.{76}/g, '$&\n');
	const boundary = '--8C2F43E1A2.1709550000/mail.example.net';
	const original = `${boundary}\nContent-Type: message/rfc822\n\nFrom: paul@example.net\nTo: bob@example.org\nSubject: big\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="in"\n\n--in\nContent-Type: text/plain\n\nsee attached\n--in\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n${attachment}\n--in--\n`;
	return fixture('postfix.eml').replace(`${boundary}--`, `${original}${boundary}--`);
}

/** Report text without MIME: a multi-recipient report repeated, every line scanned. */
function bigPastedText(size) {
	const block = fixture('multi-recipient.eml').split('\n\n').slice(1).join('\n\n');
	return block.repeat(Math.ceil(size / block.length)).slice(0, size);
}

/** The big report forwarded inside another message (message/rfc822, opened by the analyzer). */
function bigForwarded(size) {
	return `From: a@example.net\nTo: b@example.net\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="outer"\n\n--outer\nContent-Type: text/plain\n\nfyi\n--outer\nContent-Type: message/rfc822\n\n${bigReturnedOriginal(size)}\n--outer--\n`;
}

const fileCases = [
	['report returning a 5 MB original', bigReturnedOriginal(5 * MB)],
	['5 MB of report text, no MIME', bigPastedText(5 * MB)],
	['5 MB report forwarded in a message', bigForwarded(5 * MB)],
];

/** In the page: start recording long tasks and the moment the output says done. */
function arm() {
	const w = /** @type {any} */ (window);
	w.__bench = { tasks: [], done: 0, started: 0 };
	if (!w.__benchObserver) {
		w.__benchObserver = new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				w.__bench.tasks.push({ start: e.startTime, duration: e.duration });
		});
		w.__benchObserver.observe({ type: 'longtask' });
		const output = document.querySelector('[data-testid="ndr-output"]');
		new MutationObserver(() => {
			if (output.dataset.state === 'done' && !w.__bench.done) w.__bench.done = performance.now();
		}).observe(output, { attributes: true, attributeFilter: ['data-state'] });
		// The person's action: the file input's change, or the press of the button.
		const mark = () => (w.__bench.started ||= performance.now());
		document.querySelector('ndr-analyzer input[type=file]').addEventListener('change', mark, true);
		document
			.querySelector('ndr-analyzer button[type=submit]')
			.addEventListener('click', mark, true);
	}
}

/** In the page: the figures since arm(), once the verdict is rendered. */
function collect() {
	const b = /** @type {any} */ (window).__bench;
	const during = b.tasks.filter((t) => t.start + t.duration >= b.started - 1);
	const output = document.querySelector('[data-testid="ndr-output"]');
	return {
		ms: b.done - b.started,
		longest: Math.max(0, ...during.map((t) => t.duration)),
		tasks: during.length,
		codes: [...output.querySelectorAll('[data-testid="ndr-result"]')].map((r) => r.dataset.code),
	};
}

async function reset(page) {
	await page.locator('ndr-analyzer button[type="reset"]').click();
	await page.evaluate(() => {
		const input = /** @type {HTMLInputElement} */ (
			document.querySelector('ndr-analyzer input[type=file]')
		);
		input.value = '';
	});
}

async function openFile(page, name, text) {
	await reset(page);
	// The File is made in the page first (handing megabytes to the page is the bench's cost, not the
	// page's); the change event is then dispatched in a task of its own, as a file chooser does.
	await page.evaluate(
		({ name, text }) => {
			const w = /** @type {any} */ (window);
			const type = name.endsWith('.txt') ? 'text/plain' : 'message/rfc822';
			const transfer = new DataTransfer();
			transfer.items.add(new File([text], name, { type }));
			w.__benchFiles = transfer.files;
		},
		{ name, text }
	);
	await page.evaluate(arm);
	await page.evaluate(() => {
		const input = /** @type {HTMLInputElement} */ (
			document.querySelector('ndr-analyzer input[type=file]')
		);
		input.files = /** @type {any} */ (window).__benchFiles;
		setTimeout(() => input.dispatchEvent(new Event('change', { bubbles: true })), 20);
	});
	await page.locator('[data-testid="ndr-output"][data-state="done"]').waitFor({ timeout: 120_000 });
	return page.evaluate(collect);
}

/**
 * A paste as a person makes it: the text on the clipboard, Ctrl+V in the box (the browser inserts
 * it, and the page may handle the paste event), then the button. Timed from the key press.
 */
async function paste(page, text) {
	await reset(page);
	await page.evaluate((value) => navigator.clipboard.writeText(value), text);
	await page.getByTestId('ndr-input').focus();
	await page.evaluate(arm);
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		document.addEventListener('keydown', () => (w.__bench.started ||= performance.now()), {
			capture: true,
			once: true,
		});
	});
	await page.keyboard.press('ControlOrMeta+V');
	await page.locator('ndr-analyzer button[type="submit"]').click({ timeout: 120_000 });
	await page.locator('[data-testid="ndr-output"][data-state="done"]').waitFor({ timeout: 120_000 });
	return page.evaluate(collect);
}

const f = (ms) => `${ms.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const stopSite = await serveSite({ port });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
	const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
	const page = await context.newPage();
	await page.goto(`http://127.0.0.1:${port}/en/ndr/`);
	await page.getByTestId('ndr-input').focus();
	await page.locator('ndr-analyzer[data-parser="ready"]').waitFor();
	console.log(
		`Chromium ${browser.version()}, /en/ndr/ from dist, ${runs} runs each, load average ${loadavg()[0].toFixed(1)}`
	);
	console.log('Time to a verdict, file opened (median, min-max):');
	for (const [name, text] of fileCases) {
		const results = [];
		for (let i = 0; i < runs; i++) results.push(await openFile(page, 'bounce.eml', text));
		const times = results.map((r) => r.ms).sort((a, b) => a - b);
		console.log(
			`  ${name} (${(Buffer.byteLength(text) / MB).toFixed(1)} MB): ${f(median(times))} (${f(times[0])}-${f(times.at(-1))}), longest task ${f(median(results.map((r) => r.longest)))} -> ${results[0].codes.join(' ')}`
		);
	}
	console.log('Longest main-thread task and time to a verdict (median of runs):');
	const big = [
		['2 MB paste', () => paste(page, bigPastedText(2 * MB))],
		['7 MB paste', () => paste(page, bigPastedText(7 * MB))],
		['7.4 MB .txt file', () => openFile(page, 'bounce.txt', bigPastedText(7.4 * MB))],
	];
	for (const [name, run] of big) {
		const results = [];
		for (let i = 0; i < Math.min(runs, 5); i++) results.push(await run());
		console.log(
			`  ${name}: longest task ${f(median(results.map((r) => r.longest)))} (max ${f(Math.max(...results.map((r) => r.longest)))}), ${median(results.map((r) => r.tasks))} long tasks, verdict after ${f(median(results.map((r) => r.ms)))} -> ${results[0].codes.length} codes`
		);
	}
} finally {
	await browser.close();
	stopSite();
}
