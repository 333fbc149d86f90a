/**
 * The DNS page's component headings, each at its stable anchor (README "Stable links"): the
 * components render them from here and "On this page" lists them (src/components/sectionHeadings.ts).
 */
import type { TocHeading } from '../../lib/toc/pageToc';
import { OFFERS, type Offer } from '../../schemas/provider';

type Translate = App.Locals['t'];

/** RecordTables: the MX tables (one per offer), the SRV record, the zone-file lines. */
export function recordTablesHeadings(t: Translate) {
	return {
		mx: { depth: 2, slug: 'mx-records', text: t('records.mx') },
		offers: Object.fromEntries(
			OFFERS.map((offer) => [
				offer,
				{ depth: 3, slug: `mx-${offer}`, text: t(`records.offer.${offer}`) },
			])
		) as Record<Offer, TocHeading>,
		srv: { depth: 2, slug: 'srv-record', text: t('records.srvTitle') },
		zone: { depth: 2, slug: 'zone-lines', text: t('records.zoneTitle') },
	};
}

/** In page order. */
export function recordTablesHeadingList(t: Translate): TocHeading[] {
	const { mx, offers, srv, zone } = recordTablesHeadings(t);
	return [mx, ...OFFERS.map((offer) => offers[offer]), srv, zone];
}

/** DomainSectionHeading: the section on the domain's registration, which the domain check links to. */
export function domainSectionHeading(t: Translate): TocHeading {
	return { depth: 2, slug: 'domain', text: t('records.domainTitle') };
}

/** DnsChecker: the checker's own section. */
export function dnsCheckerHeading(t: Translate): TocHeading {
	return { depth: 2, slug: 'check', text: t('dns.title') };
}
