/**
 * What the islands that run checks (the DNS page's `<dns-checker>`, the decision tree's
 * `<decision-tree>`) are given of the provider data, in one place: the facts the checks read
 * (rules per offer and setup, SRV values, check anchors, the SPF include, the DKIM selector
 * pattern and target zone, DMARC, the autodiscover leftovers), without the guides' source lists
 * that the pages render themselves, and the setup names in the page's language.
 */
import type { Locale } from '../../lib/i18n/locales';
import { OFFERS, type Provider } from '../../schemas/provider';

export function checkerProvider(provider: Provider) {
	const { name, setups, srv, server, checkAnchors, spf, dkim, dmarc, autodiscover } = provider;
	return {
		name,
		setups,
		srv,
		server,
		checkAnchors,
		// The sending-authentication and autodiscover checks' facts, without their sources.
		spf: { ...spf, source: [] },
		dkim: { ...dkim, source: [] },
		dmarc: { ...dmarc, source: [] },
		autodiscover: {
			...autodiscover,
			leftovers: autodiscover.leftovers.map(({ host }) => ({ host })),
			source: [],
		},
	};
}

/** Setup names by offer, in the page's language (the report names the setup it judged against). */
export function checkerSetupLabels(
	provider: Provider,
	locale: Locale
): Record<string, Record<string, string>> {
	return Object.fromEntries(
		OFFERS.map((offer) => [
			offer,
			Object.fromEntries(
				provider.setups.filter((s) => s.offer === offer).map((s) => [s.setup, s.label[locale]])
			),
		])
	);
}
