/**
 * The DNS-over-HTTPS resolvers the checker can use, and the parsing of a resolver the person
 * gives. Both built-in endpoints answer RFC 8484 GET requests with CORS headers.
 */

export const BUILTIN_RESOLVERS = {
	cloudflare: 'https://cloudflare-dns.com/dns-query',
	google: 'https://dns.google/dns-query',
} as const;

export type BuiltinResolverId = keyof typeof BUILTIN_RESOLVERS;

/** The built-in resolvers in the order the form lists them; the first is the default. */
export const BUILTIN_RESOLVER_IDS = Object.keys(BUILTIN_RESOLVERS) as BuiltinResolverId[];
export const DEFAULT_RESOLVER: BuiltinResolverId = 'cloudflare';

/** Their names as readers know them (company names: the same in every language). */
export const BUILTIN_RESOLVER_NAMES: Record<BuiltinResolverId, string> = {
	cloudflare: 'Cloudflare',
	google: 'Google',
};

export interface Resolver {
	/** `cloudflare`, `google` or `custom`. */
	id: BuiltinResolverId | 'custom';
	url: string;
}

export type ResolverInputError = 'resolverMalformed' | 'resolverInsecure';

export type ResolverResult =
	{ ok: true; resolver: Resolver } | { ok: false; error: ResolverInputError };

/** Hosts where an `http://` resolver is allowed: the local machine (a test or a local proxy). */
export const LOCAL_RESOLVER_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;
const LOCAL_HOSTS = new Set<string>(LOCAL_RESOLVER_HOSTS);

export function isBuiltinResolverId(value: string): value is BuiltinResolverId {
	return Object.hasOwn(BUILTIN_RESOLVERS, value);
}

/**
 * Reads the `resolver` setting: a built-in name, an `https://` DoH URL, or an `http://` URL on
 * the local machine only (a test or a local proxy). Empty means the default (Cloudflare).
 */
export function parseResolver(input: string | null | undefined): ResolverResult {
	const text = (input ?? '').trim();
	if (text === '')
		return {
			ok: true,
			resolver: { id: DEFAULT_RESOLVER, url: BUILTIN_RESOLVERS[DEFAULT_RESOLVER] },
		};
	const lower = text.toLowerCase();
	if (isBuiltinResolverId(lower))
		return { ok: true, resolver: { id: lower, url: BUILTIN_RESOLVERS[lower] } };
	if (text.length > 2048) return { ok: false, error: 'resolverMalformed' };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, error: 'resolverMalformed' };
	}
	if (url.username || url.password) return { ok: false, error: 'resolverMalformed' };
	if (url.protocol === 'http:') {
		if (!LOCAL_HOSTS.has(url.hostname)) return { ok: false, error: 'resolverInsecure' };
	} else if (url.protocol !== 'https:') {
		return { ok: false, error: 'resolverMalformed' };
	}
	url.hash = '';
	for (const [id, known] of Object.entries(BUILTIN_RESOLVERS)) {
		if (url.href === known)
			return { ok: true, resolver: { id: id as BuiltinResolverId, url: known } };
	}
	return { ok: true, resolver: { id: 'custom', url: url.href } };
}

/**
 * Where to retry once when a resolver fails. Cloudflare and Google back each other up. A resolver
 * the person chose is not replaced by a public one: they may have picked it to keep their
 * queries private or to see an internal view of the zone, and DESIGN.md says nothing typed
 * leaves the browser except the queries asked for. The report then suggests a built-in one.
 */
export function fallbackFor(resolver: Resolver): Resolver | undefined {
	if (!isBuiltinResolverId(resolver.id)) return undefined;
	// The next built-in one, in a circle: with two, each backs up the other.
	const ids = BUILTIN_RESOLVER_IDS;
	const next = ids[(ids.indexOf(resolver.id) + 1) % ids.length]!;
	return next === resolver.id ? undefined : { id: next, url: BUILTIN_RESOLVERS[next] };
}
