/**
 * Which RDAP service answers for a domain: IANA's bootstrap registry for domain names (RFC 9224),
 * bundled at build time in src/data/rdap-bootstrap.json (refreshed by
 * scripts/refresh-rdap-bootstrap.mjs; the build never fetches it). The data is loaded with a
 * dynamic import, so it is a chunk of its own that only a page running the check downloads.
 */

/** RFC 9224 §4: each service is [[labels], [base URLs]]. */
export type BootstrapService = [readonly string[], readonly string[]];

export interface Bootstrap {
	/** The day the file was taken (ISO `YYYY-MM-DD`), said when a TLD is missing from it. */
	retrieved: string;
	services: readonly BootstrapService[];
}

export type ServiceLookup =
	| { ok: true; base: string; tld: string }
	/** `none`: no entry for the TLD; `insecure`: only `http:` base URLs, which this page never uses. */
	| { ok: false; reason: 'none' | 'insecure'; tld: string };

/** The top-level label of an A-label domain (`example.xn--p1ai` -> `xn--p1ai`). */
export function topLevel(domain: string): string {
	const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
	return labels[labels.length - 1]!;
}

/**
 * RFC 9224 §4: the entry whose label sequence is the longest match for the end of the domain
 * (entries are mostly TLDs, but the registry allows more labels). Among an entry's base URLs,
 * an `https:` one is chosen; §3 leaves the choice to the client, and an `http:` answer could be
 * altered on the way, so an entry with none is reported rather than used.
 */
export function findService(bootstrap: Bootstrap, domain: string): ServiceLookup {
	const name = domain.toLowerCase().replace(/\.$/, '');
	const tld = topLevel(name);
	let best: { labels: number; urls: readonly string[] } | undefined;
	for (const [entries, urls] of bootstrap.services) {
		for (const entry of entries) {
			const suffix = entry.toLowerCase();
			if (name !== suffix && !name.endsWith(`.${suffix}`)) continue;
			const labels = suffix.split('.').length;
			if (!best || labels > best.labels) best = { labels, urls };
		}
	}
	if (!best) return { ok: false, reason: 'none', tld };
	const secure = best.urls.find((url) => url.toLowerCase().startsWith('https://'));
	if (!secure) return { ok: false, reason: 'insecure', tld };
	return { ok: true, base: secure, tld };
}

/** The bundled data, fetched as its own chunk the first time a check needs it. */
export async function loadBootstrap(): Promise<Bootstrap> {
	const data = (await import('../../data/rdap-bootstrap.json')).default as unknown as Bootstrap;
	return { retrieved: data.retrieved, services: data.services };
}
