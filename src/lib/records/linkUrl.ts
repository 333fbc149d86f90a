import type { Locale } from '../i18n/locales';
import type { Provider } from '../../schemas/provider';

/**
 * The address of a provider link for readers of one language: the page of their country site
 * where the provider data gives one (OVHcloud's webmail login page has one per site), else the
 * common address.
 */
export function linkUrl(link: Provider['links'][string], locale: Locale): string {
	return link.byLocale?.[locale] ?? link.url;
}
