#!/usr/bin/env node
/**
 * Search latency and index bytes, measured in Chromium on the built site with Pagefind's own
 * API (the same calls Starlight's search box makes).
 * - first query after load: from the first `search()` call to the first result's data, on a
 *   fresh browser context (empty cache): loads pagefind.js, its WebAssembly, the language's
 *   metadata, the index chunks the words need and the result's fragment;
 * - later queries: the same page, other queries, median;
 * - bytes: every /pagefind/ file that first query fetched, sized from dist/ as a static host
 *   sends it: Pagefind's index files and .wasm are gzip already; the scripts are counted gzipped.
 *   index = language metadata + index chunks + the first result's fragment + the entry JSON;
 *   runtime = pagefind.js, its worker and the WebAssembly (the same for every query).
 * Usage: npm run build && npx node bench/search.mjs [runs=5]   (from the repository root;
 *        BENCH_BASE_URL=http://127.0.0.1:4321 to use a server already running, e.g. npm start)
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { serveSite } from './lib/serveSite.mjs';

const RUNS = Number(process.argv[2] ?? 5);
// BENCH_BASE_URL reuses a running server instead of starting scripts/serve-dist.mjs.
const PORT = 4390 + Math.floor(Math.random() * 50);
const BASE = process.env.BENCH_BASE_URL ?? `http://127.0.0.1:${PORT}`;
const QUERIES = {
	en: [
		'Webmail authentication has failed',
		'Subscription to the account has expired',
		'mx1.mail.ovh.net',
		'ex5',
		'autodiscover SRV',
		'5.7.1',
	],
	fr: [
		'ATTENTION : Le compte est bloqué pour envoi de spam',
		'abonnement expire',
		'mx1.mail.ovh.net',
		'ex5',
		'enregistrement SRV',
		'5.7.1',
	],
	it: [
		"ATTENZIONE: l'account è scaduto",
		'autenticazione webmail fallita',
		'mx1.mail.ovh.net',
		'ex5',
		'record SRV',
		'5.7.1',
	],
};

const stop = process.env.BENCH_BASE_URL ? () => {} : await serveSite({ port: PORT });
process.on('exit', stop);

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
/** Bytes a static host sends for a dist/ file: as is when already gzip, else gzipped. */
function sizeOnTheWire(pathname) {
	const file = readFileSync(`dist${decodeURIComponent(pathname)}`);
	const isGzip = file[0] === 0x1f && file[1] === 0x8b;
	return isGzip ? file.length : gzipSync(file).length;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kind = (url) => {
	const name = new URL(url).pathname.split('/').pop();
	if (name.endsWith('.pf_index')) return 'chunk';
	if (name.endsWith('.pf_fragment')) return 'fragment';
	if (name.endsWith('.pf_meta')) return 'meta';
	if (name.startsWith('wasm.')) return 'wasm';
	if (name.endsWith('.json')) return 'entry';
	return 'js';
};

const rows = [];
for (const [lang, queries] of Object.entries(QUERIES)) {
	const first = [];
	const later = [];
	let bytes;
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${BASE}/${lang}/diagnostic/`, { waitUntil: 'load' });
		// Let Starlight's idle-time search UI load first, as a reader's page would; count from here.
		await page.waitForTimeout(300);
		const responses = [];
		// Context-wide, so the search worker's own fetches are counted too.
		context.on('request', (request) => {
			const { pathname } = new URL(request.url());
			if (pathname.startsWith('/pagefind/'))
				responses.push({ url: request.url(), bytes: sizeOnTheWire(pathname) });
		});
		const timeOf = (query) =>
			page.evaluate(async (query) => {
				const start = performance.now();
				const pagefind = await import('/pagefind/pagefind.js');
				const { results } = await pagefind.search(query);
				if (results[0]) await results[0].data();
				return performance.now() - start;
			}, query);
		first.push(await timeOf(queries[0]));
		await page.waitForTimeout(100);
		if (run === 0) {
			if (process.env.BENCH_VERBOSE) console.error(lang, responses);
			bytes = {};
			for (const r of responses) bytes[kind(r.url)] = (bytes[kind(r.url)] ?? 0) + r.bytes;
		}
		for (const q of queries.slice(1)) later.push(await timeOf(q));
		await context.close();
	}
	const sum = (...kinds) => kinds.reduce((n, k) => n + (bytes[k] ?? 0), 0);
	rows.push({
		lang,
		firstQueryMs: Math.round(median(first)),
		laterQueryMs: Math.round(median(later)),
		laterQueryMaxMs: Math.round(Math.max(...later)),
		indexTotalBytes: sum('entry', 'meta', 'chunk', 'fragment'),
		runtimeTotalBytes: sum('js', 'wasm'),
		...Object.fromEntries(Object.entries(bytes).map(([k, v]) => [`${k}Bytes`, v])),
	});
}
await browser.close();
stop();
console.table(rows);
console.log(JSON.stringify({ runs: RUNS, rows }));
