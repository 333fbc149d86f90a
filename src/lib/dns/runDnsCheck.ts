/**
 * One DNS check of a domain: MX and SRV asked in parallel over DoH, verdicts from src/lib/checks.
 * `fetch` is injected (the browser's in the island, a fake in tests); no DOM here.
 */
import type { Offer, Provider, Setup } from '../../schemas/provider';
import { checkMx } from '../checks/checkMx';
import { checkSrv, srvOwner } from '../checks/checkSrv';
import { errorVerdict } from '../checks/errorVerdict';
import { isServerLike } from '../checks/inferSetup';
import type { MxVerdict, Verdict } from '../checks/types';
import { zoneSnippet } from '../checks/zoneSnippet';
import type { NormalizedDomain } from './normalizeDomain';
import { queryDoh, type DohAttempt, type DohOptions } from './queryDoh';
import type { Resolver } from './resolvers';
import type { QueryType } from './wire';

export interface DnsCheckRequest {
	provider: Provider;
	domain: NormalizedDomain;
	offer: Offer;
	setup?: Setup;
	server?: string;
	resolver: Resolver;
}

export interface LookupLog {
	name: string;
	type: QueryType;
	/** The resolver that answered, if one did. */
	answeredBy?: Resolver;
	rcode?: string;
	fetchedAt?: Date;
	attempts: DohAttempt[];
}

export interface DnsCheckReport {
	request: DnsCheckRequest;
	mx: MxVerdict | Verdict;
	srv: Verdict;
	lookups: LookupLog[];
	/** The lines the domain should have, for the offer and the setup given or inferred. */
	zone: string[];
	setup: Setup;
	setupInferred: boolean;
	startedAt: Date;
	finishedAt: Date;
}

/** At most this many MX hosts get the follow-up alias lookup (a sane zone has a handful). */
const MAX_ALIAS_LOOKUPS = 5;

export async function runDnsCheck(
	request: DnsCheckRequest,
	options: DohOptions
): Promise<DnsCheckReport> {
	const now = options.now ?? (() => Date.now());
	const startedAt = new Date(now());
	const { provider, domain, offer, resolver } = request;
	const lookups: LookupLog[] = [];
	const ask = async (name: string, type: QueryType) => {
		const result = await queryDoh(resolver, name, type, options);
		lookups.push({
			name,
			type,
			attempts: result.attempts,
			...(result.ok
				? { answeredBy: result.resolver, rcode: result.response.rcode, fetchedAt: result.fetchedAt }
				: {}),
		});
		return result;
	};

	const [mxResult, srvResult] = await Promise.all([
		ask(domain.ascii, 'MX'),
		ask(srvOwner(provider, domain.ascii), 'SRV'),
	]);

	let mx: MxVerdict | Verdict;
	if (mxResult.ok) {
		// Only hosts the rules do not already know can be aliases worth asking about: a second
		// round trip for unusual zones only, so the common case stays one round trip.
		const known = new Set(
			provider.setups.flatMap((r) =>
				r.mx.kind === 'hosts'
					? [...r.mx.current.hosts, ...r.mx.legacy.flatMap((l) => l.hosts)]
					: r.mx.legacy.flatMap((l) => l.hosts)
			)
		);
		const unknown = [
			...new Set(
				mxResult.response.answers
					.flatMap((r) => (r.type === 'MX' ? [r.exchange] : []))
					.filter(
						(h) =>
							h !== '' &&
							!known.has(h) &&
							!isServerLike(provider, offer, h, request.server) &&
							!/^[\d.]+$/.test(h)
					)
			),
		].slice(0, MAX_ALIAS_LOOKUPS);
		const aliases: Record<string, string> = {};
		await Promise.all(
			unknown.map(async (host) => {
				const result = await ask(host, 'A');
				const first = result.ok ? result.response.cnames[0] : undefined;
				if (first) aliases[host] = first.target;
			})
		);
		mx = checkMx({
			provider,
			offer,
			setup: request.setup,
			server: request.server,
			response: mxResult.response,
			aliases,
		});
	} else {
		mx = errorVerdict(provider, 'mx', mxResult.failure, mxResult.detail);
	}
	const domainMissing = mxResult.ok && mxResult.response.rcode === 'NXDOMAIN';
	const srv = srvResult.ok
		? checkSrv({
				provider,
				offer,
				server: request.server,
				response: srvResult.response,
				domainMissing,
			})
		: errorVerdict(provider, 'srv', srvResult.failure, srvResult.detail);

	const setup = 'setup' in mx ? mx.setup : (request.setup ?? 'exchange-only');
	const setupInferred = 'setupInferred' in mx ? mx.setupInferred : !request.setup;
	return {
		request,
		mx,
		srv,
		lookups,
		zone: zoneSnippet(provider, domain.ascii, offer, setup, request.server),
		setup,
		setupInferred,
		startedAt,
		finishedAt: new Date(now()),
	};
}
