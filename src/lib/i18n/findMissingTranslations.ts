/**
 * Pages that exist in one language and not in another. Starlight would serve the default
 * language's page in their place with a notice; we want the build to stop instead.
 * @param slugsByLocale each language's page slugs, relative to its folder (`diagnostic`, `404`)
 * @returns one entry per missing page, e.g. `{ locale: 'it', slug: 'ndr', from: ['en', 'fr'] }`
 */
export function findMissingTranslations(
	slugsByLocale: Readonly<Record<string, readonly string[]>>
): { locale: string; slug: string; from: string[] }[] {
	const locales = Object.keys(slugsByLocale);
	const all = [...new Set(locales.flatMap((locale) => slugsByLocale[locale]!))].sort();
	const missing: { locale: string; slug: string; from: string[] }[] = [];
	for (const slug of all) {
		const from = locales.filter((locale) => slugsByLocale[locale]!.includes(slug));
		for (const locale of locales) {
			if (!from.includes(locale)) missing.push({ locale, slug, from });
		}
	}
	return missing;
}
