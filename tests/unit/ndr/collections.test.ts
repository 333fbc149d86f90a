import { describe, expect, it } from 'vitest';
import codes from '../../../src/content/ndr/codes.json';
import en from '../../../src/content/ndr/text/en.json';
import fr from '../../../src/content/ndr/text/fr.json';
import it_ from '../../../src/content/ndr/text/it.json';
import reasonsEn from '../../../src/content/ndr/reasons/en.json';
import reasonsFr from '../../../src/content/ndr/reasons/fr.json';
import reasonsIt from '../../../src/content/ndr/reasons/it.json';
import {
	ndrCodesFileSchema,
	ndrReasonsSchema,
	ndrTextSchema,
	NDR_LANGUAGES,
} from '../../../src/schemas/ndr';
import { REASON_IDS } from '../../../src/lib/ndr/reasons';

const reasonTexts = { en: reasonsEn, fr: reasonsFr, it: reasonsIt } as Record<
	string,
	{ reasons: Record<string, unknown> }
>;

const texts = { en, fr, it: it_ } as Record<string, { codes: Record<string, unknown> }>;

describe('ndr collections', () => {
	it('codes.json matches its schema', () => {
		const result = ndrCodesFileSchema.safeParse(codes);
		expect(result.error?.issues ?? []).toEqual([]);
	});

	// Issue 13: the codes receivers use for failed sender authentication (RFC 7372 §3.2, and
	// Microsoft's DMARC reject) point to the checks of the records to add or fix.
	it.each([
		['5.7.20', ['dkim']],
		['5.7.23', ['spf']],
		['5.7.26', ['spf', 'dkim', 'dmarc']],
		['5.7.509', ['dmarc', 'spf', 'dkim']],
	])('%s links to the checks %j', (code, checks) => {
		const entry = (codes as Record<string, { checks?: string[] }>)[code];
		expect(entry?.checks).toEqual(checks);
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

	it.each(NDR_LANGUAGES)('the %s reasons file matches its schema and has every reason', (lang) => {
		const result = ndrReasonsSchema.safeParse(reasonTexts[lang]);
		expect(result.error?.issues ?? []).toEqual([]);
		expect(Object.keys(reasonTexts[lang].reasons).sort()).toEqual([...REASON_IDS].sort());
	});

	it('rejects a reasons file that misses a reason, saying which', () => {
		const { userunknown: _, ...rest } = reasonsEn.reasons;
		const bad = ndrReasonsSchema.safeParse({ ...reasonsEn, reasons: rest });
		expect(bad.error!.issues.map((i) => i.message)).toContain(
			'Missing reason userunknown: add its text'
		);
	});

	it('gives Microsoft’s own meaning, in every language, only to registry codes Microsoft also uses', () => {
		const byCode = codes as Record<string, { sources: { kind: string }[] }>;
		const withMicrosoft = (lang: string) =>
			Object.entries(texts[lang].codes as Record<string, { microsoft?: unknown }>)
				.filter(([, t]) => t.microsoft)
				.map(([code]) => code)
				.sort();
		// The registry numbers Exchange and Exchange Online read otherwise (codes.json sources).
		expect(withMicrosoft('en')).toEqual(
			['5.1.0', '5.1.10', '5.1.8', '5.2.2', '5.4.1', '5.5.0', '5.7.12', '5.7.13'].sort()
		);
		for (const lang of NDR_LANGUAGES)
			expect(withMicrosoft(lang), lang).toEqual(withMicrosoft('en'));
		for (const code of withMicrosoft('en')) {
			const kinds = byCode[code].sources.map((s) => s.kind);
			expect(kinds, code).toContain('vendor-microsoft');
			expect(
				kinds.some((k) => k === 'rfc3463' || k === 'iana'),
				code
			).toBe(true);
		}
	});
});
