/**
 * Stops the build when a page of `src/content/docs/{lang}/` is missing in another language,
 * instead of Starlight's silent-ish fallback to the default language.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMissingTranslations } from '../lib/i18n/findMissingTranslations';

function pageSlugs(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
		.map((entry) =>
			relative(dir, join(entry.parentPath, entry.name))
				.split(sep)
				.join('/')
				.replace(/\.mdx?$/, '')
		);
}

export function requireTranslations(locales: readonly string[]): AstroIntegration {
	return {
		name: 'exchange-help:require-translations',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const docs = fileURLToPath(new URL('./src/content/docs/', config.root));
				const missing = findMissingTranslations(
					Object.fromEntries(locales.map((l) => [l, pageSlugs(join(docs, l))]))
				);
				if (missing.length > 0) {
					const list = missing.map(
						(m) => `  src/content/docs/${m.locale}/${m.slug}.mdx (exists in ${m.from.join(', ')})`
					);
					throw new Error(
						`Missing translations: write these pages, in their language, before building:\n${list.join('\n')}`
					);
				}
			},
		},
	};
}
