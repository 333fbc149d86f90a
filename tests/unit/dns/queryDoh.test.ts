import { describe, expect, it } from 'vitest';
import { queryDoh, type FetchLike } from '../../../src/lib/dns/queryDoh';
import { BUILTIN_RESOLVERS, type Resolver } from '../../../src/lib/dns/resolvers';
import { fromBase64Url } from '../../../src/lib/dns/wire';
import { decode } from '@leichtgewicht/dns-packet';
import { mx, responseBytes } from '../helpers/dnsMessages';

const cloudflare: Resolver = { id: 'cloudflare', url: BUILTIN_RESOLVERS.cloudflare };
const custom: Resolver = { id: 'custom', url: 'http://127.0.0.1:1/dns-query' };

type Behaviour =
	| 'answer'
	| 'nxdomain'
	| 'servfail'
	| 'refused'
	| 'garbage'
	| 'http500'
	| 'network'
	| 'nocors'
	| 'hang';

/** A fake DoH server per host: answers the question in the `dns` parameter as told. */
function fakeFetch(behaviours: Record<string, Behaviour>, seen: string[] = []): FetchLike {
	return async (input, init) => {
		const url = new URL(input);
		seen.push(url.host);
		const question = decode(fromBase64Url(url.searchParams.get('dns')!)).questions![0]!;
		const body = (bytes: Uint8Array<ArrayBuffer>) =>
			new Response(bytes, { status: 200, headers: { 'content-type': 'application/dns-message' } });
		switch (behaviours[url.host]) {
			case 'answer':
				return body(responseBytes(question.name, 'MX', [mx(question.name, 'mx1.mail.ovh.net')]));
			case 'nxdomain':
				return body(responseBytes(question.name, 'MX', [], 'NXDOMAIN'));
			case 'servfail':
				return body(responseBytes(question.name, 'MX', [], 'SERVFAIL'));
			case 'refused':
				return body(responseBytes(question.name, 'MX', [], 'REFUSED'));
			case 'garbage':
				return body(new TextEncoder().encode('<!doctype html><p>not dns</p>'));
			case 'http500':
				return new Response('oops', { status: 500 });
			case 'nocors':
				// Reachable, but without Access-Control-Allow-Origin: only an opaque answer works.
				if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
				throw new TypeError('Failed to fetch');
			case 'hang':
				return new Promise((_, reject) => {
					init?.signal?.addEventListener('abort', () =>
						reject(new DOMException('aborted', 'AbortError'))
					);
				});
			default:
				throw new TypeError('Failed to fetch');
		}
	};
}

describe('queryDoh', () => {
	it('returns the answer and which resolver gave it', async () => {
		const result = await queryDoh(cloudflare, 'example.com', 'MX', {
			fetch: fakeFetch({ 'cloudflare-dns.com': 'answer' }),
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.resolver.id).toBe('cloudflare');
		expect(result.response.answers[0]).toMatchObject({ exchange: 'mx1.mail.ovh.net', ttl: 3600 });
		expect(result.fetchedAt).toBeInstanceOf(Date);
	});

	it('sends a GET with the DNS message in the dns parameter and no custom headers beyond Accept', async () => {
		let seenInit: RequestInit | undefined;
		const fetch: FetchLike = async (input, init) => {
			seenInit = init;
			return fakeFetch({ 'cloudflare-dns.com': 'answer' })(input, init);
		};
		await queryDoh(cloudflare, 'example.com', 'MX', { fetch });
		expect(seenInit?.method).toBe('GET');
		expect(Object.keys(seenInit?.headers as object)).toEqual(['accept']);
	});

	it('does not retry NXDOMAIN: it is an answer', async () => {
		const seen: string[] = [];
		const result = await queryDoh(cloudflare, 'nope.example', 'MX', {
			fetch: fakeFetch({ 'cloudflare-dns.com': 'nxdomain', 'dns.google': 'answer' }, seen),
		});
		expect(result.ok && result.response.rcode).toBe('NXDOMAIN');
		expect(seen).toEqual(['cloudflare-dns.com']);
	});

	for (const failure of ['servfail', 'refused', 'garbage', 'http500', 'network', 'hang'] as const) {
		it(`retries once on Google when Cloudflare fails with ${failure}`, async () => {
			const seen: string[] = [];
			const result = await queryDoh(cloudflare, 'example.com', 'MX', {
				fetch: fakeFetch({ 'cloudflare-dns.com': failure, 'dns.google': 'answer' }, seen),
				timeoutMs: 50,
			});
			// A failed request is asked once more without CORS, to tell CORS from the network.
			expect(seen).toEqual([
				'cloudflare-dns.com',
				...(failure === 'network' ? ['cloudflare-dns.com'] : []),
				'dns.google',
			]);
			expect(result.ok).toBe(true);
			if (result.ok) expect(result.resolver.id).toBe('google');
			expect(result.attempts.map((a) => a.ok)).toEqual([false, true]);
		});
	}

	it.each([
		['servfail', 'servfail'],
		['refused', 'refused'],
		['garbage', 'garbage'],
		['http500', 'http'],
		['network', 'network'],
		['nocors', 'cors'],
		['hang', 'timeout'],
	] as const)(
		'reports %s from a custom resolver as %s without asking a public resolver',
		async (behaviour, failure) => {
			const seen: string[] = [];
			const result = await queryDoh(custom, 'example.com', 'MX', {
				fetch: fakeFetch({ '127.0.0.1:1': behaviour }, seen),
				timeoutMs: 50,
			});
			expect(result).toMatchObject({ ok: false, failure });
			// Only the page's own resolver is asked (twice when the request itself failed).
			expect(new Set(seen)).toEqual(new Set(['127.0.0.1:1']));
			expect(seen).toHaveLength(behaviour === 'network' || behaviour === 'nocors' ? 2 : 1);
		}
	);

	it('reports the last failure when both built-in resolvers fail', async () => {
		const result = await queryDoh(cloudflare, 'example.com', 'MX', {
			fetch: fakeFetch({ 'cloudflare-dns.com': 'hang', 'dns.google': 'servfail' }),
			timeoutMs: 30,
		});
		expect(result).toMatchObject({ ok: false, failure: 'servfail' });
		expect(result.attempts.map((a) => a.failure)).toEqual(['timeout', 'servfail']);
	});

	it("asks nothing of a resolver the page's policy refuses, and says so", async () => {
		const seen: string[] = [];
		const result = await queryDoh(custom, 'example.com', 'MX', {
			fetch: fakeFetch({ '127.0.0.1:1': 'answer' }, seen),
			allows: (url) => !url.startsWith('http://127.0.0.1'),
		});
		expect(result).toMatchObject({ ok: false, failure: 'csp' });
		expect(seen).toEqual([]);
	});

	it('stops at once when the caller aborts', async () => {
		const controller = new AbortController();
		const seen: string[] = [];
		const promise = queryDoh(cloudflare, 'example.com', 'MX', {
			fetch: fakeFetch({ 'cloudflare-dns.com': 'hang', 'dns.google': 'hang' }, seen),
			timeoutMs: 10_000,
			signal: controller.signal,
		});
		controller.abort();
		expect(await promise).toMatchObject({ ok: false, failure: 'aborted' });
		expect(seen).toEqual(['cloudflare-dns.com']);
	});
});
