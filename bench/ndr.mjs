#!/usr/bin/env node
/**
 * Bounce analyzer speed: times `analyzeBounce` (the code the page runs, bundled by esbuild as Vite
 * would) with postal-mime on 5 MB inputs, in Node and in Chromium (the browser the page runs in).
 * Usage: node bench/ndr.mjs [runs]   (from the repo root; Chromium from CHROMIUM_PATH or /usr/bin/chromium)
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';

const runs = Number(process.argv[2] ?? 7);
const bundled = await build({
	entryPoints: ['src/lib/ndr/analyzeBounce.ts'],
	bundle: true,
	format: 'esm',
	platform: 'neutral',
	write: false,
	external: ['postal-mime'],
});
const { analyzeBounce } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const parse = (raw, options) => PostalMime.parse(raw, options);

const MB = 1024 * 1024;
const fixture = (name) => readFileSync(`tests/fixtures/bounces/${name}`, 'latin1');

/** A Postfix report returning a 5 MB original (base64 attachment), as a bounce of a big mail is. */
function bigReturnedOriginal(size) {
	const base = fixture('postfix.eml').replace(/\r\n/g, '\n');
	const attachment = Buffer.alloc(Math.floor(size * 0.74), 'x').toString('base64').replace(/.{76}/g, '$&\n');
	const original = `--8C2F43E1A2.1709550000/mail.example.net\nContent-Type: message/rfc822\n\nFrom: paul@example.net\nTo: bob@example.org\nSubject: big\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="in"\n\n--in\nContent-Type: text/plain\n\nsee attached\n--in\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n${attachment}\n--in--\n`;
	return base.replace('--8C2F43E1A2.1709550000/mail.example.net--', `${original}--8C2F43E1A2.1709550000/mail.example.net--`);
}

/** 5 MB of pasted bounce text: a multi-recipient report repeated, every line scanned. */
function bigPastedText(size) {
	const block = fixture('multi-recipient.eml').replace(/\r\n/g, '\n').split('\n\n').slice(1).join('\n\n');
	return block.repeat(Math.ceil(size / block.length)).slice(0, size);
}

/** The big report forwarded inside another message (message/rfc822, opened by the analyzer). */
function bigForwarded(size) {
	return `From: a@example.net\nTo: b@example.net\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="outer"\n\n--outer\nContent-Type: text/plain\n\nfyi\n--outer\nContent-Type: message/rfc822\n\n${bigReturnedOriginal(size)}\n--outer--\n`;
}

const cases = [
	['MIME report with a 5 MB returned original', bigReturnedOriginal(5 * MB)],
	['5 MB of pasted report text (no MIME)', bigPastedText(5 * MB)],
	['5 MB report forwarded inside a message', bigForwarded(5 * MB)],
];

const summary = (times) => {
	times.sort((a, b) => a - b);
	return `median ${times[times.length >> 1].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`;
};

console.log(`Node ${process.version}, ${runs} runs each`);
for (const [name, text] of cases) {
	const bytes = new TextEncoder().encode(text);
	const times = [];
	let result;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		result = await analyzeBounce(bytes, parse);
		times.push(performance.now() - start);
	}
	const codes = result.ok ? result.report.codes.map((c) => c.code).join(' ') : result.error;
	console.log(`  ${name}: ${(bytes.byteLength / MB).toFixed(1)} MB, ${summary(times)} -> ${codes}`);
}

// The same code in Chromium: analyzeBounce and postal-mime bundled into one script.
const browserBundle = await build({
	stdin: {
		contents: `import PostalMime from 'postal-mime'; import { analyzeBounce } from './src/lib/ndr/analyzeBounce.ts';
			globalThis.analyze = (bytes) => analyzeBounce(bytes, (raw, o) => PostalMime.parse(raw, o));`,
		resolveDir: process.cwd(),
		loader: 'ts',
	},
	bundle: true,
	format: 'iife',
	platform: 'browser',
	write: false,
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
await page.addScriptTag({ content: browserBundle.outputFiles[0].text });
console.log(`Chromium ${browser.version()}, ${runs} runs each`);
for (const [name, text] of cases) {
	const times = await page.evaluate(
		async ({ text, runs }) => {
			const bytes = new TextEncoder().encode(text);
			const out = [];
			for (let i = 0; i < runs; i++) {
				const start = performance.now();
				await globalThis.analyze(bytes);
				out.push(performance.now() - start);
			}
			return out;
		},
		{ text, runs },
	);
	console.log(`  ${name}: ${summary(times)}`);
}
await browser.close();
