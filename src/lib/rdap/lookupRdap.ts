/**
 * The `domain` check's one question: where to ask (the `rdap` parameter, else IANA's bootstrap
 * registry), then the request and the reading of its answer. Never throws: every way it can go
 * wrong is an `RdapAnswer` with a failure, which the verdict reports as "could not check".
 */
import { findService, loadBootstrap, topLevel, type Bootstrap } from './bootstrap';
import { fetchRdap, type RdapFailure, type RdapFetchOptions } from './fetchRdap';
import { parseRdapDomain, type RdapDomain } from './parseRdap';
import { rdapDomainUrl } from './query';

interface AnswerBase {
	kind: 'rdap';
	/** The A-label domain asked about. */
	domain: string;
	tld: string;
	/** The service's base URL, when one was found. */
	base?: string;
	/** The query URL, when one was sent. */
	url?: string;
	/** True when the base came from the `rdap` parameter rather than IANA's registry. */
	override: boolean;
	/** The bootstrap file's date, when it was read. */
	bootstrapDate?: string;
	elapsedMs: number;
}

export type RdapAnswer =
	| (AnswerBase & { ok: true; record: RdapDomain; fetchedAt: Date })
	| (AnswerBase & { ok: false; failure: RdapFailure; detail?: string });

export interface RdapLookupOptions extends RdapFetchOptions {
	/** The `rdap` parameter, already checked by `parseRdapBase`: replaces the bootstrap lookup. */
	base?: string;
	/** Tests and the bench give their own data; the page loads the bundled file. */
	bootstrap?: Bootstrap | (() => Promise<Bootstrap>);
	now?: () => number;
}

export async function lookupRdap(domain: string, options: RdapLookupOptions): Promise<RdapAnswer> {
	const now = options.now ?? (() => Date.now());
	const started = now();
	const tld = topLevel(domain);
	const override = options.base !== undefined;
	const base: Omit<AnswerBase, 'elapsedMs'> = { kind: 'rdap', domain, tld, override };
	const fail = (
		failure: RdapFailure,
		extra: Partial<AnswerBase> = {},
		detail?: string
	): RdapAnswer => ({
		...base,
		...extra,
		ok: false,
		failure,
		...(detail ? { detail } : {}),
		elapsedMs: now() - started,
	});

	let serviceBase = options.base;
	let bootstrapDate: string | undefined;
	if (serviceBase === undefined) {
		let bootstrap: Bootstrap;
		try {
			const source = options.bootstrap ?? loadBootstrap;
			bootstrap = typeof source === 'function' ? await source() : source;
		} catch {
			// The data chunk could not be loaded (offline after the page, a blocked script).
			return fail('network');
		}
		if (options.signal?.aborted) return fail('aborted');
		bootstrapDate = bootstrap.retrieved;
		const service = findService(bootstrap, domain);
		if (!service.ok)
			return fail(service.reason === 'none' ? 'noService' : 'insecureService', { bootstrapDate });
		serviceBase = service.base;
	}
	const url = rdapDomainUrl(serviceBase, domain);
	const context = { base: serviceBase, url, ...(bootstrapDate ? { bootstrapDate } : {}) };
	const result = await fetchRdap(url, options);
	if (!result.ok) return fail(result.failure, context, result.detail);
	const parsed = parseRdapDomain(result.json);
	if (!parsed.ok) return fail('incomplete', context);
	return {
		...base,
		...context,
		ok: true,
		record: parsed.domain,
		fetchedAt: new Date(now()),
		elapsedMs: now() - started,
	};
}
