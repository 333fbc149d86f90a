import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../../../src/lib/dns/normalizeDomain';
import type { Bootstrap } from '../../../src/lib/rdap/bootstrap';
import type { FetchLike } from '../../../src/lib/rdap/fetchRdap';
import { lookupRdap } from '../../../src/lib/rdap/lookupRdap';
import { comAnswer } from './documents';

const bootstrap: Bootstrap = {
	retrieved: '2026-05-24',
	services: [
		[['com'], ['https://rdap.verisign.com/com/v1/']],
		[['fr'], ['https://rdap.nic.fr/']],
		[['kg'], ['http://rdap.cctld.kg/']],
	],
};

function recording(seen: string[], body: unknown = comAnswer): FetchLike {
	return async (input) => {
		seen.push(input);
		return new Response(JSON.stringify(body), {
			headers: { 'content-type': 'application/rdap+json' },
		});
	};
}

describe('lookupRdap', () => {
	it('asks the TLD service from the bootstrap registry and reads the answer', async () => {
		const seen: string[] = [];
		const answer = await lookupRdap('example-shop.com', { fetch: recording(seen), bootstrap });
		expect(seen).toEqual(['https://rdap.verisign.com/com/v1/domain/example-shop.com']);
		expect(answer).toMatchObject({
			kind: 'rdap',
			ok: true,
			domain: 'example-shop.com',
			tld: 'com',
			base: 'https://rdap.verisign.com/com/v1/',
			override: false,
			bootstrapDate: '2026-05-24',
			record: { name: 'example-shop.com', registrar: { name: 'Example Registrar, Inc.' } },
		});
	});

	it('asks an international name in its A-label form', async () => {
		const seen: string[] = [];
		const domain = normalizeDomain('Bücher.fr');
		if (!domain.ok) throw new Error('normalizeDomain refused the name');
		await lookupRdap(domain.domain.ascii, { fetch: recording(seen), bootstrap });
		expect(seen).toEqual(['https://rdap.nic.fr/domain/xn--bcher-kva.fr']);
	});

	it('uses the rdap parameter instead of the bootstrap registry, without loading it', async () => {
		const seen: string[] = [];
		let loaded = false;
		const answer = await lookupRdap('example.test', {
			fetch: recording(seen),
			base: 'http://127.0.0.1:9/',
			bootstrap: async () => {
				loaded = true;
				return bootstrap;
			},
		});
		expect(seen).toEqual(['http://127.0.0.1:9/domain/example.test']);
		expect(loaded).toBe(false);
		expect(answer).toMatchObject({ ok: true, override: true, tld: 'test' });
	});

	it('sends nothing for a TLD without a service, or with an http one only', async () => {
		const seen: string[] = [];
		expect(await lookupRdap('example.it', { fetch: recording(seen), bootstrap })).toMatchObject({
			ok: false,
			failure: 'noService',
			tld: 'it',
			bootstrapDate: '2026-05-24',
		});
		expect(await lookupRdap('example.kg', { fetch: recording(seen), bootstrap })).toMatchObject({
			ok: false,
			failure: 'insecureService',
		});
		expect(seen).toEqual([]);
	});

	it('reports JSON that is no domain answer as incomplete', async () => {
		const answer = await lookupRdap('example.com', {
			fetch: recording([], { rdapConformance: [] }),
			bootstrap,
		});
		expect(answer).toMatchObject({
			ok: false,
			failure: 'incomplete',
			url: 'https://rdap.verisign.com/com/v1/domain/example.com',
		});
	});

	it('reports a bootstrap file that could not be loaded as a network failure', async () => {
		const answer = await lookupRdap('example.com', {
			fetch: recording([]),
			bootstrap: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
		});
		expect(answer).toMatchObject({ ok: false, failure: 'network' });
	});
});
