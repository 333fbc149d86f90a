#!/usr/bin/env node
/**
 * The `domain` check's figures (not a timed test). Needs a build (`npm run build`) and Debian's
 * unbound, dnsdist and Chromium. Starts the DNS fixture with 200 ms injected at its relay, the
 * RDAP fixture with 200 ms injected on its /delay/ path, and dist/ with the test variant of the
 * headers; then, in Chromium, for RUNS fresh contexts of
 *   /en/dns/?domain=valid.example.test&server=ex5.mail.ovh.net&resolver={relay}/delay/dns-query&rdap={rdap}/delay/
 * it measures from the check's start (the report appears) to the domain card's verdict and to
 * data-state="done", and one DoH and one RDAP round trip from the same page. The ratio
 * (domain verdict or report done) / max(DoH, RDAP round trip) is the cost of the check over
 * the one round trip it cannot avoid: RDAP goes out with the DNS questions, not after them.
 * A second series without `rdap` (the bootstrap file decides: `.test` has no service) measures
 * the bootstrap chunk's load. Also: the bootstrap data's bytes (raw, gzip) and which pages load it.
 * Usage: node bench/rdap.mjs [runs=15]   (from the repository root)
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { serveSite } from './lib/serveSite.mjs';

const RUNS = Number(process.argv[2] ?? 15);
// BENCH_DIST measures another build (two builds compared in turns on a busy machine).
const dist = process.env.BENCH_DIST ?? 'dist';
const PREVIEW = 4392;
const env = {
	DNS_UNBOUND_PORT: '28653',
	DNS_DNSDIST_PORT: '28654',
	DNS_DOH_PORT: '28655',
	DNS_RELAY_PORT: '28153',
	DNS_RELAY_DELAY_MS: '200',
	RDAP_PORT: '28180',
	RDAP_DELAY_MS: '200',
};
const relay = `http://127.0.0.1:${env.DNS_RELAY_PORT}`;
const rdap = `http://127.0.0.1:${env.RDAP_PORT}`;
const children = [];
// Each child leads its own process group, so a server and what it starts stop together.
const stopAll = () =>
	children.forEach((c) => c.exitCode === null && process.kill(-c.pid, 'SIGTERM'));
process.on('exit', stopAll);

function startProcess(command, args, readyPattern) {
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

// --- The bootstrap data: its chunk, and the pages whose scripts can reach it
const assets = join(dist, '_astro');
const files = await readdir(assets);
const chunk = files.find((f) => /^rdap-bootstrap\..*\.js$/.test(f));
if (!chunk) throw new Error('No rdap-bootstrap chunk in dist/_astro: build first');
const chunkBytes = await readFile(join(assets, chunk));
const source = await readFile('src/data/rdap-bootstrap.json');
const importers = [];
for (const file of files.filter((f) => f.endsWith('.js'))) {
	const text = await readFile(join(assets, file), 'utf8');
	if (text.includes(chunk)) importers.push(file);
}
// A page "weighs" the chunk only if it loads it. The DNS pages name it in the early start's plan
// (src/integrations/checkerScripts.mjs), which preloads it only when the page opens with a domain
// to check and no `rdap` parameter; loadedByPagesThatDoNotCheck below is what they load.
const pagesNaming = [];
async function walk(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) await walk(path);
		else if (entry.name.endsWith('.html') && (await readFile(path, 'utf8')).includes(chunk))
			pagesNaming.push(path);
	}
}
await walk(dist);

// --- Timing in Chromium
await startProcess('node', ['tests/fixtures/dns/serve.mjs'], /dns fixture ready/);
await startProcess('node', ['tests/fixtures/rdap/serve.mjs'], /rdap fixture\] ready/);
const stopSite = await serveSite({ port: PREVIEW, allowLocalDoh: true, dir: dist });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--disable-background-networking'],
});
const pageUrl = (withRdap) =>
	`http://127.0.0.1:${PREVIEW}/en/dns/?domain=valid.example.test&server=ex5.mail.ovh.net&resolver=${encodeURIComponent(`${relay}/delay/dns-query`)}` +
	(withRdap ? `&rdap=${encodeURIComponent(`${rdap}/delay/`)}` : '');

async function series(withRdap) {
	const results = [];
	for (let i = 0; i < RUNS + 1; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const loaded = [];
		page.on('request', (request) => loaded.push(request.url()));
		await page.addInitScript(() => {
			const marks = {};
			window.__marks = marks;
			new MutationObserver(() => {
				const report = document.querySelector('[data-testid="dns-report"]');
				if (report && !marks.running) marks.running = performance.now();
				const domain = document.querySelector('[data-check="domain"][data-status]');
				if (domain && !marks.domain) marks.domain = performance.now();
				if (report?.dataset.state === 'done' && !marks.done) marks.done = performance.now();
			}).observe(document, { subtree: true, childList: true, attributes: true });
		});
		await page.goto(pageUrl(withRdap));
		await page.waitForSelector('[data-testid="dns-report"][data-state="done"]', {
			timeout: 60_000,
		});
		const marks = await page.evaluate(() => window.__marks);
		const status = await page.locator('[data-check="domain"]').getAttribute('data-status');
		const rtt = await page.evaluate(
			async ({ relayBase, rdapBase }) => {
				const best = async (url) => {
					const times = [];
					for (let k = 0; k < 3; k++) {
						const t0 = performance.now();
						const response = await fetch(
							`${url}${url.includes('?') ? '&' : '?'}n=${Math.random()}`
						);
						await response.arrayBuffer();
						times.push(performance.now() - t0);
					}
					return Math.min(...times);
				};
				return {
					// www.example.com A, ID 0 (the RFC 8484 §4.1.1 example).
					doh: await best(
						`${relayBase}/delay/dns-query?dns=AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB`
					),
					rdap: await best(`${rdapBase}/delay/domain/valid.example.test`),
				};
			},
			{ relayBase: relay, rdapBase: rdap }
		);
		await context.close();
		if (i === 0) continue; // warm-up: first server and relay connections
		results.push({
			startToDomain: marks.domain - marks.running,
			startToDone: marks.done - marks.running,
			navigationToDone: marks.done,
			rtt,
			status,
			bootstrapLoaded: loaded.some((u) => u.includes(chunk)),
		});
	}
	return results;
}

const withRdap = await series(true);
const withBootstrap = await series(false);
// A page that does not check: the DNS page without `domain`, and the diagnostic page.
const idle = [];
for (const path of ['/en/dns/', '/en/diagnostic/', '/en/']) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const loaded = [];
	page.on('request', (request) => loaded.push(request.url()));
	await page.goto(`http://127.0.0.1:${PREVIEW}${path}`, { waitUntil: 'networkidle' });
	idle.push({ path, bootstrapLoaded: loaded.some((u) => u.includes(chunk)) });
	await context.close();
}
await browser.close();
stopSite();
stopAll();

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};
const summary = (results) => {
	const slower = median(results.map((r) => Math.max(r.rtt.doh, r.rtt.rdap)));
	const domain = median(results.map((r) => r.startToDomain));
	const done = median(results.map((r) => r.startToDone));
	return {
		runs: results.length,
		domainStatuses: [...new Set(results.map((r) => r.status))],
		bootstrapLoaded: [...new Set(results.map((r) => r.bootstrapLoaded))],
		dohRttMs: Math.round(median(results.map((r) => r.rtt.doh))),
		rdapRttMs: Math.round(median(results.map((r) => r.rtt.rdap))),
		checkStartToDomainVerdictMs: Math.round(domain),
		checkStartToReportDoneMs: Math.round(done),
		navigationToReportDoneMs: Math.round(median(results.map((r) => r.navigationToDone))),
		ratioDomainVerdict: Number((domain / slower).toFixed(2)),
		ratioReportDone: Number((done / slower).toFixed(2)),
	};
};
console.log(
	JSON.stringify(
		{
			loadAverage1m: Number(loadavg()[0].toFixed(1)),
			injectedDelayMs: { doh: Number(env.DNS_RELAY_DELAY_MS), rdap: Number(env.RDAP_DELAY_MS) },
			withRdapParameter: summary(withRdap),
			withBundledBootstrap: summary(withBootstrap),
			bootstrap: {
				sourceJsonBytes: source.length,
				sourceJsonGzipBytes: gzipSync(source, { level: 9 }).length,
				chunk,
				chunkBytes: chunkBytes.length,
				chunkGzipBytes: gzipSync(chunkBytes, { level: 9 }).length,
				importedBy: importers,
				pagesNamingItInHtml: pagesNaming,
				loadedByPagesThatDoNotCheck: idle,
			},
		},
		null,
		2
	)
);
process.exit(0);
