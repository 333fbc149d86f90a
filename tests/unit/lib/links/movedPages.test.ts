import { describe, expect, it } from 'vitest';
import {
	GUIDE_SLUGS,
	movedPages,
	movedTarget,
	redirectsFile,
} from '../../../../src/lib/links/movedPages';

const site = [
	'/en/',
	'/fr/',
	'/it/',
	'/en/404/',
	'/fr/404/',
	'/it/404/',
	'/en/diagnostic/',
	'/fr/diagnostic/',
	'/it/diagnostic/',
	'/en/dns/',
	'/fr/dns/',
	'/it/dns/',
];

describe('movedPages', () => {
	it('keeps the old English guide’s slug leading to the English diagnostic page', () => {
		const moved = movedPages(site).find(
			(m) => m.from === '/en/exchange_diagnostic_what_to_do_if_you_encounter_an_error/'
		);
		expect(moved && movedTarget(moved, 'en')).toBe('/en/diagnostic/');
	});

	it('offers each page without its language prefix, picking the language later', () => {
		const unprefixed = movedPages(site).filter((m) => m.to.includes('{lang}'));
		expect(unprefixed.map((m) => m.from)).toEqual(['/diagnostic/', '/dns/']);
		expect(movedTarget(unprefixed[0]!, 'it')).toBe('/it/diagnostic/');
	});

	it('skips an old guide slug whose new page does not exist yet', () => {
		expect(movedPages(site).some((m) => m.to === '/fr/troubleshooting/')).toBe(false);
		expect(
			movedPages([
				...site,
				'/en/troubleshooting/',
				'/fr/troubleshooting/',
				'/it/troubleshooting/',
			]).some((m) => m.to === '/fr/troubleshooting/')
		).toBe(true);
	});

	it('does not offer an unprefixed address for a page one language lacks', () => {
		expect(movedPages([...site, '/en/ndr/', '/fr/ndr/']).some((m) => m.from === '/ndr/')).toBe(
			false
		);
	});

	it('never moves the home page or the page-not-found page', () => {
		expect(movedPages(site).map((m) => m.from)).not.toContain('/');
		expect(movedPages(site).map((m) => m.from)).not.toContain('/404/');
	});

	it('names a reason for every guide slug and keeps them under their own language', () => {
		for (const m of GUIDE_SLUGS) {
			expect(m.why.length).toBeGreaterThan(10);
			expect(m.from.split('/')[1]).toBe(m.to.split('/')[1]);
		}
	});
});

describe('redirectsFile', () => {
	const file = redirectsFile(movedPages(site));
	it('sends the old guide slug, with and without its trailing slash, with a 301', () => {
		expect(file).toContain(
			'/fr/diagnostic-exchange-que-faire-en-cas-derreur/ /fr/diagnostic/ 301\n'
		);
		expect(file).toContain(
			'/fr/diagnostic-exchange-que-faire-en-cas-derreur /fr/diagnostic/ 301\n'
		);
	});

	it('serves each language’s page-not-found for misses under its prefix', () => {
		expect(file).toContain('/it/* /it/404/ 404\n');
		expect(file.indexOf('/it/* /it/404/ 404')).toBeGreaterThan(file.indexOf('301'));
	});

	it('leaves unprefixed pages to their forwarding page', () => {
		expect(file).not.toMatch(/^\/diagnostic\//m);
	});
});
