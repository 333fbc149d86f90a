/**
 * The zone-file lines a domain should publish for an offer and setup: the same lines as the
 * page's record tables (src/lib/records), for the person's own domain and server.
 */
import type { Offer, Provider, Setup } from '../../schemas/provider';
import { expectedRecords, formatZoneLines } from '../records/expectedRecords';

export function zoneSnippet(
	provider: Provider,
	domain: string,
	offer: Offer,
	setup: Setup,
	server?: string
): string[] {
	return formatZoneLines(domain, expectedRecords(provider, offer, setup, server));
}
