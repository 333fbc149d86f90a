/**
 * Typography and spelling conventions of each language (issue 18, point 11): French no-break
 * space (U+00A0) before `:` `;` `?` `!` and inside « », the typographic apostrophe ’ in every
 * language, British spelling in English. Checked over every text a reader sees: pages, errors,
 * UI strings, tree, status codes and the provider's localised texts. Left out: the diagnostic's
 * exact messages (quoted as the guides print them) and code spans (literal values).
 */
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/lib/i18n/locales';
import { LOCALE_CODES } from '../helpers';
import { jsonStrings, mdxFiles, mdxProse, readJson, withoutCode } from './contentFacts';

/** Every text of one language a reader sees, each with where it comes from. */
function textsOf(locale: Locale): { where: string; text: string }[] {
	const fromJson = (file: string, value: unknown, keep = (_path: string) => true) =>
		jsonStrings(value)
			.filter(({ path }) => keep(path))
			.map(({ path, text }) => ({ where: `${file} ${path}`, text: withoutCode(text) }));
	const provider = readJson('provider', 'provider.json');
	return [
		...mdxFiles(locale).flatMap((file) =>
			mdxProse(file).map((text) => ({ where: file.file, text }))
		),
		...fromJson(`i18n/${locale}.json`, readJson('i18n', `${locale}.json`)),
		...fromJson(`tree/text/${locale}.json`, readJson('tree', 'text', `${locale}.json`)),
		...fromJson(`ndr/text/${locale}.json`, readJson('ndr', 'text', `${locale}.json`)),
		...fromJson(`headers/${locale}.json`, readJson('headers', `${locale}.json`)),
		...fromJson('provider.json', provider, (path) =>
			new RegExp(`\\.${locale}(\\[\\d+\\])?$`).test(path)
		),
	];
}

/** The offending characters of a text, shown with a little context. */
function offences(text: string, pattern: RegExp): string[] {
	return [...text.matchAll(pattern)].map((m) =>
		text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 5)
	);
}

describe('French typography', () => {
	const texts = textsOf('fr');

	it('reads texts from every kind of content', () => {
		const kinds = ['docs/fr', 'errors/fr', 'i18n/fr.json', 'tree/text/fr.json', 'ndr/text/fr.json'];
		for (const kind of kinds)
			expect(
				texts.some((t) => t.where.includes(kind)),
				kind
			).toBe(true);
		expect(texts.some((t) => t.where.startsWith('provider.json'))).toBe(true);
	});

	it('puts a no-break space, never a plain or narrow one, before : ; ? !', () => {
		for (const { where, text } of texts) {
			expect(offences(text, /[ \u202f][:;?!]/g), where).toEqual([]);
			// A mark glued to the word before it, where French wants the space: not `http://`, nor a
			// header name quoted as printed (« Status: »).
			expect(offences(text, /[\p{L}\d)»][;?!]|[\p{L})»]:(?![/\d])(?!\u00a0»)/gu), where).toEqual(
				[]
			);
		}
	});

	it('puts a no-break space inside « »', () => {
		for (const { where, text } of texts)
			expect(offences(text, /«(?!\u00a0)|(?<!\u00a0)»/g), where).toEqual([]);
	});
});

describe('apostrophes', () => {
	for (const locale of LOCALE_CODES) {
		it(`${locale} uses the typographic apostrophe ’ only`, () => {
			for (const { where, text } of textsOf(locale))
				expect(offences(text, /\p{L}'\p{L}/gu), where).toEqual([]);
		});
	}
});

describe('English spelling', () => {
	// British spelling throughout, as OVHcloud's en-gb guides and the site's en-GB formatting.
	const american =
		/\b(?:organiz\w*|authoriz\w*|recogniz\w*|internationaliz\w*|normaliz\w*|analyz\w*|customiz\w*|prioritiz\w*|minimiz\w*|honor\w*|behavior\w*|color\w*|center|catalog|canceled|e-mails?)\b/gi;

	it('uses British spelling and writes “email” without a hyphen', () => {
		for (const { where, text } of textsOf('en'))
			expect(offences(text, american), where).toEqual([]);
	});
});
