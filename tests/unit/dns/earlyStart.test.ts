import { describe, expect, it } from 'vitest';
import { earlyPlan } from '../../../src/lib/checks/earlyPlan';
import { dohUrl } from '../../../src/lib/dns/queryDoh';
import { earlyFetch, earlyStart } from '../../../src/lib/dns/earlyStart';
import { BUILTIN_RESOLVERS } from '../../../src/lib/dns/resolvers';
import { provider } from '../helpers/dnsMessages';

const plan = earlyPlan(provider);

function run(search: string) {
	const store: Record<string, Promise<Response>> = {};
	const sent: Array<{ url: string; init: RequestInit }> = [];
	earlyStart(plan, search, store, async (url, init) => {
		sent.push({ url, init });
		return new Response('x');
	});
	return { store, sent };
}

describe('earlyStart', () => {
	it("asks every check's first question, the same URL the checker builds", () => {
		expect(plan.questions).toEqual(
			expect.arrayContaining([
				{ name: '{domain}', code: 15 },
				{ name: '_autodiscover._tcp.{domain}', code: 33 },
			])
		);
		const { sent } = run('?domain=Example.COM.&offer=hosted');
		const urls = sent.map((s) => s.url);
		expect(urls).toContain(dohUrl(BUILTIN_RESOLVERS.cloudflare, 'example.com', 'MX'));
		expect(urls).toContain(
			dohUrl(BUILTIN_RESOLVERS.cloudflare, '_autodiscover._tcp.example.com', 'SRV')
		);
		expect(urls).toHaveLength(plan.questions.length);
		expect(sent[0]!.init).toMatchObject({ method: 'GET', credentials: 'omit' });
	});

	it('uses the resolver of the link: built-in, https, or http on this machine only', () => {
		expect(run('?domain=example.com&resolver=google').sent[0]!.url).toBe(
			dohUrl(BUILTIN_RESOLVERS.google, 'example.com', 'MX')
		);
		expect(
			run('?domain=example.com&resolver=http%3A%2F%2F127.0.0.1%3A8053%2Fdns-query').sent[0]!.url
		).toBe(dohUrl('http://127.0.0.1:8053/dns-query', 'example.com', 'MX'));
		expect(run('?domain=example.com&resolver=http://doh.example.net/dns-query').sent).toEqual([]);
		expect(run('?domain=example.com&resolver=https://u:p@doh.example.net/').sent).toEqual([]);
	});

	it('leaves anything it is not sure of to the checker: no question sent', () => {
		for (const domain of [
			'',
			'localhost',
			'192.0.2.1',
			'bücher.example',
			'<img src=x>.test',
			'https://example.com/page',
			'-bad.example',
			`${'a'.repeat(64)}.example`,
			'example.123',
		])
			expect(run(`?domain=${encodeURIComponent(domain)}`).sent, domain).toEqual([]);
		// A server name the checker would refuse stops the early start too.
		expect(run('?domain=example.com&server=ex5%20mail').sent).toEqual([]);
		expect(run('?domain=example.com&server=ex5.mail.ovh.net').sent).not.toEqual([]);
		expect(run('?domain=example.com&dkim=%3Cb%3E').sent).toEqual([]);
		expect(run('?domain=example.com&dkim=ovhex123456').sent).not.toEqual([]);
	});
});

describe('earlyFetch', () => {
	it('hands out an early response once, then asks the network', async () => {
		const early = new Response('early');
		const store = { 'https://r/q': Promise.resolve(early) };
		const asked: string[] = [];
		const fetch = earlyFetch(store, async (url) => (asked.push(url), new Response('late')));
		expect(await fetch('https://r/q')).toBe(early);
		expect(await (await fetch('https://r/q')).text()).toBe('late');
		expect(asked).toEqual(['https://r/q']);
	});

	it('ends the wait when the caller aborts, and never serves a no-cors probe', async () => {
		const store = { 'https://r/q': new Promise<Response>(() => undefined) };
		const controller = new AbortController();
		const fetch = earlyFetch(store, async () => new Response('net'));
		expect(await (await fetch('https://r/q', { mode: 'no-cors' })).text()).toBe('net');
		const waiting = fetch('https://r/q', { signal: controller.signal });
		controller.abort();
		await expect(waiting).rejects.toThrow(/Abort/);
	});
});
