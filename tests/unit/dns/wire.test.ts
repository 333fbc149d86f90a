import { describe, expect, it } from 'vitest';
import { decode } from '@leichtgewicht/dns-packet';
import {
	decodeResponse,
	encodeQuery,
	fromBase64Url,
	MalformedResponseError,
	recordsOf,
	toBase64Url,
} from '../../../src/lib/dns/wire';
import { dohUrl } from '../../../src/lib/dns/queryDoh';
import { cname, mx, ptr, responseBytes, srv, txt } from '../helpers/dnsMessages';

describe('encodeQuery', () => {
	it('builds a recursive query with ID 0 for one name and type', () => {
		const packet = decode(encodeQuery('example.com', 'MX'));
		expect(packet.id).toBe(0);
		expect(packet.flag_rd).toBe(true);
		expect(packet.questions).toEqual([{ name: 'example.com', type: 'MX', class: 'IN' }]);
	});

	it('matches the example query of RFC 8484 §4.1.1 for www.example.com A', () => {
		// The RFC's example GET: ?dns=AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB
		expect(toBase64Url(encodeQuery('www.example.com', 'A'))).toBe(
			'AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB'
		);
	});
});

describe('base64url', () => {
	it('round-trips every byte value without padding or + and /', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		const text = toBase64Url(bytes);
		expect(text).not.toMatch(/[+/=]/);
		expect(fromBase64Url(text)).toEqual(bytes);
	});
});

describe('dohUrl', () => {
	it('adds the dns parameter and keeps the resolver path', () => {
		const url = new URL(dohUrl('https://dns.google/dns-query', 'example.com', 'MX'));
		expect(url.pathname).toBe('/dns-query');
		expect(fromBase64Url(url.searchParams.get('dns')!)).toEqual(encodeQuery('example.com', 'MX'));
	});
});

describe('decodeResponse', () => {
	it('reads MX records with TTL, lower-cased and without the trailing dot', () => {
		const bytes = responseBytes('Example.COM', 'MX', [
			mx('Example.COM', 'MX1.Mail.OVH.net.', 5, 120),
		]);
		const result = decodeResponse(bytes, 'example.com', 'MX');
		expect(result.rcode).toBe('NOERROR');
		expect(result.answers).toEqual([
			{ type: 'MX', name: 'example.com', ttl: 120, preference: 5, exchange: 'mx1.mail.ovh.net' },
		]);
	});

	it('reads SRV records', () => {
		const name = '_autodiscover._tcp.example.com';
		const result = decodeResponse(
			responseBytes(name, 'SRV', [srv(name, 'ex5.mail.ovh.net')]),
			name,
			'SRV'
		);
		expect(result.answers[0]).toMatchObject({
			type: 'SRV',
			priority: 0,
			weight: 0,
			port: 443,
			target: 'ex5.mail.ovh.net',
		});
	});

	it('follows the CNAME chain from the name asked, in order', () => {
		const bytes = responseBytes('mail.example.com', 'A', [
			cname('alias2.example.com', 'mx1.mail.ovh.net'),
			cname('mail.example.com', 'alias2.example.com'),
		]);
		const result = decodeResponse(bytes, 'mail.example.com', 'A');
		expect(result.cnames.map((c) => c.target)).toEqual(['alias2.example.com', 'mx1.mail.ovh.net']);
	});

	it('reads the NXDOMAIN and SERVFAIL response codes', () => {
		expect(
			decodeResponse(responseBytes('nope.example', 'MX', [], 'NXDOMAIN'), 'nope.example', 'MX')
				.rcode
		).toBe('NXDOMAIN');
		expect(
			decodeResponse(responseBytes('nope.example', 'MX', [], 'SERVFAIL'), 'nope.example', 'MX')
				.rcode
		).toBe('SERVFAIL');
	});

	it('refuses garbage bytes', () => {
		expect(() =>
			decodeResponse(new TextEncoder().encode('<html>hello</html>'), 'example.com', 'MX')
		).toThrow(MalformedResponseError);
		expect(() => decodeResponse(new Uint8Array(3), 'example.com', 'MX')).toThrow(
			MalformedResponseError
		);
	});

	it('refuses a query echoed back and an answer to another question', () => {
		expect(() => decodeResponse(encodeQuery('example.com', 'MX'), 'example.com', 'MX')).toThrow(
			MalformedResponseError
		);
		expect(() => decodeResponse(responseBytes('other.com', 'MX'), 'example.com', 'MX')).toThrow(
			MalformedResponseError
		);
		expect(() => decodeResponse(responseBytes('example.com', 'A'), 'example.com', 'MX')).toThrow(
			MalformedResponseError
		);
	});
});

