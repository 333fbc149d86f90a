import { describe, expect, test } from 'vitest';
import { withoutRepeatedSiteTitle } from '../../../../src/lib/seo/documentTitle';

const head = (title: string) => [
	{ tag: 'meta', attrs: { charset: 'utf-8' } },
	{ tag: 'title', content: title },
	{ tag: 'meta', attrs: { property: 'og:title', content: 'kept' } },
];

describe('withoutRepeatedSiteTitle', () => {
	test('a page titled like the site is titled with the site name once', () => {
		const out = withoutRepeatedSiteTitle(
			head('Aide messagerie Exchange | Aide messagerie Exchange'),
			'Aide messagerie Exchange',
			'Aide messagerie Exchange'
		);
		expect(out.find((e) => e.tag === 'title')?.content).toBe('Aide messagerie Exchange');
		expect(out).toHaveLength(3);
		expect(out[2]).toEqual({ tag: 'meta', attrs: { property: 'og:title', content: 'kept' } });
	});

	test('other pages keep "page | site"', () => {
		const out = withoutRepeatedSiteTitle(
			head('MX and SRV records | Exchange mail help'),
			'MX and SRV records',
			'Exchange mail help'
		);
		expect(out.find((e) => e.tag === 'title')?.content).toBe(
			'MX and SRV records | Exchange mail help'
		);
	});
});
