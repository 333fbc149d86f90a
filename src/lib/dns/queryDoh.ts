/**
 * One DNS question over DNS-over-HTTPS (RFC 8484, GET with `?dns=`, so the browser sends a
 * "simple" CORS request and no preflight), with a timeout and one retry on a fallback resolver.
 * `fetch` and the clock are injected so tests run without a network.
 */
import {
	decodeResponse,
	encodeQuery,
	MalformedResponseError,
	toBase64Url,
	type DnsResponse,
	type QueryType,
} from './wire';
import { fallbackFor, type Resolver } from './resolvers';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Why a resolver could not answer: each has its own message in the UI. */
export const DOH_FAILURES = [
	'timeout', // no answer in time
	'network', // the request failed and the resolver could not be reached: offline, its DNS, TLS, an extension or firewall
	'cors', // the resolver answered, without the CORS header that lets the page read the answer
	'csp', // the page's own security policy does not let it reach the resolver (no request sent)
	'http', // an HTTP status other than 200
	'garbage', // 200 but not a DNS answer to our question
	'servfail', // the resolver could not resolve the name (RCODE 2), e.g. broken DNSSEC or dead servers
	'refused', // RCODE 5, or another rcode that is not an answer
	'aborted', // the person started a new check
] as const;
export type DohFailure = (typeof DOH_FAILURES)[number];

export interface DohAttempt {
	resolver: Resolver;
	ok: boolean;
	failure?: DohFailure;
	/** The HTTP status or rcode behind a failure. */
	detail?: string;
	elapsedMs: number;
}

export type DohResult =
	| { ok: true; response: DnsResponse; resolver: Resolver; fetchedAt: Date; attempts: DohAttempt[] }
	| { ok: false; failure: DohFailure; detail?: string; attempts: DohAttempt[] };

export interface DohOptions {
	fetch: FetchLike;
	/** Per attempt, in milliseconds. */
	timeoutMs?: number;
	/** Aborts every attempt (a new check started). */
	signal?: AbortSignal;
	now?: () => number;
	/** Turn off the retry on the other built-in resolver (tests). */
	noFallback?: boolean;
	/**
	 * Whether the page's security policy lets it fetch a URL (`connectAllowed` with the page's
	 * policy). A resolver it refuses is a `csp` failure, asked nothing.
	 */
	allows?: (url: string) => boolean;
}

export const DEFAULT_TIMEOUT_MS = 4000;
/** Answers longer than this are not DNS messages (RFC 8484 §6: at most 65535 bytes). */
const MAX_BODY_BYTES = 65535;

/** The GET URL for a question on a resolver (RFC 8484 §4.1.1). */
export function dohUrl(resolverUrl: string, name: string, type: QueryType): string {
	const url = new URL(resolverUrl);
	url.searchParams.set('dns', toBase64Url(encodeQuery(name, type)));
	return url.href;
}

/** Every request's options (the signal is added per attempt). */
const init: RequestInit = {
	method: 'GET',
	// A CORS-safelisted header: the request stays "simple", no preflight (Fetch §4.2).
	headers: { accept: 'application/dns-message' },
	credentials: 'omit',
	referrerPolicy: 'no-referrer',
};

/** Response codes that are answers about the name (RFC 1035 §4.1.1); any other is a failure. */
const ANSWER_RCODES = new Set(['NOERROR', 'NXDOMAIN']);

async function attempt(
	resolver: Resolver,
	name: string,
	type: QueryType,
	options: DohOptions
): Promise<
	{ ok: true; response: DnsResponse } | { ok: false; failure: DohFailure; detail?: string }
> {
	const url = dohUrl(resolver.url, name, type);
	if (options.allows && !options.allows(url)) return { ok: false, failure: 'csp' };
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
	const onAbort = () => controller.abort();
	options.signal?.addEventListener('abort', onAbort, { once: true });
	try {
		let response: Response;
		try {
			response = await options.fetch(url, { ...init, signal: controller.signal });
		} catch {
			if (options.signal?.aborted) return { ok: false, failure: 'aborted' };
			if (timedOut) return { ok: false, failure: 'timeout' };
			// A browser says only "failed to fetch". The same request without CORS (an opaque
			// answer the page cannot read) tells the two apart: it succeeds when the resolver is
			// reachable and only the CORS header is missing (Fetch §3.2.5, §4.1).
			try {
				await options.fetch(url, { ...init, mode: 'no-cors', signal: controller.signal });
				return { ok: false, failure: 'cors' };
			} catch {
				if (options.signal?.aborted) return { ok: false, failure: 'aborted' };
				return timedOut ? { ok: false, failure: 'timeout' } : { ok: false, failure: 'network' };
			}
		}
		if (response.status !== 200)
			return { ok: false, failure: 'http', detail: String(response.status) };
		let body: Uint8Array;
		try {
			body = new Uint8Array(await response.arrayBuffer());
		} catch {
			if (options.signal?.aborted) return { ok: false, failure: 'aborted' };
			return timedOut ? { ok: false, failure: 'timeout' } : { ok: false, failure: 'network' };
		}
		if (body.length > MAX_BODY_BYTES) return { ok: false, failure: 'garbage' };
		let decoded: DnsResponse;
		try {
			decoded = decodeResponse(body, name, type);
		} catch (error) {
			if (error instanceof MalformedResponseError) return { ok: false, failure: 'garbage' };
			throw error;
		}
		if (decoded.rcode === 'SERVFAIL')
			return { ok: false, failure: 'servfail', detail: decoded.rcode };
		if (!ANSWER_RCODES.has(decoded.rcode))
			return { ok: false, failure: 'refused', detail: decoded.rcode };
		return { ok: true, response: decoded };
	} finally {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onAbort);
	}
}

/**
 * Asks `resolver`; if it fails in any way (timeout, network, HTTP error, garbage, SERVFAIL,
 * REFUSED) asks the fallback once (see `fallbackFor`). NXDOMAIN and empty answers are answers,
 * not failures, and are never retried.
 */
export async function queryDoh(
	resolver: Resolver,
	name: string,
	type: QueryType,
	options: DohOptions
): Promise<DohResult> {
	const now = options.now ?? (() => Date.now());
	const attempts: DohAttempt[] = [];
	const chain = [
		resolver,
		...(options.noFallback ? [] : [fallbackFor(resolver)].filter((r): r is Resolver => !!r)),
	];
	let last: { failure: DohFailure; detail?: string } = { failure: 'network' };
	for (const current of chain) {
		const started = now();
		const result = await attempt(current, name, type, options);
		const elapsedMs = now() - started;
		if (result.ok) {
			attempts.push({ resolver: current, ok: true, elapsedMs });
			return {
				ok: true,
				response: result.response,
				resolver: current,
				fetchedAt: new Date(now()),
				attempts,
			};
		}
		attempts.push({
			resolver: current,
			ok: false,
			failure: result.failure,
			detail: result.detail,
			elapsedMs,
		});
		last = result;
		if (result.failure === 'aborted') break;
	}
	return { ok: false, failure: last.failure, detail: last.detail, attempts };
}