describe('TXT records', () => {
	it('joins the character-strings of one record with nothing between them (RFC 7208 §3.3)', () => {
		const bytes = responseBytes('example.com', 'TXT', [
			txt('example.com', 'v=spf1 include:mx.ovh.com', ' ~all'),
			txt('example.com', 'google-site-verification=abc'),
		]);
		const result = decodeResponse(bytes, 'example.com', 'TXT');
		expect(recordsOf(result, 'TXT').map((r) => r.text)).toEqual([
			'v=spf1 include:mx.ovh.com ~all',
			'google-site-verification=abc',
		]);
		expect(recordsOf(result, 'TXT')[0]!.strings).toEqual(['v=spf1 include:mx.ovh.com', ' ~all']);
	});

	it('keeps HTML and control characters as plain data', () => {
		const hostile = '<img src=x onerror=alert(1)>\u0000\u0007\u001b[31m';
		const result = decodeResponse(
			responseBytes('example.com', 'TXT', [txt('example.com', hostile)]),
			'example.com',
			'TXT'
		);
		expect(recordsOf(result, 'TXT')[0]!.text).toBe(hostile);
	});

	it('reads a record of 4 KB made of many 255-byte strings', () => {
		const strings = Array.from({ length: 17 }, (_, i) => String.fromCharCode(97 + i).repeat(255));
		const result = decodeResponse(
			responseBytes('example.com', 'TXT', [txt('example.com', ...strings)]),
			'example.com',
			'TXT'
		);
		expect(recordsOf(result, 'TXT')[0]!.text).toHaveLength(17 * 255);
	});

	it('reads bytes that are not UTF-8 without throwing', () => {
		const bytes = responseBytes('example.com', 'TXT', [
			{ type: 'TXT', name: 'example.com', ttl: 1, data: [Uint8Array.of(0x76, 0xff, 0x3d)] },
		]);
		expect(recordsOf(decodeResponse(bytes, 'example.com', 'TXT'), 'TXT')[0]!.text).toBe('v\ufffd=');
	});
});

describe('CNAME chains', () => {
	it('exposes the chain and the records it ends at', () => {
		const result = decodeResponse(
			responseBytes('s1._domainkey.example.com', 'TXT', [
				cname('s1._domainkey.example.com', 's1._domainkey.1500.ab.dkim.mail.ovh.net'),
				txt('s1._domainkey.1500.ab.dkim.mail.ovh.net', 'v=DKIM1; p=MIGf'),
			]),
			's1._domainkey.example.com',
			'TXT'
		);
		expect(result.cnames.map((c) => [c.name, c.target])).toEqual([
			['s1._domainkey.example.com', 's1._domainkey.1500.ab.dkim.mail.ovh.net'],
		]);
		expect(result.cnameLoop).toBeUndefined();
		expect(recordsOf(result, 'TXT')[0]!.name).toBe('s1._domainkey.1500.ab.dkim.mail.ovh.net');
	});

	it('stops at a CNAME loop and says so', () => {
		const result = decodeResponse(
			responseBytes('a.example.com', 'A', [
				cname('a.example.com', 'b.example.com'),
				cname('b.example.com', 'a.example.com'),
			]),
			'a.example.com',
			'A'
		);
		expect(result.cnames.map((c) => c.target)).toEqual(['b.example.com', 'a.example.com']);
		expect(result.cnameLoop).toBe(true);
	});

	it('reads PTR records', () => {
		const name = '10.2.0.192.in-addr.arpa';
		const result = decodeResponse(
			responseBytes(name, 'PTR', [ptr(name, 'Example.com.')]),
			name,
			'PTR'
		);
		expect(result.answers).toEqual([{ type: 'PTR', name, ttl: 300, target: 'example.com' }]);
	});
});
