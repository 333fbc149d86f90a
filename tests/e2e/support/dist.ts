/**
 * What the built site (dist/) holds, read from disk so tests pick up pages as they land: every URL
 * of dist/sitemap-*.xml (as Starlight's docs/__a11y__ does), plus the pages a sitemap leaves out on
 * purpose (the 404s). Run `npm run build` first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { LOCALE_PATH } from '../../../src/lib/i18n/locales';

export const DIST = join(import.meta.dirname, '..', '..', '..', 'dist');
export { LOCALE_CODES as LOCALES } from '../../../src/lib/i18n/locales';

function sitemapPaths(): string[] {
	const files = readdirSync(DIST).filter((f) => /^sitemap-\d+\.xml$/.test(f));
	if (files.length === 0) throw new Error('dist/ has no sitemap-*.xml: run `npm run build` first');
	const paths = files.flatMap((f) =>
		[...readFileSync(join(DIST, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
			(m) => new URL(m[1]!).pathname
		)
	);
	return [...new Set(paths)].sort();
}

function htmlPaths(): string[] {
	return readdirSync(DIST, { recursive: true, withFileTypes: true })
		.filter(
			(e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes(`${sep}pagefind`)
		)
		.map((e) => '/' + relative(DIST, join(e.parentPath, e.name)).split(sep).join('/'))
		.map((p) => (p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p))
		.sort();
}

/** Every page a reader can reach: the sitemap's URLs, then the 404 pages it leaves out. */
export function sitePages(): string[] {
	const fromSitemap = sitemapPaths();
	const notFound = htmlPaths().filter(
		(p) => /(^|\/)404(\.html|\/)$/.test(p) && !fromSitemap.includes(p)
	);
	return [...fromSitemap, ...notFound];
}

/** Every HTML file of dist/ as a URL path. */
export const allHtmlPaths = htmlPaths;

/** `/fr/dns/` -> `dns`, `/en/` -> `home`, `/` -> `language-choice`, `/404.html` -> `404`. */
export function pageType(path: string): string {
	if (path === '/') return 'language-choice';
	// Old addresses (src/lib/links/movedPages.ts) are small forwarding pages, whatever their path.
	if (pageExists(path) && readFileSync(distFile(path), 'utf8').includes('data-moved-to='))
		return 'moved';
	const rest = path.replace(LOCALE_PATH, '/').replace(/\.html$/, '/');
	const first = rest.split('/').filter(Boolean)[0];
	return first ?? 'home';
}

export function distFile(path: string): string {
	return join(DIST, path.endsWith('/') ? `${path}index.html` : path);
}

export function pageExists(path: string): boolean {
	return existsSync(distFile(path));
}

/**
 * Records CSP violations: the DOM event (from the first script on) and Chromium's console report
 * (which also covers workers). Call before `page.goto`.
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
	const fromConsole: string[] = [];
	page.on('console', (msg) => {
		if (/Content Security Policy/i.test(msg.text())) fromConsole.push(msg.text());
	});
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(
				`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
			)
		);
	});
	return async () => {
		const fromPage = await page
			.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
			.catch(() => []);
		return [...fromPage, ...fromConsole];
	};
}
