import { isLocale, type Locale } from './locales';

/** The same page in another language: `/en/dns/` -> `/fr/dns/`. Paths without a locale get one. */
export function localizePath(pathname: string, locale: Locale): string {
	const [, first = '', ...rest] = pathname.split('/');
	if (isLocale(first)) return ['', locale, ...rest].join('/');
	return `/${locale}${pathname.startsWith('/') ? pathname : `/${pathname}`}`;
}
