/**
 * Link and anchor checker for the built site. Pure: it takes pages already parsed into ids and
 * links, so the unit tests can feed it a broken site and see it fail.
 * Modelled on Astro docs' scripts/lib/linkcheck (broken links, missing anchors, wrong language).
 */

/**
 * @typedef {{ href: string, text?: string, crossLanguageAllowed?: boolean }} PageLink
 * @typedef {{ ids: Set<string>, links: PageLink[], lang?: string }} Page
 * @typedef {{ page: string, href: string, problem: 'missing-page' | 'missing-anchor' | 'wrong-language' }} LinkProblem
 */
import { LOCALE_PATH } from '../../src/lib/i18n/locales.ts';

/** `/en/dns` and `/en/dns/index.html` both mean the page `/en/dns/`. */
export function normalizePagePath(pathname) {
	let path = decodeURI(pathname);
	if (path.endsWith('/index.html')) path = path.slice(0, -'index.html'.length);
	else if (path.endsWith('.html')) path = path.slice(0, -'.html'.length) + '/';
	if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
	return path;
}

/**
 * @param {Map<string, Page>} pages keyed by normalized path (`/en/dns/`)
 * @param {Set<string>} files other files of the build (`/favicon.svg`), normalized paths
 * @returns {LinkProblem[]}
 */
export function checkLinks(pages, files = new Set()) {
	/** @type {LinkProblem[]} */
	const problems = [];
	for (const [pagePath, page] of pages) {
		for (const link of page.links) {
			const { href } = link;
			if (/^(mailto:|tel:|javascript:|data:)/i.test(href)) continue;
			const url = new URL(href, `https://site.invalid${pagePath}`);
			if (url.origin !== 'https://site.invalid') continue; // external: not ours to check offline
			const target = normalizePagePath(url.pathname);
			const targetPage = pages.get(target);
			if (!targetPage) {
				if (!files.has(decodeURI(url.pathname)))
					problems.push({ page: pagePath, href, problem: 'missing-page' });
				continue;
			}
			const anchor = decodeURIComponent(url.hash.slice(1));
			if (anchor && !targetPage.ids.has(anchor))
				problems.push({ page: pagePath, href, problem: 'missing-anchor' });
			const from = pagePath.match(LOCALE_PATH)?.[1];
			const to = target.match(LOCALE_PATH)?.[1];
			if (from && to && from !== to && !link.crossLanguageAllowed) {
				problems.push({ page: pagePath, href, problem: 'wrong-language' });
			}
		}
	}
	return problems;
}
