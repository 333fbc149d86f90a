/**
 * The zone-file lines (RFC 1035 §5.1 master file format) a domain should publish for an offer and
 * setup. Names fully qualified so the lines paste into any zone whatever its $ORIGIN.
 */
import type { Offer, Provider, Setup } from '../../schemas/provider';
import { findRule } from './inferSetup';
import { SERVER_PLACEHOLDER } from './types';

/**
 * The guides give no MX preference; equal values spread delivery over the hosts
 * (RFC 5321 §5.1), so every line uses the same one.
 */
export const MX_PREFERENCE = 10;
/** A common TTL for mail records; the guides give none. */
export const ZONE_TTL = 3600;

export function zoneSnippet(provider: Provider, domain: string, offer: Offer, setup: Setup, server?: string): string[] {
	const rule = findRule(provider, offer, setup);
	const fqdn = (host: string) => (host.endsWith('.') ? host : `${host}.`);
	const origin = fqdn(domain);
	const serverName = server || SERVER_PLACEHOLDER;
	const hosts = rule.mx.kind === 'hosts' ? rule.mx.current.hosts : [serverName];
	const { srv } = provider;
	return [
		...hosts.map((host) => `${origin}\t${ZONE_TTL}\tIN\tMX\t${MX_PREFERENCE} ${fqdn(host)}`),
		`${srv.name}.${origin}\t${ZONE_TTL}\tIN\tSRV\t${srv.priority} ${srv.weight} ${srv.port} ${fqdn(serverName)}`,
	];
}
