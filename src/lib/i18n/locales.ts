/**
 * The site's languages, in one place. Starlight's `locales`, the content tests and the
 * language negotiation on `/` all read this list.
 */
export const LOCALES = {
	en: { label: 'English', lang: 'en' },
	fr: { label: 'Français', lang: 'fr' },
	it: { label: 'Italiano', lang: 'it' },
} as const;

export type Locale = keyof typeof LOCALES;

export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}
