/**
 * The RDAP service a check asks and the URL of its question: a base URL from the bootstrap
 * registry, or the `rdap` parameter (DESIGN.md: same rules as `resolver`, `https://`, or
 * `http://` on the local machine only).
 */

export type RdapBaseError = 'rdapMalformed' | 'rdapInsecure';

export type RdapBaseResult = { ok: true; base: string } | { ok: false; error: RdapBaseError };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a URL on this machine (`http://127.0.0.1:8080/`), the only place plain HTTP is used. */
export function isLocalUrl(url: URL): boolean {
	return LOCAL_HOSTS.has(url.hostname);
}

/** Reads the `rdap` parameter: empty means "use the bootstrap registry" (`undefined`). */
export function parseRdapBase(
	input: string | null | undefined
): RdapBaseResult | { ok: true; base: undefined } {
	const text = (input ?? '').trim();
	if (text === '') return { ok: true, base: undefined };
	if (text.length > 2048) return { ok: false, error: 'rdapMalformed' };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, error: 'rdapMalformed' };
	}
	if (url.username || url.password || url.search) return { ok: false, error: 'rdapMalformed' };
	if (url.protocol === 'http:') {
		if (!isLocalUrl(url)) return { ok: false, error: 'rdapInsecure' };
	} else if (url.protocol !== 'https:') {
		return { ok: false, error: 'rdapMalformed' };
	}
	url.hash = '';
	// RFC 9224 §3: base URLs end with "/", and paths are appended to them.
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return { ok: true, base: url.href };
}

/**
 * RFC 9082 §3.1.3: `{base}domain/{name}`, the name in its A-label form (the caller gives the
 * punycode of src/lib/dns/normalizeDomain.ts), lower case, no trailing dot.
 */
export function rdapDomainUrl(base: string, aLabel: string): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	const name = aLabel.toLowerCase().replace(/\.$/, '');
	return new URL(`domain/${encodeURIComponent(name)}`, root).href;
}
