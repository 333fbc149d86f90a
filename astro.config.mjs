// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { LOCALES } from './src/lib/i18n/locales.ts';

export default defineConfig({
	site: 'https://exchange-help.example',
	trailingSlash: 'always',
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
				{
					slug: 'ndr',
					label: 'Bounce codes (NDR)',
					translations: { fr: 'Codes de retour (NDR)', it: 'Codici di mancato recapito (NDR)' },
				},
				{
					slug: 'troubleshooting',
					label: 'Step-by-step checks',
					translations: { fr: 'Vérifications pas à pas', it: 'Verifiche passo per passo' },
				},
			],
		}),
	],
});
