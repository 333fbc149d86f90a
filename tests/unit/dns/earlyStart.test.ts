import { describe, expect, it } from 'vitest';
import { earlyPlan } from '../../../src/lib/checks/earlyPlan';
import { dohUrl } from '../../../src/lib/dns/queryDoh';
import { earlyFetch, earlyStart } from '../../../src/lib/dns/earlyStart';
import { BUILTIN_RESOLVERS } from '../../../src/lib/dns/resolvers';
import { fetchRdap } from '../../../src/lib/rdap/fetchRdap';
import { parseRdapBase, rdapDomainUrl } from '../../../src/lib/rdap/query';
import { provider } from '../helpers/dnsMessages';

// The build writes the RDAP scripts' hashed names in (src/integrations/checkerScripts.mjs).
const plan = {
	...earlyPlan(provider),
	rdapScripts: { lookup: ['/_astro/lookupRdap.x.js'], bootstrap: ['/_astro/rdap-bootstrap.y.js'] },
};

function run(search: string) {
	const store: Record<string, Promise<Response>> = {};
	const sent: Array<{ url: string; init: RequestInit }> = [];
	const preloaded: string[] = [];
	earlyStart(
		plan,
		search,
		store,
		async (url, init) => {
			sent.push({ url, init });
			return new Response('x');
		},
		(href) => preloaded.push(href)
	);
	return { store, sent, preloaded };
}

const LOCAL_RDAP = 'http://127.0.0.1:8180/rdap';

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

describe('earlyStart and the domain check (RDAP)', () => {
	it('sends the RDAP request of an rdap parameter, the URL and request fetchRdap makes', async () => {
		const { sent, preloaded } = run(`?domain=Example.COM&rdap=${encodeURIComponent(LOCAL_RDAP)}`);
		const base = parseRdapBase(LOCAL_RDAP);
		const url = rdapDomainUrl(base.ok ? base.base! : '', 'example.com');
		expect(url).toBe('http://127.0.0.1:8180/rdap/domain/example.com');
		const early = sent.find((s) => s.url === url);
		expect(early).toBeDefined();
		let checkerInit: RequestInit | undefined;
		await fetchRdap(url, {
			fetch: async (_, init) => {
				checkerInit = init;
				return new Response('{}', { status: 404 });
			},
		});
		const { signal, ...withoutSignal } = checkerInit!;
		expect(signal).toBeDefined();
		expect(early!.init).toEqual(withoutSignal);
		expect(sent).toHaveLength(plan.questions.length + 1);
		// The registry is named: the bootstrap data is not needed, the lookup's script is.
		expect(preloaded).toEqual(['/_astro/lookupRdap.x.js']);
	});

	it('without an rdap parameter, preloads the lookup and the bootstrap data, and asks no registry', () => {
		const { sent, preloaded } = run('?domain=example.com');
		expect(sent.every((s) => s.url.includes('dns='))).toBe(true);
		expect(preloaded).toEqual(['/_astro/lookupRdap.x.js', '/_astro/rdap-bootstrap.y.js']);
	});

	it('loads nothing for a page without a domain to check', () => {
		for (const search of ['', '?offer=hosted', '?domain=%3Cb%3E'])
			expect(run(search), search).toEqual({ store: {}, sent: [], preloaded: [] });
	});

	it('an rdap parameter the checker refuses stops the early start: nothing leaves', () => {
		for (const rdap of [
			'http://rdap.example.net/',
			'https://u:p@rdap.example.net/',
			'https://rdap.example.net/?q=1',
			'ftp://rdap.example.net/',
			'not a url',
			`https://rdap.example.net/${'a'.repeat(2048)}`,
		]) {
			expect(parseRdapBase(rdap).ok, rdap).toBe(false);
			expect(run(`?domain=example.com&rdap=${encodeURIComponent(rdap)}`), rdap).toEqual({
				store: {},
				sent: [],
				preloaded: [],
			});
		}
		// https anywhere is taken, as the checker takes it.
		expect(run('?domain=example.com&rdap=https%3A%2F%2Frdap.example.net%2Fv1').sent[0]!.url).toBe(
			'https://rdap.example.net/v1/domain/example.com'
		);
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
