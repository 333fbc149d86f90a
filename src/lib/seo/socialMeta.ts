import { LOCALES, LOCALE_CODES, type Locale } from '../i18n/locales';

/** One `<head>` entry as Starlight's route data holds it (`starlightRoute.head`). */
export interface HeadEntry {
	tag: string;
	attrs?: Record<string, string | boolean | undefined>;
	content?: string;
}

const isMeta = (entry: HeadEntry, key: 'name' | 'property', value: string) =>
	entry.tag === 'meta' && entry.attrs?.[key] === value;

/**
 * Adjusts the sharing metadata Starlight already emits (it writes og:title, og:url,
 * og:description, og:site_name, og:locale and the hreflang alternates itself):
 * - `og:locale` in Open Graph's language_TERRITORY form, plus `og:locale:alternate` for the
 *   other languages, so a shared link is labelled with its language;
 * - `twitter:card` "summary": Starlight asks for "summary_large_image", but the site has no
 *   preview image, and a large card without one shows an empty frame;
 * - on "page not found" pages, `robots: noindex` (they are not content to list).
 */
export function localizeSocialMeta(
	head: readonly HeadEntry[],
	locale: Locale,
	{ notFound = false } = {}
): HeadEntry[] {
	const out: HeadEntry[] = head
		.filter((entry) => !isMeta(entry, 'property', 'og:locale:alternate'))
		.map((entry) => {
			if (isMeta(entry, 'property', 'og:locale')) {
				return { ...entry, attrs: { ...entry.attrs, content: LOCALES[locale].ogLocale } };
			}
			if (isMeta(entry, 'name', 'twitter:card'))
				return { ...entry, attrs: { ...entry.attrs, content: 'summary' } };
			return entry;
		});
	const ogLocaleAt = out.findIndex((entry) => isMeta(entry, 'property', 'og:locale'));
	const alternates = LOCALE_CODES.filter((code) => code !== locale).map((code) => ({
		tag: 'meta',
		attrs: { property: 'og:locale:alternate', content: LOCALES[code].ogLocale },
	}));
	out.splice(ogLocaleAt === -1 ? out.length : ogLocaleAt + 1, 0, ...alternates);
	if (notFound && !out.some((entry) => isMeta(entry, 'name', 'robots'))) {
		out.push({ tag: 'meta', attrs: { name: 'robots', content: 'noindex' } });
	}
	return out;
}
