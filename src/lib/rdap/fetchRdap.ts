/**
 * One RDAP request (RFC 7480 over HTTPS, answers per RFC 9083), bounded in time and in size:
 * the body is read as a stream and dropped past a cap, so a 5 MB or endless answer never hangs
 * the page. `fetch` is injected (the browser's in the page, a fake in unit tests).
 */
import { isLocalUrl } from './query';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Why a registry's RDAP service gave no usable answer: each has its own message. */
export const RDAP_FAILURES = [
	'noService', // IANA's bootstrap lists no RDAP service for the TLD
	'insecureService', // the bootstrap lists only http: base URLs for the TLD
	'timeout', // no complete answer in time
	'network', // the request failed: offline, refused, or blocked (no CORS header, CSP, extension)
	'notFound', // HTTP 404: the registry has no such domain (RFC 7480 §5.3)
	'http', // another HTTP status than 200
	'insecureRedirect', // a redirect ended on an http: URL
	'notJson', // HTML or anything else that is not JSON
	'tooLarge', // more than MAX_RDAP_BYTES
	'incomplete', // JSON, but not an RDAP domain object with its status or events
	'badDate', // the expiry date does not parse as RFC 3339
	'aborted', // the person started another check
] as const;
export type RdapFailure = (typeof RDAP_FAILURES)[number];

export const RDAP_TIMEOUT_MS = 8000;
/**
 * Real domain answers weigh 2 to 30 kB (entities, notices, links); a quarter of a megabyte leaves
 * room for the most verbose registries and stops a runaway body long before it costs memory.
 */
export const MAX_RDAP_BYTES = 256 * 1024;

export interface RdapFetchOptions {
	fetch: FetchLike;
	timeoutMs?: number;
	signal?: AbortSignal;
	maxBytes?: number;
}

export type RdapFetchResult =
	{ ok: true; json: unknown; url: string } | { ok: false; failure: RdapFailure; detail?: string };

/** Media types of a JSON answer: RDAP's own (RFC 7480 §4.2) or plain JSON, which some send. */
const JSON_TYPES = /^application\/(rdap\+json|json)\b|\+json\b/i;

/** Reads at most `max` bytes of a body; `undefined` when it is longer (the rest is never read). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
	const reader = response.body?.getReader();
	if (!reader) {
		const whole = new Uint8Array(await response.arrayBuffer());
		return whole.length > max ? undefined : whole;
	}
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.length;
		if (total > max) {
			// Stop the download: the browser closes the connection instead of reading 5 MB.
			reader.cancel().catch(() => {});
			return undefined;
		}
		chunks.push(value);
	}
	const body = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.length;
	}
	return body;
}

/** True when a redirect left HTTPS, or left this machine over plain HTTP (tests use http://127.0.0.1). */
function insecureEnd(requested: string, final: string): boolean {
	let end: URL;
	try {
		end = new URL(final);
	} catch {
		return false;
	}
	if (end.protocol === 'https:') return false;
	const start = new URL(requested);
	return !(start.protocol === 'http:' && isLocalUrl(start) && end.origin === start.origin);
}

export async function fetchRdap(url: string, options: RdapFetchOptions): Promise<RdapFetchResult> {
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, options.timeoutMs ?? RDAP_TIMEOUT_MS);
	const onAbort = () => controller.abort();
	options.signal?.addEventListener('abort', onAbort, { once: true });
	const stopped = (): RdapFetchResult => ({
		ok: false,
		failure: options.signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'network',
	});
	try {
		let response: Response;
		try {
			response = await options.fetch(url, {
				method: 'GET',
				// A CORS-safelisted header with a safelisted value: a "simple" request, no
				// preflight (Fetch §4.2), which many registries' servers do not answer.
				headers: { accept: 'application/rdap+json' },
				signal: controller.signal,
				credentials: 'omit',
				referrerPolicy: 'no-referrer',
				redirect: 'follow',
			});
		} catch {
			return stopped();
		}
		if (response.redirected && insecureEnd(url, response.url)) {
			response.body?.cancel().catch(() => {});
			return { ok: false, failure: 'insecureRedirect', detail: new URL(response.url).origin };
		}
		if (response.status !== 200) {
			response.body?.cancel().catch(() => {});
			return response.status === 404
				? { ok: false, failure: 'notFound', detail: '404' }
				: { ok: false, failure: 'http', detail: String(response.status) };
		}
		const max = options.maxBytes ?? MAX_RDAP_BYTES;
		const declared = Number(response.headers.get('content-length') ?? NaN);
		if (declared > max) {
			response.body?.cancel().catch(() => {});
			return { ok: false, failure: 'tooLarge' };
		}
		const type = response.headers.get('content-type') ?? '';
		if (/^text\/html\b/i.test(type)) {
			response.body?.cancel().catch(() => {});
			return { ok: false, failure: 'notJson', detail: type.split(';')[0]!.trim() };
		}
		let body: Uint8Array | undefined;
		try {
			body = await readCapped(response, max);
		} catch {
			return stopped();
		}
		if (!body) return { ok: false, failure: 'tooLarge' };
		let json: unknown;
		try {
			json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
		} catch {
			// Neither the media type nor the bytes: an HTML error page, a captive portal, a proxy.
			return {
				ok: false,
				failure: 'notJson',
				...(type && !JSON_TYPES.test(type) ? { detail: type.split(';')[0]!.trim() } : {}),
			};
		}
		return { ok: true, json, url: response.url || url };
	} finally {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onAbort);
	}
}
