import { describe, expect, it } from 'vitest';
import { BUILTIN_RESOLVERS, fallbackFor, parseResolver } from '../../../src/lib/dns/resolvers';

describe('parseResolver', () => {
	it('defaults to Cloudflare', () => {
		expect(parseResolver('')).toEqual({
			ok: true,
			resolver: { id: 'cloudflare', url: BUILTIN_RESOLVERS.cloudflare },
		});
		expect(parseResolver(null)).toMatchObject({ ok: true, resolver: { id: 'cloudflare' } });
	});

	it('knows the built-in names and their URLs', () => {
		expect(parseResolver('Google')).toMatchObject({ ok: true, resolver: { id: 'google' } });
		expect(parseResolver('https://dns.google/dns-query')).toMatchObject({
			ok: true,
			resolver: { id: 'google' },
		});
	});

	it('accepts any https URL as a custom resolver', () => {
		expect(parseResolver('https://doh.example.net/dns-query')).toEqual({
			ok: true,
			resolver: { id: 'custom', url: 'https://doh.example.net/dns-query' },
		});
	});

	it('accepts http only on the local machine', () => {
		expect(parseResolver('http://127.0.0.1:8053/dns-query')).toMatchObject({
			ok: true,
			resolver: { id: 'custom' },
		});
		expect(parseResolver('http://localhost:8053/dns-query')).toMatchObject({ ok: true });
		expect(parseResolver('http://doh.example.net/dns-query')).toEqual({
			ok: false,
			error: 'resolverInsecure',
		});
		expect(parseResolver('http://127.0.0.1.evil.example/dns-query')).toEqual({
			ok: false,
			error: 'resolverInsecure',
		});
	});

	it('refuses other schemes and non-URLs', () => {
		expect(parseResolver('javascript:alert(1)')).toEqual({ ok: false, error: 'resolverMalformed' });
		expect(parseResolver('ftp://x.example/')).toEqual({ ok: false, error: 'resolverMalformed' });
		expect(parseResolver('not a url')).toEqual({ ok: false, error: 'resolverMalformed' });
		expect(parseResolver('https://user:pw@doh.example/')).toEqual({
			ok: false,
			error: 'resolverMalformed',
		});
	});
});

describe('fallbackFor', () => {
	it('pairs Cloudflare and Google and never replaces a custom resolver by a public one', () => {
		expect(fallbackFor({ id: 'cloudflare', url: BUILTIN_RESOLVERS.cloudflare })?.id).toBe('google');
		expect(fallbackFor({ id: 'google', url: BUILTIN_RESOLVERS.google })?.id).toBe('cloudflare');
		expect(fallbackFor({ id: 'custom', url: 'https://doh.example.net/dns-query' })).toBeUndefined();
	});
});
