import type { Offer, Provider, Setup, SetupRule } from '../../schemas/provider';
import { canonicalHost } from '../dns/normalizeDomain';

export { findSetupRule as findRule } from '../records/expectedRecords';

/** Every host a `hosts` rule accepts, current and legacy. */
export function hostsOfRule(rule: SetupRule): Set<string> {
	if (rule.mx.kind !== 'hosts') return new Set(rule.mx.legacy.flatMap((l) => l.hosts));
	return new Set([...rule.mx.current.hosts, ...rule.mx.legacy.flatMap((l) => l.hosts)]);
}

/** True when `host` looks like the Exchange server of this offer (given name, or Hosted's pattern). */
export function isServerLike(
	provider: Provider,
	offer: Offer,
	host: string,
	server?: string
): boolean {
	const name = canonicalHost(host);
	if (server && name === canonicalHost(server)) return true;
	if (offer === 'hosted' && new RegExp(provider.server.hostedPattern).test(name)) return true;
	return provider.setups.some(
		(rule) =>
			rule.offer === offer &&
			rule.mx.kind === 'server' &&
			rule.mx.legacy.some((l) => l.hosts.includes(name))
	);
}

/** What a guess of the setup can rest on: the provider's MX hosts, the server's name, or nothing. */
export const INFERENCE_BASES = ['hosts', 'server', 'none'] as const;

export interface InferredSetup {
	setup: Setup;
	/** What the guess rests on (`dns.note.setupInferred.{basis}` says so in the report). */
	basis: (typeof INFERENCE_BASES)[number];
}

/**
 * Guesses the setup from the MX a domain publishes (DESIGN.md: "setup absent = infer from what
 * is published"). Any provider MX host means an antispam (`hosts`) setup, even when other hosts
 * are mixed in (then the check reports split delivery); otherwise a server-looking MX means a
 * `server` setup; otherwise the first `hosts` setup, the most common one, is assumed.
 */
export function inferSetup(
	provider: Provider,
	offer: Offer,
	exchanges: string[],
	server?: string
): InferredSetup {
	const rules = provider.setups.filter((rule) => rule.offer === offer);
	const hostsRules = rules.filter((rule) => rule.mx.kind === 'hosts');
	const serverRules = rules.filter((rule) => rule.mx.kind === 'server');
	const names = exchanges.map(canonicalHost);
	const hostsRule = hostsRules.find((rule) => names.some((name) => hostsOfRule(rule).has(name)));
	if (hostsRule) return { setup: hostsRule.setup, basis: 'hosts' };
	const serverRule = serverRules[0];
	if (serverRule && names.some((name) => isServerLike(provider, offer, name, server))) {
		return { setup: serverRule.setup, basis: 'server' };
	}
	const fallback = hostsRules[0] ?? rules[0]!;
	return { setup: fallback.setup, basis: 'none' };
}
