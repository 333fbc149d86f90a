/**
 * Does the page's Content-Security-Policy let it fetch a URL? The `connect-src` directive (or
 * `default-src` without one) matched as CSP Level 3 §6.7.2 matches source expressions: `'self'`,
 * `'none'`, `*`, scheme sources (`https:`) and host sources (`https://*.example.net:*`). Asked
 * before a DoH request, so a resolver the page may not reach is reported as refused by the page's
 * security policy, without a request the browser would block anyway. Pure: the policy and the
 * page's origin are given.
 */

function directiveSources(policy: string, name: string): string[] | undefined {
	for (const part of policy.split(';')) {
		const [directive, ...sources] = part.trim().split(/\s+/);
		if (directive?.toLowerCase() === name) return sources;
	}
	return undefined;
}

const DEFAULT_PORTS: Record<string, string> = {
	'http:': '80',
	'https:': '443',
	'ws:': '80',
	'wss:': '443',
};
const portOf = (url: URL) => url.port || DEFAULT_PORTS[url.protocol] || '';

/** CSP3 §6.7.2.9: `http:` also allows its secure upgrade, `https:`. */
function schemeMatches(sourceScheme: string, url: URL): boolean {
	const scheme = sourceScheme.toLowerCase();
	if (scheme === url.protocol) return true;
	return (
		(scheme === 'http:' && url.protocol === 'https:') ||
		(scheme === 'ws:' && url.protocol === 'wss:')
	);
}

function hostMatches(sourceHost: string, host: string): boolean {
	const pattern = sourceHost.toLowerCase();
	if (pattern === '*') return true;
	if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
	return pattern === host;
}

function sourceMatches(source: string, url: URL, page: URL): boolean {
	const lower = source.toLowerCase();
	if (lower === "'none'") return false;
	if (lower === "'self'") {
		if (url.origin === page.origin) return true;
		// CSP3 §6.7.2.8: a page on http may also reach its own host over https.
		return page.protocol === 'http:' && url.protocol === 'https:' && url.hostname === page.hostname;
	}
	if (lower.startsWith("'")) return false; // nonces, hashes, keywords: not about URLs
	if (lower === '*') return ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);
	if (/^[a-z][a-z0-9+.-]*:$/.test(lower)) return schemeMatches(lower, url);
	const match =
		/^(?:([a-z][a-z0-9+.-]*:)\/\/)?(\*|(?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\*|\d+))?(\/.*)?$/.exec(
			lower
		);
	if (!match) return false;
	const [, scheme, host, port, path] = match;
	if (scheme ? !schemeMatches(scheme, url) : !schemeMatches(page.protocol, url)) return false;
	if (!hostMatches(host!, url.hostname)) return false;
	if (port !== '*') {
		const wanted = port ?? DEFAULT_PORTS[scheme ?? url.protocol] ?? '';
		// A source without a port on http also allows the default https port after upgrade.
		const upgraded =
			!port && scheme === 'http:' && url.protocol === 'https:' && portOf(url) === '443';
		if (portOf(url) !== wanted && !upgraded) return false;
	}
	// CSP3 §6.7.2.10: a path ending in `/` is a prefix, any other an exact path.
	if (path && path !== '/') {
		const actual = decodeURIComponent(url.pathname);
		if (path.endsWith('/') ? !actual.startsWith(path) : actual !== path) return false;
	}
	return true;
}

/**
 * True when `policy` allows fetching `url` from a page at `pageOrigin`. No policy, or one without
 * `connect-src` and `default-src`, allows everything.
 */
export function connectAllowed(
	policy: string | undefined,
	url: string,
	pageOrigin: string
): boolean {
	if (!policy) return true;
	const sources =
		directiveSources(policy, 'connect-src') ?? directiveSources(policy, 'default-src');
	if (!sources) return true;
	let target: URL;
	let page: URL;
	try {
		target = new URL(url);
		page = new URL(pageOrigin);
	} catch {
		return false;
	}
	return sources.some((source) => sourceMatches(source, target, page));
}
