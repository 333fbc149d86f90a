import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/**
 * Picks the site language from the browser's preferences (`navigator.languages`, most preferred
 * first): the first whose primary subtag we have (`fr-CA` -> `fr`), else the default.
 */
export function negotiateLocale(preferences: readonly string[]): Locale {
	for (const tag of preferences) {
		const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
		if (isLocale(primary)) return primary;
	}
	return DEFAULT_LOCALE;
}
