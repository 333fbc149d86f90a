/** The per-page policies of _headers (DESIGN.md "Security policy per page"), on a small file. */
import { describe, expect, it } from 'vitest';
import {
	expandPagePolicies,
	headersFor,
	parseHeaders,
	policyKindOf,
} from '../../../scripts/lib/headers.mjs';

const SOURCE = `/*
  X-Frame-Options: DENY

# checks
$CSP:checks
  Content-Security-Policy: connect-src 'self' https:

$CSP:private
  Content-Security-Policy: connect-src 'self'
`;
const PAGES = [
	'/',
	'/404.html',
	'/en/',
	'/en/dns/',
	'/fr/troubleshooting/',
	'/en/diagnostic/',
	'/dns/',
];

describe('policyKindOf', () => {
	it('gives any https origin to the pages that run checks only', () => {
		expect(policyKindOf('/en/dns/')).toBe('checks');
		expect(policyKindOf('/it/troubleshooting/')).toBe('checks');
		for (const path of ['/en/diagnostic/', '/fr/ndr/', '/en/headers/', '/', '/dns/', '/en/404/'])
			expect(policyKindOf(path), path).toBe('private');
	});
});

describe('expandPagePolicies', () => {
	const rules = parseHeaders(expandPagePolicies(SOURCE, PAGES));
	const csp = (path: string) => headersFor(rules, path).get('content-security-policy');

	it('gives every page exactly one policy, never two joined', () => {
		for (const path of [...PAGES, '/en/dns/index.html', '/en/index.html']) {
			expect(csp(path), path).toBeDefined();
			expect(csp(path), path).not.toContain(',');
		}
		expect(csp('/en/dns/')).toBe("connect-src 'self' https:");
		expect(csp('/fr/troubleshooting/index.html')).toBe("connect-src 'self' https:");
		expect(csp('/en/diagnostic/')).toBe("connect-src 'self'");
		// An unprefixed forwarding page connects nowhere.
		expect(csp('/dns/')).toBe("connect-src 'self'");
		expect(csp('/_astro/bounceWorker.js')).toBe("connect-src 'self'");
	});

	it('keeps the other rules as they are', () => {
		expect(headersFor(rules, '/en/dns/').get('x-frame-options')).toBe('DENY');
	});

	it('refuses a page kind without a template', () => {
		expect(() => expandPagePolicies(SOURCE.replace(/\$CSP:checks[\s\S]*?\n\n/, ''), PAGES)).toThrow(
			/no \$CSP:checks rule/
		);
	});
});
