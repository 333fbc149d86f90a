import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingTranslations } from '../../../../src/lib/i18n/findMissingTranslations';
import { CONTENT, LOCALE_CODES } from '../../helpers';

describe('findMissingTranslations', () => {
	it('names a page that one language lacks, and where it exists', () => {
		expect(
			findMissingTranslations({ en: ['index', 'ndr'], fr: ['index', 'ndr'], it: ['index'] })
		).toEqual([{ locale: 'it', slug: 'ndr', from: ['en', 'fr'] }]);
	});

	it('finds a page that only a non-default language has', () => {
		expect(findMissingTranslations({ en: [], fr: ['dns'] }).map((m) => m.locale)).toEqual(['en']);
	});

	it('finds nothing when every language has every page', () => {
		expect(findMissingTranslations({ en: ['a', 'b/c'], fr: ['b/c', 'a'] })).toEqual([]);
	});

	it('finds nothing missing in the site’s own pages', () => {
		const slugs = Object.fromEntries(
			LOCALE_CODES.map((locale) => [
				locale,
				readdirSync(join(CONTENT, 'docs', locale), { recursive: true })
					.map(String)
					.filter((f) => /\.mdx?$/.test(f))
					.map((f) => f.replace(/\.mdx?$/, '')),
			])
		);
		expect(findMissingTranslations(slugs)).toEqual([]);
	});
});
