/**
 * The site's languages, in one place. Starlight's `locales`, the content tests and the
 * language negotiation on `/` all read this list.
 */
export const LOCALES = {
	// `ogLocale`: Open Graph wants language_TERRITORY (https://ogp.me/#optional).
	en: { label: 'English', lang: 'en', ogLocale: 'en_US' },
	fr: { label: 'Français', lang: 'fr', ogLocale: 'fr_FR' },
	it: { label: 'Italiano', lang: 'it', ogLocale: 'it_IT' },
} as const;

export type Locale = keyof typeof LOCALES;

export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}
