import { describe, expect, it } from 'vitest';
import { checkLinks, normalizePagePath } from '../../../scripts/linkcheck/checkLinks.mjs';

const page = (ids: string[], links: { href: string; crossLanguageAllowed?: boolean }[]) => ({
	ids: new Set(ids),
	links,
});

describe('checkLinks', () => {
	const site = () =>
		new Map([
			['/en/diagnostic/', page(['mx', 'srv'], [{ href: '#mx' }, { href: '/en/dns/#mx-records' }])],
			[
				'/en/dns/',
				page(['mx-records'], [{ href: '/en/diagnostic/#srv' }, { href: 'https://example.com/x' }]),
			],
			['/fr/dns/', page(['mx-records'], [{ href: '/en/dns/', crossLanguageAllowed: true }])],
		]);

	it('passes a site whose links all resolve', () => {
		expect(checkLinks(site())).toEqual([]);
	});

	it('reports a missing page, a missing anchor and a link to another language', () => {
		const pages = site();
		pages.get('/en/diagnostic/')!.links.push({ href: '/en/nowhere/' }, { href: '#gone' });
		pages.get('/fr/dns/')!.links.push({ href: '/en/diagnostic/' });
		expect(checkLinks(pages)).toEqual([
			{ page: '/en/diagnostic/', href: '/en/nowhere/', problem: 'missing-page' },
			{ page: '/en/diagnostic/', href: '#gone', problem: 'missing-anchor' },
			{ page: '/fr/dns/', href: '/en/diagnostic/', problem: 'wrong-language' },
		]);
	});

	it('accepts links to other built files', () => {
		const pages = new Map([['/en/', page([], [{ href: '/favicon.svg' }])]]);
		expect(checkLinks(pages, new Set(['/favicon.svg']))).toEqual([]);
		expect(checkLinks(pages)).toHaveLength(1);
	});

	it('normalizes page paths', () => {
		expect(normalizePagePath('/en/dns/index.html')).toBe('/en/dns/');
		expect(normalizePagePath('/en/dns')).toBe('/en/dns/');
		expect(normalizePagePath('/404.html')).toBe('/404/');
	});
});
