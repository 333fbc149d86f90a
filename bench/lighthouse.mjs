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
import { writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveSite } from './lib/serveSite.mjs';

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

const stopSite = await serveSite({ port: PORT });
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
		// An audit Lighthouse could not compute has no numericValue (it carries errorMessage, as
		// cumulative-layout-shift did on /en/diagnostic/): record null and why, never crash.
		const problems = [];
		const metric = (id, digits = 0) => {
			const audit = lhr.audits[id];
			if (typeof audit?.numericValue !== 'number') {
				problems.push(`${id}: ${audit?.errorMessage ?? audit?.scoreDisplayMode ?? 'missing'}`);
				return null;
			}
			return Number(audit.numericValue.toFixed(digits));
		};
		const metrics = {
			fcpMs: metric('first-contentful-paint'),
			lcpMs: metric('largest-contentful-paint'),
			tbtMs: metric('total-blocking-time'),
			cls: metric('cumulative-layout-shift', 3),
		};
		const finalUrl = lhr.finalDisplayedUrl;
		rows.push({
			path,
			finalUrl: finalUrl.replace(ORIGIN, ''),
			...scores,
			performanceRuns,
			...metrics,
			below,
			warnings: [...lhr.runWarnings, ...problems],
			loadAverage: loadavg()[0],
		});
		console.log(
			`${path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')} (performance runs ${performanceRuns.join('/')})  FCP ${metrics.fcpMs} ms, LCP ${metrics.lcpMs} ms, TBT ${metrics.tbtMs} ms, CLS ${metrics.cls}`
		);
		for (const b of below) console.log(`    below 100: ${b}`);
	}
} finally {
	chrome.kill();
	stopSite();
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
