import { describe, expect, it } from 'vitest';
import { localizeSocialMeta, type HeadEntry } from '../../../../src/lib/seo/socialMeta';

const starlightHead: HeadEntry[] = [
	{ tag: 'title', content: 'Erreurs | Aide' },
	{ tag: 'meta', attrs: { property: 'og:title', content: 'Erreurs' } },
	{ tag: 'meta', attrs: { property: 'og:locale', content: 'fr' } },
	{ tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
];
const meta = (head: HeadEntry[], key: string, value: string) =>
	head.filter((e) => e.tag === 'meta' && e.attrs?.[key] === value).map((e) => e.attrs?.content);

describe('localizeSocialMeta', () => {
	it('writes og:locale as language_TERRITORY', () => {
		expect(meta(localizeSocialMeta(starlightHead, 'fr'), 'property', 'og:locale')).toEqual([
			'fr_FR',
		]);
	});

	it('lists the other languages as og:locale:alternate, right after og:locale', () => {
		const head = localizeSocialMeta(starlightHead, 'fr');
		expect(meta(head, 'property', 'og:locale:alternate')).toEqual(['en_US', 'it_IT']);
		const at = head.findIndex((e) => e.attrs?.property === 'og:locale');
		expect(head[at + 1]?.attrs?.property).toBe('og:locale:alternate');
	});

	it('asks for a small card, since the site has no preview image', () => {
		expect(meta(localizeSocialMeta(starlightHead, 'it'), 'name', 'twitter:card')).toEqual([
			'summary',
		]);
	});

	it('keeps the title Starlight wrote', () => {
		expect(meta(localizeSocialMeta(starlightHead, 'en'), 'property', 'og:title')).toEqual([
			'Erreurs',
		]);
	});

	it('marks a page-not-found page noindex, and only that one', () => {
		expect(
			meta(localizeSocialMeta(starlightHead, 'en', { notFound: true }), 'name', 'robots')
		).toEqual(['noindex']);
		expect(meta(localizeSocialMeta(starlightHead, 'en'), 'name', 'robots')).toEqual([]);
	});

	it('does not add alternates twice when run twice', () => {
		const twice = localizeSocialMeta(localizeSocialMeta(starlightHead, 'en'), 'en');
		expect(meta(twice, 'property', 'og:locale:alternate')).toEqual(['fr_FR', 'it_IT']);
	});
});
