/**
 * Addresses people may still hold, kept working (query string and #anchor carried over).
 *
 * 1. The published guides' slugs (shared/seeds), under the matching language: a link copied from
 *    an old guide, with its `#blocked`, `#expired`, `#password` or `#hostname`, lands on the
 *    same anchor of the diagnostic page.
 * 2. Every page without its language prefix (`/diagnostic/#mx`, `/dns/`): the reader's browser
 *    language is picked, as on `/`. Derived from the pages, so new sections get one too.
 *
 * Served three ways: `dist/_redirects` (HTTP 301 on hosts that read it, which keeps the #anchor
 * by itself), and a small page at each old address that forwards with script (and meta refresh
 * without it) for hosts that do not.
 */
import { LOCALE_CODES } from '../i18n/locales';

export interface MovedPage {
	/** The old path, with a trailing slash. */
	from: string;
	/** Where it leads now; `{lang}` is replaced by the reader's language. */
	to: string;
	/** Why this old address exists. */
	why: string;
}

export const GUIDE_SLUGS: readonly MovedPage[] = [
	{
		from: '/en/exchange_diagnostic_what_to_do_if_you_encounter_an_error/',
		to: '/en/diagnostic/',
		why: 'slug of the English diagnostic guide (seeds/000), which defined #blocked, #expired, #password, #hostname',
	},
	{
		from: '/fr/diagnostic-exchange-que-faire-en-cas-derreur/',
		to: '/fr/diagnostic/',
		why: 'slug of the older French diagnostic guide (seeds/001)',
	},
	{
		from: '/it/diagnostica_exchange_cosa_fare_in_caso_di_errore/',
		to: '/it/diagnostic/',
		why: 'slug of the Italian diagnostic guide (seeds/002)',
	},
	{
		from: '/fr/exchange-que-verifier-lors-dun-probleme-denvoi-ou-de-reception/',
		to: '/fr/troubleshooting/',
		why: 'slug of the French send/receive checks guides (seeds/003 and 004)',
	},
];

/**
 * Every old address to serve, given the site's page paths (`/en/dns/`): the guide slugs whose
 * target exists, and each default-language page without its prefix.
 */
export function movedPages(pagePaths: readonly string[]): MovedPage[] {
	const pages = new Set(pagePaths);
	const unprefixed = pagePaths
		.filter((path) => path.startsWith('/en/'))
		.map((path) => path.slice('/en'.length))
		.filter((path) => path !== '/' && path !== '/404/')
		.filter((path) => LOCALE_CODES.every((code) => pages.has(`/${code}${path}`)))
		.map((path) => ({
			from: path,
			to: `/{lang}${path}`,
			why: 'the page without its language prefix',
		}));
	return [...GUIDE_SLUGS.filter((moved) => pages.has(moved.to)), ...unprefixed];
}

/** The path to open for `moved` in `lang`. */
export function movedTarget(moved: MovedPage, lang: string): string {
	return moved.to.replace('{lang}', lang);
}

/**
 * The host rules in `_redirects` form (Netlify, Cloudflare Pages and others read it): the guide
 * slugs as 301s (browsers keep the #anchor across an HTTP redirect), then each language's
 * "page not found" for misses under its prefix (Netlify applies a 404 rule only where no file
 * exists). Unprefixed pages are left to their forwarding page, which picks the language.
 */
export function redirectsFile(moved: readonly MovedPage[]): string {
	const lines = [
		'# Generated at build time from src/lib/links/movedPages.ts: edit that file, not this one.',
	];
	for (const m of moved.filter((m) => !m.to.includes('{lang}'))) {
		lines.push(`${m.from} ${m.to} 301`, `${m.from.replace(/\/$/, '')} ${m.to} 301`);
	}
	for (const code of LOCALE_CODES) lines.push(`/${code}/* /${code}/404/ 404`);
	return lines.join('\n') + '\n';
}
