import { describe, expect, it } from 'vitest';
import { canonicalHost, normalizeDomain } from '../../../src/lib/dns/normalizeDomain';

const ok = (input: string) => {
	const result = normalizeDomain(input);
	if (!result.ok) throw new Error(`expected ok for ${input}, got ${result.error}`);
	return result.domain;
};
const error = (input: string) => {
	const result = normalizeDomain(input);
	return result.ok ? undefined : result.error;
};

describe('normalizeDomain', () => {
	it('lower-cases, trims and drops the trailing dot', () => {
		expect(ok('  Example.COM. ')).toEqual({
			ascii: 'example.com',
			unicode: 'example.com',
			isIdn: false,
		});
	});

	it('takes the domain of a pasted e-mail address', () => {
		expect(ok('jane@Example.org').ascii).toBe('example.org');
	});

	it('converts an international name to punycode and keeps both forms', () => {
		expect(ok('Café.fr')).toEqual({ ascii: 'xn--caf-dma.fr', unicode: 'café.fr', isIdn: true });
		expect(ok('bücher.example.test').ascii).toBe('xn--bcher-kva.example.test');
	});

	it('accepts a name already in punycode', () => {
		expect(ok('xn--caf-dma.fr').ascii).toBe('xn--caf-dma.fr');
	});

	it('refuses empty input', () => {
		expect(error('')).toBe('empty');
		expect(error('   ')).toBe('empty');
		expect(error('.')).toBe('empty');
	});

	it('refuses names that are too long', () => {
		expect(error(`${'a'.repeat(64)}.com`)).toBe('tooLong');
		expect(error(`${'abcdefghi.'.repeat(26)}com`)).toBe('tooLong');
		expect(error('a'.repeat(5000))).toBe('tooLong');
	});

	it('refuses malformed and non-domain input', () => {
		for (const input of [
			'https://example.com/',
			'exa mple.com',
			'example..com',
			'-bad.com',
			'bad-.com',
			'foo_bar.com',
			'<b>x</b>',
			'example.123',
		]) {
			expect(error(input), input).toBe('malformed');
		}
	});

	it('refuses IP addresses and single labels', () => {
		expect(error('192.0.2.1')).toBe('ipAddress');
		expect(error('[2001:db8::1]')).toBe('ipAddress');
		expect(error('localhost')).toBe('singleLabel');
	});
});

describe('canonicalHost', () => {
	it('compares host names without case and trailing dot', () => {
		expect(canonicalHost('MX1.Mail.OVH.net.')).toBe('mx1.mail.ovh.net');
	});
});
