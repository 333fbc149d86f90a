#!/usr/bin/env node
/**
 * Screenshots of each page type for a person to look at (not a test): Chromium at 1280, 390 and
 * 320 px, light and dark, in every language, full page; with `--print`, the print view too.
 * Usage: npm run build && node bench/screenshots.mjs [--out dir] [--width 320] [--print] [path ...]
 * Paths are language-neutral (`/dns/`, default: one page of each type) and shot in every language.
 * Writes PNGs to bench/results/screenshots/ (not committed) named {lang}{path}-{width}-{theme}.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { serveSite } from './lib/serveSite.mjs';
import { LOCALE_CODES } from '../src/lib/i18n/locales.ts';

const PORT = Number(process.env.SHOT_PORT ?? 4393);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const { values: opts, positionals } = parseArgs({
	options: {
		out: { type: 'string', default: 'bench/results/screenshots' },
		width: { type: 'string', multiple: true },
		theme: { type: 'string', multiple: true },
		lang: { type: 'string', multiple: true },
		print: { type: 'boolean', default: false },
		// Also cut the page into tiles this tall (easier to look at than a 70,000 px page).
		tile: { type: 'string' },
		'max-tiles': { type: 'string', default: '4' },
	},
	allowPositionals: true,
});
const widths = (opts.width ?? ['1280', '390', '320']).map(Number);
const themes = opts.theme ?? ['light', 'dark'];
const langs = opts.lang ?? LOCALE_CODES;
const paths = positionals.length
	? positionals
	: ['/', '/diagnostic/', '/dns/', '/ndr/', '/troubleshooting/', '/headers/', '/404/'];

await mkdir(opts.out, { recursive: true });
const stopSite = await serveSite({ port: PORT });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
	for (const lang of langs) {
		for (const path of paths) {
			const url = `${ORIGIN}/${lang}${path}`;
			if ((await fetch(url, { method: 'HEAD' })).status !== 200) continue;
			for (const width of widths) {
				for (const theme of themes) {
					const context = await browser.newContext({
						viewport: { width, height: 900 },
						colorScheme: theme === 'dark' ? 'dark' : 'light',
					});
					const page = await context.newPage();
					await page.goto(url);
					if (opts.print) await page.emulateMedia({ media: 'print' });
					const overflow = await page.evaluate(() => {
						const root = document.scrollingElement;
						return root ? root.scrollWidth - root.clientWidth : 0;
					});
					const name = `${lang}${path.replaceAll('/', '_')}-${width}-${theme}${opts.print ? '-print' : ''}.png`;
					await page.screenshot({ path: join(opts.out, name), fullPage: true });
					if (opts.tile) {
						const tile = Number(opts.tile);
						const height = await page.evaluate(() => document.documentElement.scrollHeight);
						const count = Math.min(Math.ceil(height / tile), Number(opts['max-tiles']));
						for (let i = 0; i < count; i++) {
							await page.screenshot({
								path: join(
									opts.out,
									name.replace(/\.png$/, `-${String(i + 1).padStart(2, '0')}.png`)
								),
								fullPage: true,
								clip: { x: 0, y: i * tile, width, height: Math.min(tile, height - i * tile) },
							});
						}
					}
					console.log(`${name}${overflow > 0 ? `  scrolls sideways by ${overflow} px` : ''}`);
					await context.close();
				}
			}
		}
	}
} finally {
	await browser.close();
	stopSite();
}
