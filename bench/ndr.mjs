#!/usr/bin/env node
/**
 * Bounce analyzer speed, as a person gets it: the built `/en/ndr/` page served by serve-dist,
 * in Chromium, timing the page's own `<ndr-analyzer>` on 5 MB inputs given as files (what a dropped
 * .eml does), from reading the file to the rendered result.
 * Usage: npm run build && node bench/ndr.mjs [runs]   (from the repo root; Chromium from
 * CHROMIUM_PATH or /usr/bin/chromium; port from BENCH_PORT or 4399)
 */
import { chromium } from '@playwright/test';
import { serveSite } from './lib/serveSite.mjs';
import { readFileSync } from 'node:fs';

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

/** 5 MB of report text without MIME: a multi-recipient report repeated, every line scanned. */
function bigPastedText(size) {
	const block = fixture('multi-recipient.eml').split('\n\n').slice(1).join('\n\n');
	return block.repeat(Math.ceil(size / block.length)).slice(0, size);
}

/** The big report forwarded inside another message (message/rfc822, opened by the analyzer). */
function bigForwarded(size) {
	return `From: a@example.net\nTo: b@example.net\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="outer"\n\n--outer\nContent-Type: text/plain\n\nfyi\n--outer\nContent-Type: message/rfc822\n\n${bigReturnedOriginal(size)}\n--outer--\n`;
}

const cases = [
	['report returning a 5 MB original', bigReturnedOriginal(5 * MB)],
	['5 MB of report text, no MIME', bigPastedText(5 * MB)],
	['5 MB report forwarded in a message', bigForwarded(5 * MB)],
];

const stopSite = await serveSite({ port });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
	const page = await browser.newPage();
	await page.goto(`http://127.0.0.1:${port}/en/ndr/`);
	await page.getByTestId('ndr-input').focus();
	await page.locator('ndr-analyzer[data-parser="ready"]').waitFor();
	console.log(`Chromium ${browser.version()}, /en/ndr/ from dist, ${runs} runs each`);
	for (const [name, text] of cases) {
		const { times, codes } = await page.evaluate(
			async ({ text, runs }) => {
				const analyzer = document.querySelector('ndr-analyzer');
				const file = new File([text], 'bounce.eml', { type: 'message/rfc822' });
				const times = [];
				for (let i = 0; i < runs; i++) {
					const start = performance.now();
					await analyzer.runFile(file);
					times.push(performance.now() - start);
				}
				const codes = [...analyzer.querySelectorAll('[data-testid="ndr-result"]')].map(
					(r) => r.dataset.code
				);
				return { times, codes };
			},
			{ text, runs }
		);
		times.sort((a, b) => a - b);
		const f = (ms) => `${ms.toFixed(0)} ms`;
		console.log(
			`  ${name} (${(Buffer.byteLength(text) / MB).toFixed(1)} MB): median ${f(times[times.length >> 1])}, min ${f(times[0])}, max ${f(times.at(-1))} -> ${codes.join(' ')}`
		);
	}
} finally {
	await browser.close();
	stopSite();
}
