import { describe, expect, it } from 'vitest';
import codes from '../../../src/content/ndr/codes.json';
import en from '../../../src/content/ndr/text/en.json';
import fr from '../../../src/content/ndr/text/fr.json';
import it_ from '../../../src/content/ndr/text/it.json';
import { ndrCodesFileSchema, ndrTextSchema, NDR_LANGUAGES } from '../../../src/schemas/ndr';

const texts = { en, fr, it: it_ } as Record<string, { codes: Record<string, unknown> }>;

describe('ndr collections', () => {
	it('codes.json matches its schema', () => {
		const result = ndrCodesFileSchema.safeParse(codes);
		expect(result.error?.issues ?? []).toEqual([]);
	});

	it.each(NDR_LANGUAGES)('the %s text file matches its schema', (lang) => {
		const result = ndrTextSchema.safeParse(texts[lang]);
		expect(result.error?.issues ?? []).toEqual([]);
	});

	it('every code has a source and a text in every language, and no text is left without a code', () => {
		for (const [code, entry] of Object.entries(codes)) {
			expect(entry.sources.length, `${code} has no source`).toBeGreaterThan(0);
			for (const lang of NDR_LANGUAGES)
				expect(texts[lang].codes[code], `${code} has no ${lang} text`).toBeDefined();
		}
		for (const lang of NDR_LANGUAGES) {
			expect(
				Object.keys(texts[lang].codes).filter((code) => !(code in codes)),
				`${lang}: text for unknown codes`
			).toEqual([]);
		}
	});

	it('covers every code of the delivery status tables of guide 003', () => {
		const guide = [
			'4.3.1',
			'4.3.2',
			'4.4.1',
			'4.4.2',
			'4.4.7',
			'5.1.0',
			'5.1.1',
			'5.2.2',
			'5.2.3',
			'5.4.4',
			'5.5.3',
		];
		for (const code of guide) {
			const entry = (codes as Record<string, { sources: { kind: string }[] }>)[code];
			expect(
				entry?.sources.map((s) => s.kind),
				code
			).toContain('guide-003');
		}
	});

	it('covers the SPF, DKIM, DMARC-related and later registry codes with the RFC that added them', () => {
		const byCode = codes as Record<string, { sources: { kind: string; rfc?: string }[] }>;
		expect(byCode['5.7.23'].sources[0]).toMatchObject({ kind: 'iana', rfc: 'RFC 7372' });
		expect(byCode['5.7.27'].sources[0]).toMatchObject({ kind: 'iana', rfc: 'RFC 7505' });
		expect(byCode['5.7.30'].sources[0]).toMatchObject({ kind: 'iana', rfc: 'RFC 8689' });
		expect(byCode['5.7.8'].sources[0]).toMatchObject({ kind: 'iana', rfc: 'RFC 4954' });
	});

	it('rejects an entry without a source or with a malformed code, with a message that says how to fix it', () => {
		const bad = ndrCodesFileSchema.safeParse({
			'5.1.1': { sources: [] },
			'5.01.1': { sources: [{ kind: 'rfc3463', name: 'x y z' }] },
		});
		const messages = bad.error!.issues.map((i) => i.message).join('\n');
		expect(messages).toMatch(/needs a source/);
		expect(messages).toMatch(/class\.subject\.detail/);
	});
});
