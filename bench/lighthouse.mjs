#!/usr/bin/env node
/**
 * Lighthouse (mobile profile, its default: simulated slow 4G and a 4x slower CPU) on one page of
 * each type of the built site, served by scripts/serve-dist.mjs with the headers as shipped.
 * Performance, accessibility, best practices and SEO per page, and every audit below full marks.
 * Usage: npm run build && node bench/lighthouse.mjs [--runs 3] [path ...]
 * Each page is audited --runs times and the run with the median performance score is kept, as
 * Lighthouse's docs advise (scores move with the machine's load: the load average is recorded).
 * Writes bench/results/lighthouse.json. Uses Debian's Chromium (CHROMIUM_PATH to change it).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const PORT = Number(process.env.LH_PORT ?? 4391);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const { values: opts, positionals } = parseArgs({
	options: { runs: { type: 'string', default: '3' } },
	allowPositionals: true,
});
const RUNS = Number(opts.runs);
const pages = positionals.length
	? positionals
	: [
			'/en/',
			'/en/diagnostic/',
			'/fr/dns/',
			'/it/diagnostic/',
			'/en/ndr/',
			'/en/troubleshooting/',
			'/en/404/',
			'/',
		];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--port', String(PORT)], {
	stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((ok, fail) => {
	server.stdout.on('data', (d) => String(d).includes('ready') && ok());
	server.once('exit', (code) => fail(new Error(`serve-dist exited ${code}`)));
});
const chrome = await chromeLauncher.launch({
	chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	chromeFlags: [
		'--headless=new',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run',
	],
});

const rows = [];
try {
	for (const path of pages) {
		const head = await fetch(ORIGIN + path, { method: 'HEAD' });
		if (head.status !== 200) {
			console.log(`${path}: ${head.status}, not built yet; skipped`);
			continue;
		}
		const runs = [];
		for (let i = 0; i < RUNS; i++) {
			const result = await lighthouse(ORIGIN + path, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: CATEGORIES,
			});
			runs.push(result.lhr);
		}
		runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
		const lhr = runs[Math.floor(runs.length / 2)];
		const performanceRuns = runs.map((r) => Math.round(r.categories.performance.score * 100));
		const scores = Object.fromEntries(
			CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])
		);
		const below = CATEGORIES.flatMap((c) =>
			lhr.categories[c].auditRefs
				.filter((ref) => ref.weight > 0)
				.map((ref) => lhr.audits[ref.id])
				.filter((a) => a.score !== null && a.score < 1)
				.map((a) => `${c}/${a.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`)
		);
		const metrics = {
			fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
			lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
			tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
			cls: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
		};
		const finalUrl = lhr.finalDisplayedUrl;
		rows.push({
			path,
			finalUrl: finalUrl.replace(ORIGIN, ''),
			...scores,
			performanceRuns,
			...metrics,
			below,
			warnings: lhr.runWarnings,
			loadAverage: loadavg()[0],
		});
		console.log(
			`${path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')} (performance runs ${performanceRuns.join('/')})  FCP ${metrics.fcpMs} ms, LCP ${metrics.lcpMs} ms, TBT ${metrics.tbtMs} ms, CLS ${metrics.cls}`
		);
		for (const b of below) console.log(`    below 100: ${b}`);
	}
} finally {
	chrome.kill();
	server.kill('SIGTERM');
	await once(server, 'exit');
}
await writeFile(
	'bench/results/lighthouse.json',
	JSON.stringify(
		{
			date: new Date().toISOString(),
			lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default
				.version,
			rows,
		},
		null,
		'\t'
	) + '\n'
);
console.log('bench/results/lighthouse.json written');
