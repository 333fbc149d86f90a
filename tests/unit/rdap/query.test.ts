import { describe, expect, it } from 'vitest';
import { parseRdapBase, rdapDomainUrl } from '../../../src/lib/rdap/query';

describe('parseRdapBase (the rdap parameter)', () => {
	it('is empty when the bootstrap registry is to be used', () => {
		expect(parseRdapBase('')).toEqual({ ok: true, base: undefined });
		expect(parseRdapBase(null)).toEqual({ ok: true, base: undefined });
	});

	it('takes https anywhere and http on this machine only, with a closing slash', () => {
		expect(parseRdapBase('https://rdap.nic.fr')).toEqual({
			ok: true,
			base: 'https://rdap.nic.fr/',
		});
		expect(parseRdapBase(' https://rdap.example/rdap#x ')).toEqual({
			ok: true,
			base: 'https://rdap.example/rdap/',
		});
		expect(parseRdapBase('http://127.0.0.1:8080/')).toEqual({
			ok: true,
			base: 'http://127.0.0.1:8080/',
		});
		expect(parseRdapBase('http://localhost:9/r/')).toEqual({
			ok: true,
			base: 'http://localhost:9/r/',
		});
		expect(parseRdapBase('http://rdap.nic.fr/')).toEqual({ ok: false, error: 'rdapInsecure' });
	});

	it('refuses what is no base URL', () => {
		for (const input of [
			'rdap.nic.fr',
			'javascript:alert(1)',
			'ftp://rdap.example/',
			'https://user:pw@rdap.example/',
			'https://rdap.example/?q=1',
			`https://${'a'.repeat(2050)}.example/`,
		])
			expect(parseRdapBase(input)).toEqual({ ok: false, error: 'rdapMalformed' });
	});
});

describe('rdapDomainUrl (RFC 9082 §3.1.3)', () => {
	it('appends domain/{A-label} to the base', () => {
		expect(rdapDomainUrl('https://rdap.verisign.com/com/v1/', 'Example.COM.')).toBe(
			'https://rdap.verisign.com/com/v1/domain/example.com'
		);
		expect(rdapDomainUrl('https://rdap.nic.fr', 'xn--bcher-kva.fr')).toBe(
			'https://rdap.nic.fr/domain/xn--bcher-kva.fr'
		);
	});
});
