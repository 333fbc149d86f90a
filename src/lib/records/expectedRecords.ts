import type { Offer, Provider, Setup, SetupRule } from '../../schemas/provider';

/**
 * The guides name the MX hosts but give no preference values. Equal preferences are valid and
 * spread delivery over the hosts (RFC 5321 §5.1), so zone lines use one value for all.
 */
export const MX_PREFERENCE = 10;

/** Placeholder shown where the reader must put their own server's host name. */
export const SERVER_PLACEHOLDER = 'exN.mail.ovh.net';

export interface ExpectedRecords {
	/** MX targets, in order; `server` stands for the Exchange server's host name. */
	mx: string[];
	srv: { name: string; priority: number; weight: number; port: number; target: string };
}

export function findSetupRule(provider: Provider, offer: Offer, setup: Setup): SetupRule {
	const rule = provider.setups.find((s) => s.offer === offer && s.setup === setup);
	// The provider schema guarantees a rule for every offer and setup.
	if (!rule) throw new Error(`No MX rule for ${offer}/${setup}`);
	return rule;
}

/** The MX and SRV records a domain should publish for an offer and setup. */
export function expectedRecords(
	provider: Provider,
	offer: Offer,
	setup: Setup,
	server?: string
): ExpectedRecords {
	const rule = findSetupRule(provider, offer, setup);
	const serverName = server || SERVER_PLACEHOLDER;
	const { srv } = provider;
	return {
		mx: rule.mx.kind === 'hosts' ? [...rule.mx.current.hosts] : [serverName],
		srv: {
			name: srv.name,
			priority: srv.priority,
			weight: srv.weight,
			port: srv.port,
			target: serverName,
		},
	};
}

/** The records as zone-file lines (RFC 1035 §5.1 master file format), names fully qualified. */
export function formatZoneLines(domain: string, records: ExpectedRecords): string[] {
	const origin = `${domain.replace(/\.$/, '')}.`;
	const fqdn = (host: string) => (host.endsWith('.') ? host : `${host}.`);
	return [
		...records.mx.map((host) => `${origin} IN MX ${MX_PREFERENCE} ${fqdn(host)}`),
		`${records.srv.name}.${origin} IN SRV ${records.srv.priority} ${records.srv.weight} ${records.srv.port} ${fqdn(records.srv.target)}`,
	];
}
