// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import sitemap from '@astrojs/sitemap';
import { LOCALES, LOCALE_CODES, LOCALE_PATH, DEFAULT_LOCALE } from './src/lib/i18n/locales.ts';
import { GUIDE_SLUGS } from './src/lib/links/movedPages.ts';
import { requireTranslations } from './src/integrations/requireTranslations.ts';
import { hostFiles } from './src/integrations/hostFiles.ts';

const SITE = 'https://exchange-help.example';
// Only real pages in the sitemap: every one lives under a language prefix; `/`, the forwarding
// pages at old addresses and "page not found" are left out.
const movedFrom = new Set(GUIDE_SLUGS.map((moved) => moved.from));
const inSitemap = (/** @type {string} */ page) => {
	const { pathname } = new URL(page);
	const locale = LOCALE_PATH.exec(pathname)?.[1];
	return locale !== undefined && pathname !== `/${locale}/404/` && !movedFrom.has(pathname);
};
import securityHeaders from './src/integrations/securityHeaders.mjs';
import checkerScripts from './src/integrations/checkerScripts.mjs';
import { rankedPagefindUi } from './src/integrations/rankedPagefindUi.mjs';

export default defineConfig({
	site: SITE,
	trailingSlash: 'always',
	// The content cache per checkout: worktrees share one node_modules (a symlink), and with
	// Astro's default (node_modules/.astro) one checkout's build read another's content.
	cacheDir: './.astro/cache/',
	vite: {
		// Starlight's search box loads Pagefind's UI through ours: best section first, a named box.
		plugins: [rankedPagefindUi()],
		build: {
			// Every script becomes a file under /_astro/ instead of an inline <script>, so the CSP
			// allows scripts by origin ('self') and only Starlight's own inline scripts need a hash.
			// Other assets keep Vite's default (undefined = inline under 4 KiB).
			assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
			rollupOptions: {
				// Astro's MDX output starts with a "use astro:head-inject" directive that the bundler
				// warns about for every entry (dozens of lines per build, nothing to act on).
				onwarn(warning, warn) {
					if (
						warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
						String(warning.message).includes('astro:head-inject')
					)
						return;
					warn(warning);
				},
			},
		},
	},
	integrations: [
		requireTranslations(LOCALE_CODES),
		starlight({
			title: {
				en: 'Exchange mail help',
				fr: 'Aide messagerie Exchange',
				it: 'Guida posta Exchange',
			},
			defaultLocale: DEFAULT_LOCALE,
			locales: Object.fromEntries(
				LOCALE_CODES.map((code) => [code, { label: LOCALES[code].label, lang: LOCALES[code].lang }])
			),
			components: {
				// Keeps the #anchor when switching language (support links point at anchors).
				LanguageSelect: './src/components/LanguageSelect.astro',
				// Starlight's own search box, wrapped: see src/components/Search.astro.
				Search: './src/components/Search.astro',
			},
			// Pagefind's ranking in the search box (README "Search"). Starlight's own defaults
			// (pageLength 0.1, termFrequency 0.1) barely weigh page length, so the long codes page,
			// which holds every common word, came before the diagnostic page for its own messages
			// ("The domain MX record is not valid"). Chosen over a grid of values with every exact
			// message, its variants and the status codes in the three languages: these sit inside
			// the range where all open their own section first. termSimilarity stays Starlight's 9.
			// https://pagefind.app/docs/ranking/
			pagefind: {
				ranking: { pageLength: 0.3, termFrequency: 0.75, termSaturation: 1.4, termSimilarity: 9 },
			},
			// og:locale in language_TERRITORY form, small social card, noindex on "page not found".
			routeMiddleware: './src/routeData.ts',
			// src/pages/404.astro sends /fr/… and /it/… misses to their own language's page.
			disable404Route: true,
			// Zone-file lines wrap instead of scrolling: whole on a phone and on paper, and no
			// unnamed scroll regions (expressive-code gives an overflowing block role=region with no
			// name, two of which axe flags as landmarks without unique names). Copying is unchanged.
			expressiveCode: { defaultProps: { wrap: true } },
			customCss: ['./src/styles/site.css', './src/styles/widgets.css', './src/styles/print.css'],
			sidebar: [
				{
					slug: 'index',
					label: 'Start here',
					translations: { fr: 'Par où commencer', it: 'Da dove iniziare' },
				},
				{
					slug: 'diagnostic',
					label: 'Diagnostic errors',
					translations: { fr: 'Erreurs du diagnostic', it: 'Errori della diagnostica' },
				},
				{
					slug: 'dns',
					label: 'DNS records',
					translations: { fr: 'Enregistrements DNS', it: 'Record DNS' },
				},
				{
					slug: 'ndr',
					label: 'Bounce codes (NDR)',
					translations: { fr: 'Codes de retour (NDR)', it: 'Codici di mancato recapito (NDR)' },
				},
				{
					slug: 'headers',
					label: 'Message headers',
					translations: { fr: 'En-têtes de message', it: 'Intestazioni del messaggio' },
				},
				{
					slug: 'troubleshooting',
					label: 'Step-by-step checks',
					translations: { fr: 'Vérifications pas à pas', it: 'Verifiche passo per passo' },
				},
			],
		}),
		// Our own sitemap (Starlight then adds none): same hreflang alternates, without `/` listed
		// as English or the forwarding pages.
		sitemap({
			filter: inSitemap,
			i18n: {
				defaultLocale: DEFAULT_LOCALE,
				locales: Object.fromEntries(LOCALE_CODES.map((code) => [code, LOCALES[code].lang])),
			},
		}),
		hostFiles(LOCALE_CODES),
		// The DNS checker's preloads and async start (chunk names exist only once built).
		checkerScripts(),
		// After Starlight: writes the CSP of public/_headers into every page as a <meta> fallback.
		securityHeaders(),
	],
});
