import { describe, expect, it } from 'vitest';
import { fetchRdap, MAX_RDAP_BYTES, type FetchLike } from '../../../src/lib/rdap/fetchRdap';

const URL_ = 'https://rdap.example/domain/example.com';
const rdapJson = { 'content-type': 'application/rdap+json' };

const answering =
	(make: () => Response): FetchLike =>
	async () =>
		make();

/** A Response whose final URL and redirect flag are those of a followed redirect. */
function redirectedTo(url: string, body: string): Response {
	const response = new Response(body, { status: 200, headers: rdapJson });
	Object.defineProperty(response, 'redirected', { value: true });
	Object.defineProperty(response, 'url', { value: url });
	return response;
}

describe('fetchRdap', () => {
	it('sends a simple GET: no credentials, no referrer, only the safelisted Accept header', async () => {
		let seen: RequestInit | undefined;
		const result = await fetchRdap(URL_, {
			fetch: async (_input, init) => {
				seen = init;
				return new Response('{"objectClassName":"domain"}', { headers: rdapJson });
			},
		});
		expect(result).toEqual({ ok: true, json: { objectClassName: 'domain' }, url: URL_ });
		expect(seen).toMatchObject({
			method: 'GET',
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
			headers: { accept: 'application/rdap+json' },
		});
	});

	it('reads 404 as not found and other statuses as HTTP errors', async () => {
		expect(
			await fetchRdap(URL_, { fetch: answering(() => new Response('{}', { status: 404 })) })
		).toEqual({
			ok: false,
			failure: 'notFound',
			detail: '404',
		});
		expect(
			await fetchRdap(URL_, { fetch: answering(() => new Response('', { status: 500 })) })
		).toEqual({
			ok: false,
			failure: 'http',
			detail: '500',
		});
		expect(
			await fetchRdap(URL_, { fetch: answering(() => new Response('', { status: 429 })) })
		).toEqual({
			ok: false,
			failure: 'http',
			detail: '429',
		});
	});

	it('reads an HTML page, or bytes that are no JSON, as not JSON', async () => {
		const html = await fetchRdap(URL_, {
			fetch: answering(
				() =>
					new Response('<!doctype html><p>whois</p>', {
						headers: { 'content-type': 'text/html; charset=utf-8' },
					})
			),
		});
		expect(html).toEqual({ ok: false, failure: 'notJson', detail: 'text/html' });
		const garbage = await fetchRdap(URL_, {
			fetch: answering(() => new Response('{"objectClassName": "dom', { headers: rdapJson })),
		});
		expect(garbage).toEqual({ ok: false, failure: 'notJson' });
		const latin1 = await fetchRdap(URL_, {
			fetch: answering(
				() => new Response(new Uint8Array([0x7b, 0xe9, 0x7d]), { headers: rdapJson })
			),
		});
		expect(latin1).toEqual({ ok: false, failure: 'notJson' });
	});

	it('stops reading a 5 MB body at the cap instead of downloading it', async () => {
		let pulled = 0;
		const chunk = new Uint8Array(64 * 1024).fill(0x20);
		const endless = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				if (pulled * chunk.length > 5 * 1024 * 1024) controller.close();
				else controller.enqueue(chunk);
			},
		});
		const result = await fetchRdap(URL_, {
			fetch: answering(() => new Response(endless, { headers: rdapJson })),
		});
		expect(result).toEqual({ ok: false, failure: 'tooLarge' });
		// 256 kB cap / 64 kB chunks: the fifth chunk crosses it; a stream read to the end is 80.
		expect(MAX_RDAP_BYTES).toBe(256 * 1024);
		expect(pulled).toBeLessThanOrEqual(7);
	});

	it('refuses a body whose declared length is over the cap without reading it', async () => {
		const result = await fetchRdap(URL_, {
			fetch: answering(
				() =>
					new Response('{}', {
						headers: { ...rdapJson, 'content-length': String(5 * 1024 * 1024) },
					})
			),
		});
		expect(result).toEqual({ ok: false, failure: 'tooLarge' });
	});

	it('gives up after the timeout when the server never answers', async () => {
		const hanging: FetchLike = (_input, init) =>
			new Promise((_, reject) =>
				init?.signal?.addEventListener('abort', () =>
					reject(new DOMException('aborted', 'AbortError'))
				)
			);
		const started = Date.now();
		expect(await fetchRdap(URL_, { fetch: hanging, timeoutMs: 50 })).toEqual({
			ok: false,
			failure: 'timeout',
		});
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('gives up after the timeout when the body never ends', async () => {
		const stalled: FetchLike = async (_input, init) => {
			const body = new ReadableStream<Uint8Array>({
				start(controller) {
					controller.enqueue(new TextEncoder().encode('{"objectClassName":'));
					init?.signal?.addEventListener('abort', () =>
						controller.error(new DOMException('aborted', 'AbortError'))
					);
				},
			});
			return new Response(body, { headers: rdapJson });
		};
		expect(await fetchRdap(URL_, { fetch: stalled, timeoutMs: 50 })).toEqual({
			ok: false,
			failure: 'timeout',
		});
	});

	it('reads a refused request (no CORS header, offline) as a network failure, and a new check as aborted', async () => {
		const refused: FetchLike = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await fetchRdap(URL_, { fetch: refused })).toEqual({ ok: false, failure: 'network' });
		const controller = new AbortController();
		controller.abort();
		expect(await fetchRdap(URL_, { fetch: refused, signal: controller.signal })).toEqual({
			ok: false,
			failure: 'aborted',
		});
	});

	it('refuses an answer that a redirect brought over plain HTTP', async () => {
		const toHttp = await fetchRdap(URL_, {
			fetch: answering(() => redirectedTo('http://rdap.example/domain/example.com', '{}')),
		});
		expect(toHttp).toEqual({
			ok: false,
			failure: 'insecureRedirect',
			detail: 'http://rdap.example',
		});
		// Local test servers are plain HTTP: a redirect within the same one is fine, to another is not.
		const local = 'http://127.0.0.1:8080/domain/example.com';
		const within = await fetchRdap(local, {
			fetch: answering(() =>
				redirectedTo('http://127.0.0.1:8080/other/domain/example.com', '{"a":1}')
			),
		});
		expect(within).toMatchObject({ ok: true, json: { a: 1 } });
		const away = await fetchRdap(local, {
			fetch: answering(() => redirectedTo('http://localhost:8080/domain/example.com', '{}')),
		});
		expect(away).toMatchObject({ ok: false, failure: 'insecureRedirect' });
		const toHttps = await fetchRdap(URL_, {
			fetch: answering(() =>
				redirectedTo('https://rdap.registrar.example/domain/example.com', '{"b":2}')
			),
		});
		expect(toHttps).toEqual({
			ok: true,
			json: { b: 2 },
			url: 'https://rdap.registrar.example/domain/example.com',
		});
	});
});
