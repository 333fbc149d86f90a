import { describe, expect, it } from 'vitest';
import { format, labelPrefix } from '../../../../src/lib/i18n/format';
import { localizePath } from '../../../../src/lib/i18n/localizePath';
import { negotiateLocale } from '../../../../src/lib/i18n/negotiateLocale';

describe('negotiateLocale', () => {
	it('picks the first preferred language the site has', () => {
		expect(negotiateLocale(['de-DE', 'it-IT', 'fr'])).toBe('it');
		expect(negotiateLocale(['fr-CA'])).toBe('fr');
	});

	it('falls back to English', () => {
		expect(negotiateLocale(['de', 'es'])).toBe('en');
		expect(negotiateLocale([])).toBe('en');
	});
});

describe('localizePath', () => {
	it('swaps the language segment and keeps the rest', () => {
		expect(localizePath('/en/diagnostic/', 'fr')).toBe('/fr/diagnostic/');
		expect(localizePath('/it/', 'en')).toBe('/en/');
	});

	it('adds a language to a path without one', () => {
		expect(localizePath('/diagnostic/', 'it')).toBe('/it/diagnostic/');
	});
});

describe('format', () => {
	it('fills placeholders and leaves unknown ones visible', () => {
		expect(format('{found} of {total} {x}', { found: 2, total: 3 })).toBe('2 of 3 {x}');
	});
});

describe('labelPrefix', () => {
	it('puts a no-break space before the colon in French only', () => {
		expect(labelPrefix('Source', 'fr')).toBe('Source\u00a0: ');
		expect(labelPrefix('Fonte', 'it')).toBe('Fonte: ');
	});
});
