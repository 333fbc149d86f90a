#!/usr/bin/env node
/**
 * DNS checker figures (not a timed test). Needs a build (`npm run build`) and Debian's unbound,
 * dnsdist and Chromium. Starts the DNS fixture with 200 ms injected at the relay and
 * dist/ with scripts/serve-dist.mjs --allow-local-doh, then, in Chromium, for RUNS fresh contexts:
 *   - one DoH query's round trip from the page (fetch of /delay/dns-query, body read);
 *   - time from navigation start of /en/dns/?domain=valid.example.test&... to data-state="done";
 *   - time from the check's start (the island connected) to done.
 * The ratio done / one round trip is the cost of the checker over the one round trip it cannot
 * avoid (MX and SRV go in parallel). Also sums the gzip bytes of the checker's JavaScript.
 * Usage: node bench/dns.mjs [runs=15]   (from the repository root)
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { serveSite } from './lib/serveSite.mjs';

const RUNS = Number(process.argv[2] ?? 15);
const dist = 'dist';
const PREVIEW = 4390;
const ports = {
	DNS_UNBOUND_PORT: '28553',
	DNS_DNSDIST_PORT: '28554',
	DNS_DOH_PORT: '28555',
	DNS_RELAY_PORT: '28053',
	DNS_RESOLVER_PORT: '28556',
	DNS_RELAY_DELAY_MS: '200',
};
const relay = `http://127.0.0.1:${ports.DNS_RELAY_PORT}`;
const children = [];
// Each child leads its own process group, so `npx` and the server it starts stop together.
const stopAll = () =>
	children.forEach((c) => c.exitCode === null && process.kill(-c.pid, 'SIGTERM'));
process.on('exit', stopAll);

function startProcess(command, args, env, readyPattern) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		children.push(child);
		const onData = (data) => readyPattern.test(String(data)) && resolve(child);
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('exit', (code) => reject(new Error(`${command} exited ${code}`)));
		setTimeout(() => reject(new Error(`${command} not ready in 30 s`)), 30_000);
	});
}

// --- JavaScript the checker ships
async function closure(entry, seen = new Set()) {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const code = await readFile(entry, 'utf8');
	for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"]*from\s*)?["']([^"']+)["']/g)) {
		if (m[1].startsWith('.')) await closure(join(entry, '..', m[1]), seen);
		else if (m[1].startsWith('/')) await closure(join(dist, m[1]), seen);
	}
	return seen;
}
const html = await readFile(join(dist, 'en', 'dns', 'index.html'), 'utf8');
const checkerEntry = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)]
	.map((m) => m[1])
	.find((src) => src.includes('DnsChecker'));
if (!checkerEntry) throw new Error('No DnsChecker script in dist/en/dns/index.html: build first');
let checkerGzip = 0;
let checkerRaw = 0;
for (const file of await closure(join(dist, checkerEntry))) {
	const bytes = await readFile(file);
	checkerRaw += bytes.length;
	checkerGzip += gzipSync(bytes, { level: 9 }).length;
}
const dataAttrs = [...html.matchAll(/<dns-checker([^>]*)>/g)].map((m) => m[1]).join('');

// --- Timing in Chromium
await startProcess('node', ['tests/fixtures/dns/serve.mjs'], ports, /dns fixture ready/);
// The page's CSP must let it reach the local relay: the test variant of the served headers.
const stopSite = await serveSite({ port: PREVIEW, allowLocalDoh: true });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--disable-background-networking'],
});
const url = `http://127.0.0.1:${PREVIEW}/en/dns/?domain=valid.example.test&server=ex5.mail.ovh.net&resolver=${encodeURIComponent(`${relay}/delay/dns-query`)}`;
const results = [];
for (let i = 0; i < RUNS + 1; i++) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(() => {
		const marks = {};
		window.__dnsMarks = marks;
		new MutationObserver(() => {
			const report = document.querySelector('[data-testid="dns-report"]');
			if (report && !marks.running) marks.running = performance.now();
			if (report?.dataset.state === 'done' && !marks.done) marks.done = performance.now();
		}).observe(document, { subtree: true, childList: true, attributes: true });
	});
	await page.goto(url);
	await page.waitForSelector('[data-testid="dns-report"][data-state="done"]');
	const marks = await page.evaluate(() => window.__dnsMarks);
	const status = await page.locator('[data-check="mx"]').getAttribute('data-status');
	// One query, same path, from the same page (a fresh name so no HTTP cache can answer).
	const rtt = await page.evaluate(async (base) => {
		const times = [];
		for (let k = 0; k < 3; k++) {
			// www.example.com A, ID 0 (the RFC 8484 §4.1.1 example), plus a cache-busting parameter.
			const t0 = performance.now();
			const response = await fetch(
				`${base}/delay/dns-query?dns=AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB&n=${Math.random()}`
			);
			await response.arrayBuffer();
			times.push(performance.now() - t0);
		}
		return Math.min(...times);
	}, relay);
	await context.close();
	if (i === 0) continue; // warm-up: first server and relay connections
	results.push({ loadToDone: marks.done, startToDone: marks.done - marks.running, rtt, status });
}
await browser.close();
stopSite();
stopAll();

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};
const loadToDone = median(results.map((r) => r.loadToDone));
const startToDone = median(results.map((r) => r.startToDone));
const rtt = median(results.map((r) => r.rtt));
console.log(
	JSON.stringify(
		{
			runs: results.length,
			// Other work on the machine skews every figure: note it with the result.
			loadAverage1m: Number(loadavg()[0].toFixed(1)),
			injectedDelayMs: Number(ports.DNS_RELAY_DELAY_MS),
			allPass: results.every((r) => r.status === 'pass'),
			singleQueryRttMs: Math.round(rtt),
			navigationToDoneMs: Math.round(loadToDone),
			checkStartToDoneMs: Math.round(startToDone),
			ratioNavigationToDone: Number((loadToDone / rtt).toFixed(2)),
			ratioCheckStartToDone: Number((startToDone / rtt).toFixed(2)),
			checkerJsBytes: checkerRaw,
			checkerJsGzipBytes: checkerGzip,
			checkerDataAttributesBytes: dataAttrs.length,
		},
		null,
		2
	)
);
process.exit(0);
