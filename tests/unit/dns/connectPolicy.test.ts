/** Source expressions from CSP Level 3 §6.7.2, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { connectAllowed } from '../../../src/lib/dns/connectPolicy';

const page = 'https://help.example.org';
const allowed = (policy: string | undefined, url: string, origin = page) =>
	connectAllowed(policy, url, origin);

describe('connectAllowed', () => {
	it("'self' is the page's own origin only", () => {
		const policy = "default-src 'none'; connect-src 'self'";
		expect(allowed(policy, 'https://help.example.org/pagefind/x.pf_meta')).toBe(true);
		expect(allowed(policy, 'https://cloudflare-dns.com/dns-query?dns=AA')).toBe(false);
		expect(allowed(policy, 'https://help.example.org:8443/x')).toBe(false);
	});

	it('https: allows any https origin, not http', () => {
		const policy = "connect-src 'self' https:";
		expect(allowed(policy, 'https://doh.example.net/dns-query')).toBe(true);
		expect(allowed(policy, 'http://127.0.0.1:8053/dns-query')).toBe(false);
	});

	it('host sources with port wildcards, as the test variant adds them', () => {
		const policy = "connect-src 'self' https: http://127.0.0.1:* http://localhost:*";
		expect(allowed(policy, 'http://127.0.0.1:8053/dns-query')).toBe(true);
		expect(allowed(policy, 'http://localhost:9/x')).toBe(true);
		expect(allowed(policy, 'http://192.0.2.1:80/x')).toBe(false);
	});

	it('host sources: default port, wildcard subdomains, paths', () => {
		expect(allowed('connect-src https://dns.google', 'https://dns.google/dns-query')).toBe(true);
		expect(allowed('connect-src https://dns.google', 'https://dns.google:444/dns-query')).toBe(
			false
		);
		expect(allowed('connect-src https://*.example.net', 'https://a.b.example.net/')).toBe(true);
		expect(allowed('connect-src https://*.example.net', 'https://example.net/')).toBe(false);
		expect(allowed('connect-src https://x.test/dns/', 'https://x.test/dns/query')).toBe(true);
		expect(allowed('connect-src https://x.test/dns', 'https://x.test/dns-query')).toBe(false);
	});

	it("falls back to default-src, and 'none' allows nothing", () => {
		expect(allowed("default-src 'none'", 'https://help.example.org/x')).toBe(false);
		expect(allowed("default-src 'self'", 'https://help.example.org/x')).toBe(true);
		expect(allowed("script-src 'self'", 'https://anywhere.test/')).toBe(true);
		expect(allowed(undefined, 'https://anywhere.test/')).toBe(true);
	});

	it('a page on http may reach its own host over https', () => {
		expect(allowed("connect-src 'self'", 'https://127.0.0.1/x', 'http://127.0.0.1')).toBe(true);
		expect(allowed("connect-src 'self'", 'http://127.0.0.1:81/x', 'http://127.0.0.1')).toBe(false);
	});
});
