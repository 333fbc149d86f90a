/** RFC 7208 §7.4's macro examples, expansions as the RFC prints them. */
import { describe, expect, it } from 'vitest';
import {
	expandMacroString,
	tokenizeMacroString,
	truncateDomain,
} from '../../../../src/lib/checks/spf/expandMacro';
import { macroForm, parseIp } from '../../../../src/lib/checks/spf/ipAddress';

const values = (ip: string) => {
	const address = parseIp(ip)!;
	return {
		sender: 'strong-bad@email.example.com',
		domain: 'email.example.com',
		ip: macroForm(address),
		ipVersion: address.version === 4 ? ('in-addr' as const) : ('ip6' as const),
	};
};

describe('RFC 7208 §7.4 macro examples', () => {
	const v4 = values('192.0.2.3');
	const table: Array<[string, string]> = [
		['%{s}', 'strong-bad@email.example.com'],
		['%{o}', 'email.example.com'],
		['%{d}', 'email.example.com'],
		['%{d4}', 'email.example.com'],
		['%{d3}', 'email.example.com'],
		['%{d2}', 'example.com'],
		['%{d1}', 'com'],
		['%{dr}', 'com.example.email'],
		['%{d2r}', 'example.email'],
		['%{l}', 'strong-bad'],
		['%{l-}', 'strong.bad'],
		['%{lr}', 'strong-bad'],
		['%{lr-}', 'bad.strong'],
		['%{l1r-}', 'strong'],
		['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
		['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
		['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
		['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
		['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
	];
	for (const [macro, expansion] of table) {
		it(`expands ${macro} to ${expansion}`, () => {
			expect(expandMacroString(macro, v4)).toBe(expansion);
		});
	}

	it('expands the IPv6 example to nibbles', () => {
		expect(expandMacroString('%{ir}.%{v}._spf.%{d2}', values('2001:db8::cb01'))).toBe(
			'1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com'
		);
	});

	it('expands the escapes %%, %_ and %- and URL-escapes upper-case letters', () => {
		expect(expandMacroString('a%%b%_c%-d', v4, true)).toBe('a%b c%20d');
		expect(expandMacroString('%{S}', { ...v4, sender: 'a b@example.com' })).toBe(
			'a%20b%40example.com'
		);
	});
});

describe('macro syntax', () => {
	it('refuses unknown letters, a zero digit, a lone percent and an unclosed macro', () => {
		expect(tokenizeMacroString('%{x}')).toEqual({ error: 'letter' });
		expect(tokenizeMacroString('%{d0}')).toEqual({ error: 'digits' });
		expect(tokenizeMacroString('50%off')).toEqual({ error: 'percent' });
		expect(tokenizeMacroString('%{d')).toEqual({ error: 'unclosed' });
		// c, r, t only in explanations (§7.2)
		expect(tokenizeMacroString('%{c}')).toEqual({ error: 'letter' });
		expect('tokens' in tokenizeMacroString('%{c}', { explanation: true })).toBe(true);
	});

	it('truncates an expanded name over 253 characters from the left (§7.3)', () => {
		const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`;
		const truncated = truncateDomain(long);
		expect(truncated.length).toBeLessThanOrEqual(253);
		expect(truncated).toBe(`${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`);
	});
});
