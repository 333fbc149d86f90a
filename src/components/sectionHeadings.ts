/**
 * The headings each component renders, by its file under src/components, for "On this page"
 * (src/routeData.ts puts them where the page's MDX places the component). Each component renders
 * its headings from the same function, so a section added there shows in the table of contents.
 * A component with headings of its own adds a line here; tests/e2e/toc.spec.ts fails for any
 * h2/h3 with an id that "On this page" does not list.
 */
import type { Locale } from '../lib/i18n/locales';
import type { TocHeading } from '../lib/toc/pageToc';
import { errorListHeadings } from './diagnostic/errorsForLocale';
import {
	dnsCheckerHeading,
	domainSectionHeading,
	recordTablesHeadingList,
} from './dns/recordHeadings';
import { ndrReferenceHeadings } from './ndr/ndrForLocale';

export interface HeadingContext {
	locale: Locale;
	t: App.Locals['t'];
}

export const COMPONENT_HEADINGS: Readonly<
	Record<string, (context: HeadingContext) => TocHeading[] | Promise<TocHeading[]>>
> = {
	'diagnostic/ErrorList.astro': ({ locale }) => errorListHeadings(locale),
	'dns/DnsChecker.astro': ({ t }) => [dnsCheckerHeading(t)],
	'dns/RecordTables.astro': ({ t }) => recordTablesHeadingList(t),
	'dns/DomainSectionHeading.astro': ({ t }) => [domainSectionHeading(t)],
	'ndr/NdrReference.astro': ({ locale }) => ndrReferenceHeadings(locale),
};
