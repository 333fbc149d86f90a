/**
 * The site's languages, in one place. Starlight's `locales`, the content tests and the
 * language negotiation on `/` all read this list.
 */
export const LOCALES = {
	// `ogLocale`: Open Graph wants language_TERRITORY (https://ogp.me/#optional).
	// `intl`: how numbers and dates are written (Intl). English is read across Europe, where the
	// readers' offers are sold: day before month and a 24-hour clock, as in en-GB.
	en: { label: 'English', lang: 'en', ogLocale: 'en_US', intl: 'en-GB' },
	fr: { label: 'Français', lang: 'fr', ogLocale: 'fr_FR', intl: 'fr-FR' },
	it: { label: 'Italiano', lang: 'it', ogLocale: 'it_IT', intl: 'it-IT' },
} as const;

export type Locale = keyof typeof LOCALES;

export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** The language segment opening a path of the site: `/fr/dns/` -> `fr`. */
export const LOCALE_PATH = new RegExp(`^/(${LOCALE_CODES.join('|')})/`);

/** The languages as a glob alternative for content loaders: `{en,fr,it}`. */
export const LOCALE_GLOB = `{${LOCALE_CODES.join(',')}}`;

/** The `Intl` locale of a page language (`en` -> `en-GB`); any other tag is passed on as it is. */
export function intlLocale(locale: string | undefined): string {
	if (locale === undefined) return LOCALES[DEFAULT_LOCALE].intl;
	return isLocale(locale) ? LOCALES[locale].intl : locale;
}
