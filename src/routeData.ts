/**
 * Starlight route middleware (`routeMiddleware` in astro.config.mjs): adjusts each page's head.
 * @see https://starlight.astro.build/guides/route-data/
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { DEFAULT_LOCALE, isLocale } from './lib/i18n/locales';
import { localizeSocialMeta, type HeadEntry } from './lib/seo/socialMeta';
import { withoutRepeatedSiteTitle } from './lib/seo/documentTitle';

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const locale = isLocale(route.locale) ? route.locale : DEFAULT_LOCALE;
	const notFound = route.entry.id === '404' || route.entry.id.endsWith('/404');
	route.head = withoutRepeatedSiteTitle(
		localizeSocialMeta(route.head as HeadEntry[], locale, { notFound }),
		route.entry.data.title,
		route.siteTitle
	) as typeof route.head;
});
