/**
 * Starlight route middleware (`routeMiddleware` in astro.config.mjs): adjusts each page's head,
 * and lists the sections components render in "On this page".
 * @see https://starlight.astro.build/guides/route-data/
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { DEFAULT_LOCALE, isLocale } from './lib/i18n/locales';
import { localizeSocialMeta, type HeadEntry } from './lib/seo/socialMeta';
import { withoutRepeatedSiteTitle } from './lib/seo/documentTitle';
import {
	componentImports,
	headingsInReadingOrder,
	nestToc,
	type TocHeading,
} from './lib/toc/pageToc';
import { COMPONENT_HEADINGS } from './components/sectionHeadings';
import { dnsCheckerHead } from './components/dns/earlyHead';

export const onRequest = defineRouteMiddleware(async (context) => {
	const route = context.locals.starlightRoute;
	const locale = isLocale(route.locale) ? route.locale : DEFAULT_LOCALE;
	const notFound = route.entry.id === '404' || route.entry.id.endsWith('/404');
	route.head = withoutRepeatedSiteTitle(
		localizeSocialMeta(route.head as HeadEntry[], locale, { notFound }),
		route.entry.data.title,
		route.siteTitle
	) as typeof route.head;

	const body = route.entry.body ?? '';
	const components = componentImports(body);
	// A page with the DNS checker starts a permalinked check from its head (earlyHead.ts).
	if ([...components.values()].includes('dns/DnsChecker.astro'))
		route.head.push(...((await dnsCheckerHead()) as typeof route.head));

	// Starlight's table of contents holds the Markdown headings only: add those of the components.
	const [overview] = route.toc?.items ?? [];
	if (!route.toc || !overview) return;
	const byComponent = new Map<string, TocHeading[]>();
	for (const [name, file] of components) {
		const headingsOf = COMPONENT_HEADINGS[file];
		if (headingsOf) byComponent.set(name, await headingsOf({ locale, t: context.locals.t }));
	}
	if (byComponent.size === 0) return;
	route.toc.items = nestToc(
		overview,
		headingsInReadingOrder(body, route.headings, byComponent),
		route.toc
	);
});
