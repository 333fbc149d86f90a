import { describe, expect, it } from 'vitest';
import { parseSpfRecord } from '../../../../src/lib/checks/spf/parseSpfRecord';
import { parseIPv6 } from '../../../../src/lib/checks/spf/ipAddress';

describe('parseSpfRecord', () => {
	it('reads mechanisms with qualifiers, domains and CIDR lengths', () => {
		const result = parseSpfRecord('v=spf1 -a:mail.example.com/24//64 ~mx/30 ip4:192.0.2.0/24 ?all');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(
			result.record.mechanisms.map((m) => [m.qualifier, m.name, m.domainSpec, m.cidr4, m.cidr6])
		).toEqual([
			['-', 'a', 'mail.example.com', 24, 64],
			['~', 'mx', undefined, 30, 128],
			['+', 'ip4', undefined, 24, 128],
			['?', 'all', undefined, 32, 128],
		]);
	});

	it('is case-insensitive for the version and names and keeps unknown modifiers', () => {
		const result = parseSpfRecord('V=SPF1 INCLUDE:mx.ovh.com Redirect=_spf.example.com foo=bar');
		expect(result.ok && result.record.redirect?.value).toBe('_spf.example.com');
		expect(result.ok && result.record.terms.map((t) => t.name)).toEqual([
			'include',
			'redirect',
			'foo',
		]);
	});

	it.each([
		['v=spf1 include -all', 'include', 'domain'],
		['v=spf1 include:localhost -all', 'include:localhost', 'domain'],
		['v=spf1 ip4:192.0.2.300 -all', 'ip4:192.0.2.300', 'network'],
		['v=spf1 ip4:192.0.2.0/33 -all', 'ip4:192.0.2.0/33', 'cidr'],
		['v=spf1 ip6:2001:db8::/129', 'ip6:2001:db8::/129', 'cidr'],
		['v=spf1 a:example.com/024', 'a:example.com/024', 'cidr'],
		['v=spf1 foo:bar -all', 'foo:bar', 'mechanism'],
		['v=spf1 allx', 'allx', 'mechanism'],
		['v=spf1 exists:%{z}.example.com', 'exists:%{z}.example.com', 'macro'],
		['v=spf1 redirect=a.example.com redirect=b.example.com', 'redirect=b.example.com', 'duplicate'],
		['v=spf1 <script>alert(1)</script>', '<script>alert(1)</script>', 'mechanism'],
		['v=spf1 include:mx.ovh.com\u0007 -all', 'include:mx.ovh.com\u0007', 'character'],
	])('finds the malformed term in %j', (record, term, reason) => {
		expect(parseSpfRecord(record)).toEqual({ ok: false, term, reason });
	});

	it('refuses a record that is not SPF version 1', () => {
		expect(parseSpfRecord('v=spf10 -all')).toMatchObject({ ok: false, reason: 'version' });
		expect(parseSpfRecord('spf2.0/pra -all')).toMatchObject({ ok: false, reason: 'version' });
	});
});

describe('parseIPv6', () => {
	it('reads compressed and IPv4-suffixed forms', () => {
		expect(parseIPv6('::1')).toBe(1n);
		expect(parseIPv6('2001:db8::cb01')).toBe(BigInt('0x20010db8' + '0'.repeat(20) + 'cb01'));
		expect(parseIPv6('::ffff:192.0.2.1')).toBe(0xffffc0000201n);
		expect(parseIPv6('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
	});
	it('refuses malformed forms', () => {
		for (const bad of ['1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', 'g::1', '1:2:3:4:5:6:7']) {
			expect(parseIPv6(bad), bad).toBeUndefined();
		}
	});
});
