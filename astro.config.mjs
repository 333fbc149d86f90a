// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { LOCALES } from './src/lib/i18n/locales.ts';
import securityHeaders from './src/integrations/securityHeaders.mjs';

export default defineConfig({
	site: 'https://exchange-help.example',
	trailingSlash: 'always',
	vite: {
		build: {
			// Every script becomes a file under /_astro/ instead of an inline <script>, so the CSP
			// allows scripts by origin ('self') and only Starlight's own inline scripts need a hash.
			// Other assets keep Vite's default (undefined = inline under 4 KiB).
			assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
		},
	},
	integrations: [
		starlight({
			title: {
				en: 'Exchange mail help',
				fr: 'Aide messagerie Exchange',
				it: 'Guida posta Exchange',
			},
			defaultLocale: 'en',
			locales: LOCALES,
			components: {
				// Keeps the #anchor when switching language (support links point at anchors).
				LanguageSelect: './src/components/LanguageSelect.astro',
			},
			customCss: ['./src/styles/site.css'],
			sidebar: [
				{ slug: 'index', label: 'Start here', translations: { fr: 'Par où commencer', it: 'Da dove iniziare' } },
				{
					slug: 'diagnostic',
					label: 'Diagnostic errors',
					translations: { fr: 'Erreurs du diagnostic', it: 'Errori della diagnostica' },
				},
				{
					slug: 'dns',
					label: 'MX and SRV records',
					translations: { fr: 'Enregistrements MX et SRV', it: 'Record MX e SRV' },
				},
			],
		}),
		// After Starlight: writes the CSP of public/_headers into every page as a <meta> fallback.
		securityHeaders(),
	],
});
