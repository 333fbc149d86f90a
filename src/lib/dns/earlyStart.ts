/**
 * Early start of a permalinked check (issue 13: "start the questions before the page has finished
 * loading"). `earlyStart` runs as an inline script where the checker's markup begins: with a
 * `domain` parameter it sends every check's first DNS questions at once, before the checker's
 * module has loaded; the checker then takes those responses instead of asking again
 * (`earlyFetch`). The same request, to the same resolver, as the checker would send: nothing else
 * leaves the browser. A domain or resolver it is not sure of is left to the checker.
 * The domain check (RDAP) starts here too: with an `rdap` parameter its one request leaves now,
 * as `fetchRdap` sends it; without, the bootstrap data's script is preloaded, and either way the
 * lookup's own script, so the checker finds them loaded instead of fetching them one after the
 * other. Only a page opened with a domain to check does this: others never load the bootstrap.
 */
import type { FetchLike } from './queryDoh';

/** What the inline script needs, written into the page as JSON at build time. */
export interface EarlyPlan {
	/** Built-in resolvers by id, and the default id. */
	resolvers: Record<string, string>;
	defaultResolver: string;
	/** Hosts where an `http://` resolver is allowed (a local relay). */
	localHosts: string[];
	/** First DNS questions of every check: `{domain}` stands for the domain, `code` is the RR type. */
	questions: Array<{ name: string; code: number }>;
	/**
	 * The scripts of the RDAP lookup (`lookup`, with its static imports) and of the bootstrap data
	 * (`bootstrap`): their names are hashed, so the build writes them in afterwards
	 * (src/integrations/checkerScripts.mjs).
	 */
	rdapScripts?: { lookup: string[]; bootstrap: string[] };
}

/** RR type codes (RFC 1035 §3.2.2, RFC 2782, RFC 3596). */
export const RR_TYPE_CODES: Readonly<Record<string, number>> = {
	A: 1,
	CNAME: 5,
	MX: 15,
	TXT: 16,
	AAAA: 28,
	SRV: 33,
};

/** The name of the responses' store on `window`. */
export const EARLY_STORE = '__dnsCheckEarly';

/**
 * Inlined as text (`earlyStart.toString()`), so it must stand alone: no imports, no outer
 * variables. Encodes each question as `encodeQuery` does (ID 0, RD set, one question, IN class)
 * and fetches it as `queryDoh` does; a unit test checks the URLs are the same.
 */
export function earlyStart(
	plan: EarlyPlan,
	search: string,
	store: Record<string, Promise<Response>>,
	send: (url: string, init: RequestInit) => Promise<Response>,
	preload: (href: string) => void
): void {
	const params = new URLSearchParams(search);
	const domain = (params.get('domain') || '').trim().toLowerCase().replace(/\.$/, '');
	const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
	// ASCII names only, two labels or more, a top-level label with a letter: the checker's own
	// normalisation (IDN, errors) handles everything else.
	const shape = new RegExp(`^(?:${label}\\.)+(?=[a-z0-9-]*[a-z])${label}$`);
	if (domain.length > 253 || !shape.test(domain)) return;
	// The checker refuses a malformed server name before any query: so does the early start.
	const server = (params.get('server') || '').trim().toLowerCase().replace(/\.$/, '');
	if (server && (server.length > 253 || !shape.test(server))) return;
	// Likewise a DKIM value that is not one plain label: the checker (parseDkimParam) reads the other forms.
	const dkim = (params.get('dkim') || '').trim().toLowerCase();
	if (dkim && !new RegExp(`^${label}$`).test(dkim)) return;
	// An address the checker takes: no user name or password; https, or http on this machine.
	const allowed = (url: URL) =>
		!url.username &&
		!url.password &&
		(url.protocol === 'http:' ? plan.localHosts.includes(url.hostname) : url.protocol === 'https:');
	const parse = (text: string) => {
		try {
			return new URL(text);
		} catch {
			return undefined;
		}
	};
	// Sends a request once; a response nobody takes is handled, so no unhandled rejection.
	const ask = (href: string, init: RequestInit) => {
		if (href in store) return;
		const response = send(href, {
			method: 'GET',
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
			...init,
		});
		response.catch(() => undefined);
		store[href] = response;
	};
	// The `rdap` parameter read as parseRdapBase does: one the checker would refuse stops it all.
	const rdap = (params.get('rdap') || '').trim();
	let rdapHref = '';
	if (rdap) {
		const service = parse(rdap);
		if (!service || rdap.length > 2048 || service.search || !allowed(service)) return;
		service.hash = '';
		if (!service.pathname.endsWith('/')) service.pathname += '/';
		rdapHref = new URL(`domain/${domain}`, service).href;
	}
	const choice = (params.get('resolver') || '').trim();
	let base = plan.resolvers[choice.toLowerCase() || plan.defaultResolver];
	if (!base) {
		const url = parse(choice);
		if (!url || !allowed(url)) return;
		url.hash = '';
		base = url.href;
	}
	// The domain check's request: the URL built as rdapDomainUrl does (an ASCII domain needs no
	// escaping), sent as fetchRdap sends it.
	if (rdapHref) ask(rdapHref, { headers: { accept: 'application/rdap+json' }, redirect: 'follow' });
	for (const question of plan.questions) {
		const name = question.name.replace('{domain}', domain);
		const bytes = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
		for (const part of name.split('.')) {
			bytes.push(part.length);
			for (let i = 0; i < part.length; i++) bytes.push(part.charCodeAt(i));
		}
		bytes.push(0, question.code >> 8, question.code & 255, 0, 1);
		const url = new URL(base);
		url.searchParams.set(
			'dns',
			btoa(String.fromCharCode(...bytes))
				.replace(/\+/g, '-')
				.replace(/\//g, '_')
				.replace(/=+$/, '')
		);
		ask(url.href, { headers: { accept: 'application/dns-message' } });
	}
	const scripts = plan.rdapScripts || { lookup: [], bootstrap: [] };
	scripts.lookup.concat(rdapHref ? [] : scripts.bootstrap).forEach(preload);
}

/**
 * A `fetch` that hands out an early response for its URL once, and asks the network otherwise.
 * The caller's signal still ends the wait (timeouts, a new check).
 */
export function earlyFetch(
	store: Record<string, Promise<Response>> | undefined,
	fetchImpl: FetchLike
): FetchLike {
	return (input, init) => {
		const early = init?.mode === 'no-cors' ? undefined : store?.[input];
		if (!early) return fetchImpl(input, init);
		delete store![input];
		const signal = init?.signal;
		if (!signal) return early;
		if (signal.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
		return new Promise<Response>((resolve, reject) => {
			const onAbort = () => reject(new DOMException('Aborted', 'AbortError'));
			signal.addEventListener('abort', onAbort, { once: true });
			early.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
		});
	};
}
