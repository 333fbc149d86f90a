import type { Offer, Provider, Setup, SetupRule } from '../../schemas/provider';

/**
 * The guides name the MX hosts but give no preference values. Equal preferences are valid and
 * spread delivery over the hosts (RFC 5321 §5.1), so zone lines use one value for all.
 */
export const MX_PREFERENCE = 10;

/**
 * Placeholder for a Hosted server's host name: the form the guides give (guide 000), the reader
 * puts their server's number for N.
 */
export const SERVER_PLACEHOLDER = 'exN.mail.ovh.net';

/**
 * Placeholder for a Private server's host name: its certificate name (guide 003; guide 001 says
 * "your host name"), which has no fixed form. Nothing like a real host, so nobody publishes it as
 * one; pages show it in their language (`records.privateServerPlaceholder`, `fillPlaceholders`).
 */
export const PRIVATE_SERVER_PLACEHOLDER = '<server-certificate-name>';

export function serverPlaceholder(offer: Offer): string {
	return offer === 'private' ? PRIVATE_SERVER_PLACEHOLDER : SERVER_PLACEHOLDER;
}

/** Puts the Private placeholder in the page's words (`localized`, from `records.privateServerPlaceholder`). */
export function fillPlaceholders(text: string, localized: string | undefined): string {
	return localized ? text.replaceAll(PRIVATE_SERVER_PLACEHOLDER, localized) : text;
}

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
	const serverName = server || serverPlaceholder(offer);
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

const origin = (domain: string) => `${domain.replace(/\.$/, '')}.`;
/** Fully qualified (RFC 1035 §5.1); a placeholder stays as it is. */
const fqdn = (host: string) =>
	host.endsWith('.') || host === PRIVATE_SERVER_PLACEHOLDER ? host : `${host}.`;

/** The MX records as zone-file lines (RFC 1035 §5.1 master file format). */
export function mxZoneLines(domain: string, records: ExpectedRecords): string[] {
	return records.mx.map((host) => `${origin(domain)} IN MX ${MX_PREFERENCE} ${fqdn(host)}`);
}

/** The autodiscover SRV record as a zone-file line. */
export function srvZoneLine(domain: string, records: ExpectedRecords): string {
	const { srv } = records;
	return `${srv.name}.${origin(domain)} IN SRV ${srv.priority} ${srv.weight} ${srv.port} ${fqdn(srv.target)}`;
}

/** The records as zone-file lines, names fully qualified. */
export function formatZoneLines(domain: string, records: ExpectedRecords): string[] {
	return [...mxZoneLines(domain, records), srvZoneLine(domain, records)];
}
