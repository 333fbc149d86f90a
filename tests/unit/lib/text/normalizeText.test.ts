import { describe, expect, it } from 'vitest';
import { diceSimilarity, normalizeText } from '../../../../src/lib/text/normalizeText';

describe('normalizeText', () => {
	it('folds case, accents and punctuation', () => {
		expect(normalizeText('  L’Authentification   au WEBMAIL a échoué ! ')).toBe(
			'lauthentification au webmail a echoue'
		);
	});

	it('treats straight and curly apostrophes alike', () => {
		expect(normalizeText("l'account")).toBe(normalizeText('l’account'));
	});

	it('keeps digits', () => {
		expect(normalizeText('mx0.mail.ovh.net')).toBe('mx0 mail ovh net');
	});
});

describe('diceSimilarity', () => {
	it('is 1 for equal strings and 0 for strings with no common pair', () => {
		expect(diceSimilarity('abc', 'abc')).toBe(1);
		expect(diceSimilarity('abc', 'xyz')).toBe(0);
	});

	it('stays high for a single typo', () => {
		expect(
			diceSimilarity('the domain mx record is not valid', 'the domian mx record is not valid')
		).toBeGreaterThan(0.85);
	});
});
