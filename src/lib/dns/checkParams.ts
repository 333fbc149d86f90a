/**
 * The checker's URL parameters (DESIGN.md "URL and DOM contract": domain, offer, setup, server,
 * resolver, and rdap from its contract additions) read into a request, and written back as a
 * permalink. Pure: no DOM, no fetch.
 */
// Types only: the zod schemas must not reach the browser bundle.
import type { Offer, Provider, Setup } from '../../schemas/provider';
import type { Message } from '../checks/types';
import {
	canonicalHost,
	normalizeDomain,
	type DomainInputError,
	type NormalizedDomain,
} from './normalizeDomain';
import {
	DEFAULT_RESOLVER,
	parseResolver,
	type Resolver,
	type ResolverInputError,
} from './resolvers';
import { parseRdapBase, type RdapBaseError } from '../rdap/query';

export interface CheckForm {
	domain: string;
	offer: string;
	setup: string;
	server: string;
	/** `cloudflare`, `google` or a DoH URL. */
	resolver: string;
	/** The `dkim` parameter: a selector, or its prefix (both `-selector1` and `-selector2`). */
	dkim?: string;
	/** An RDAP base URL replacing IANA's bootstrap registry (tests, or a registry the person names). */
	rdap?: string;
}

export interface ValidCheck {
	domain: NormalizedDomain;
	offer: Offer;
	setup?: Setup;
	server?: string;
	resolver: Resolver;
	/** DKIM selectors to judge, from the `dkim` parameter (a prefix gives both). */
	dkim?: string[];
	/** The `rdap` parameter as a base URL ending in `/`; absent: the bootstrap registry decides. */
	rdap?: string;
}

export type InputError =
	DomainInputError | ResolverInputError | RdapBaseError | 'serverMalformed' | 'dkimMalformed';

/** A selector is one DNS label (RFC 6376 §3.1 allows more; the provider's have one). */
export const DKIM_SELECTOR = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The selectors a `dkim` value names: itself when it ends in `-selector1`/`-selector2`, both of
 * them for a prefix (`ovhex123456`, DESIGN.md "Contract additions"); undefined when malformed.
 */
export function dkimSelectors(value: string): string[] | undefined {
	const text = value.trim().toLowerCase();
	if (!DKIM_SELECTOR.test(text)) return undefined;
	if (/-selector[12]$/.test(text)) return [text];
	return [`${text}-selector1`, `${text}-selector2`];
}

export type ValidateResult =
	| { ok: true; check: ValidCheck; warnings: Message[] }
	| { ok: false; error: InputError; field: keyof CheckForm };

/** Reads the form values from URL parameters; absent ones are empty. */
export function formFromParams(params: URLSearchParams): CheckForm {
	const get = (key: string) => (params.get(key) ?? '').slice(0, 2048);
	return {
		domain: get('domain'),
		offer: get('offer'),
		setup: get('setup'),
		server: get('server'),
		resolver: get('resolver'),
		dkim: get('dkim'),
		rdap: get('rdap'),
	};
}

/**
 * Checks every field. An unknown offer or setup (a hand-edited link) is not fatal: the default is
 * used and a warning says so. A bad domain, server or resolver stops the check with one message.
 */
export function validateForm(form: CheckForm, provider: Pick<Provider, 'setups'>): ValidateResult {
	// Offers and setups are the ones the provider data has rules for.
	const isOffer = (value: string): value is Offer => provider.setups.some((s) => s.offer === value);
	const isSetup = (value: string): value is Setup => provider.setups.some((s) => s.setup === value);
	const warnings: Message[] = [];
	const domain = normalizeDomain(form.domain);
	if (!domain.ok) return { ok: false, error: domain.error, field: 'domain' };
	let offer: Offer = 'hosted';
	const offerText = form.offer.trim().toLowerCase();
	if (isOffer(offerText)) offer = offerText;
	else if (offerText)
		warnings.push({ key: 'dns.input.offerUnknown', params: { input: form.offer.slice(0, 64) } });
	let setup: Setup | undefined;
	const setupText = form.setup.trim().toLowerCase();
	if (isSetup(setupText)) setup = setupText;
	else if (setupText)
		warnings.push({ key: 'dns.input.setupUnknown', params: { input: form.setup.slice(0, 64) } });
	let server: string | undefined;
	if (form.server.trim()) {
		// Same rules as a domain: a host name, international names in punycode.
		const parsed = normalizeDomain(form.server);
		if (!parsed.ok || form.server.includes('@'))
			return { ok: false, error: 'serverMalformed', field: 'server' };
		server = canonicalHost(parsed.domain.ascii);
	}
	let dkim: string[] | undefined;
	if ((form.dkim ?? '').trim()) {
		dkim = dkimSelectors(form.dkim ?? '');
		if (!dkim) return { ok: false, error: 'dkimMalformed', field: 'dkim' };
	}
	const resolver = parseResolver(form.resolver);
	if (!resolver.ok) return { ok: false, error: resolver.error, field: 'resolver' };
	// Absent from older callers' forms: the same as empty.
	const rdap = parseRdapBase(form.rdap ?? '');
	if (!rdap.ok) return { ok: false, error: rdap.error, field: 'rdap' };
	return {
		ok: true,
		check: {
			domain: domain.domain,
			offer,
			...(setup ? { setup } : {}),
			...(server ? { server } : {}),
			resolver: resolver.resolver,
			...(dkim ? { dkim } : {}),
			...(rdap.base ? { rdap: rdap.base } : {}),
		},
		warnings,
	};
}

/** The permalink of a check: only the parameters that differ from the defaults. */
export function permalinkParams(check: ValidCheck): URLSearchParams {
	const params = new URLSearchParams();
	params.set('domain', check.domain.unicode);
	params.set('offer', check.offer);
	if (check.setup) params.set('setup', check.setup);
	if (check.server) params.set('server', check.server);
	// Both selectors of one prefix are written as the prefix, as the person gave them.
	if (check.dkim?.length === 2 && check.dkim[0]!.endsWith('-selector1'))
		params.set('dkim', check.dkim[0]!.slice(0, -'-selector1'.length));
	else if (check.dkim?.length) params.set('dkim', check.dkim[0]!);
	if (check.resolver.id !== DEFAULT_RESOLVER)
		params.set('resolver', check.resolver.id === 'custom' ? check.resolver.url : check.resolver.id);
	if (check.rdap) params.set('rdap', check.rdap);
	return params;
}

/** UI string key for each reason `validateForm` refuses an input (shared by the checker and the tree). */
export const INPUT_ERROR_KEYS: Record<string, string> = {
	empty: 'dns.input.empty',
	tooLong: 'dns.input.tooLong',
	malformed: 'dns.input.malformed',
	ipAddress: 'dns.input.ipAddress',
	singleLabel: 'dns.input.singleLabel',
	serverMalformed: 'dns.input.serverMalformed',
	dkimMalformed: 'dns.input.dkimMalformed',
	resolverMalformed: 'dns.input.resolverMalformed',
	resolverInsecure: 'dns.input.resolverInsecure',
	rdapMalformed: 'dns.input.rdapMalformed',
	rdapInsecure: 'dns.input.rdapInsecure',
};
