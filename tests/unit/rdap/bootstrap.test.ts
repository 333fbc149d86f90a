import { describe, expect, it } from 'vitest';
import {
	findService,
	loadBootstrap,
	topLevel,
	type Bootstrap,
} from '../../../src/lib/rdap/bootstrap';

const sample: Bootstrap = {
	retrieved: '2026-05-24',
	services: [
		[['com', 'net'], ['https://rdap.verisign.com/com/v1/']],
		[['fr'], ['http://rdap.nic.fr/', 'https://rdap.nic.fr/']],
		[['kg'], ['http://rdap.cctld.kg/']],
		[['co.example'], ['https://rdap.co-example.test/']],
		[['example'], ['https://rdap.example.test/']],
		[['xn--p1ai'], ['https://rdap.tcinet.ru/']],
	],
};

describe('findService (RFC 9224 §4)', () => {
	it('finds the TLD entry among several labels of one service', () => {
		expect(findService(sample, 'shop.example.net')).toEqual({
			ok: true,
			base: 'https://rdap.verisign.com/com/v1/',
			tld: 'net',
		});
	});

	it('picks the https base URL of an entry that lists http first', () => {
		expect(findService(sample, 'Example.FR.')).toEqual({
			ok: true,
			base: 'https://rdap.nic.fr/',
			tld: 'fr',
		});
	});

	it('prefers the longest matching label sequence', () => {
		expect(findService(sample, 'a.co.example')).toMatchObject({
			base: 'https://rdap.co-example.test/',
		});
		expect(findService(sample, 'a.other.example')).toMatchObject({
			base: 'https://rdap.example.test/',
		});
		// A label that only ends like the entry is no match: "xco.example" is not under "co.example".
		expect(findService(sample, 'xco.example')).toMatchObject({
			base: 'https://rdap.example.test/',
		});
	});

	it('says when the TLD has no service, or only an http one', () => {
		expect(findService(sample, 'example.it')).toEqual({ ok: false, reason: 'none', tld: 'it' });
		expect(findService(sample, 'example.kg')).toEqual({ ok: false, reason: 'insecure', tld: 'kg' });
	});

	it('matches an international TLD by its A-label', () => {
		expect(findService(sample, 'xn--d1acufc.xn--p1ai')).toMatchObject({
			ok: true,
			tld: 'xn--p1ai',
		});
		expect(topLevel('xn--d1acufc.xn--p1ai')).toBe('xn--p1ai');
	});
});

describe('the bundled bootstrap file', () => {
	it('is dated and has the services of the TLDs OVHcloud customers use most', async () => {
		const data = await loadBootstrap();
		expect(data.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		// Values as IANA publishes them for these TLDs (https://data.iana.org/rdap/dns.json).
		expect(findService(data, 'example.com')).toMatchObject({
			base: 'https://rdap.verisign.com/com/v1/',
		});
		expect(findService(data, 'example.fr')).toMatchObject({ base: 'https://rdap.nic.fr/' });
		expect(findService(data, 'example.ovh')).toMatchObject({ base: 'https://rdap.nic.ovh/' });
		// .it publishes no RDAP service in IANA's registry: the check says so instead of guessing.
		expect(findService(data, 'example.it')).toEqual({ ok: false, reason: 'none', tld: 'it' });
		expect(findService(data, 'example.test')).toEqual({ ok: false, reason: 'none', tld: 'test' });
	});
});
