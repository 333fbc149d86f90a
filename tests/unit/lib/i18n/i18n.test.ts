import { describe, expect, it } from 'vitest';
import {
	format,
	formatDateTime,
	formatDay,
	formatMegabytes,
	labelPrefix,
	prepareFormatters,
} from '../../../../src/lib/i18n/format';
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

	it('writes numbers the way the page language does', () => {
		expect(format('{size} characters', { size: 12345 }, 'en')).toBe('12,345 characters');
		// French groups thousands with a narrow no-break space (U+202F).
		expect(format('{size} caractères', { size: 12345 }, 'fr')).toBe('12\u202f345 caractères');
		expect(format('{size} caratteri', { size: 12345 }, 'it')).toBe('12.345 caratteri');
	});

	it('picks the plural form of the language, with # for the number', () => {
		const en = '{n, plural, one {# error} other {# errors}} recognised';
		expect(format(en, { n: 1 }, 'en')).toBe('1 error recognised');
		expect(format(en, { n: 0 }, 'en')).toBe('0 errors recognised');
		expect(format(en, { n: 2 }, 'en')).toBe('2 errors recognised');
		// French takes the singular for 0 and 1.
		const fr = '{n, plural, one {# erreur reconnue} other {# erreurs reconnues}}';
		expect(format(fr, { n: 0 }, 'fr')).toBe('0 erreur reconnue');
		expect(format(fr, { n: 1 }, 'fr')).toBe('1 erreur reconnue');
		expect(format(fr, { n: 3 }, 'fr')).toBe('3 erreurs reconnues');
		const it = '{n, plural, one {# riga non riconosciuta} other {# righe non riconosciute}}';
		expect(format(it, { n: 0 }, 'it')).toBe('0 righe non riconosciute');
		expect(format(it, { n: 1 }, 'it')).toBe('1 riga non riconosciuta');
	});

	it('prefers an exact =N branch and fills placeholders inside a branch', () => {
		const template = '{n, plural, =0 {no record} one {one record for {d}} other {# records}}';
		expect(format(template, { n: 0, d: 'a.example' }, 'en')).toBe('no record');
		expect(format(template, { n: 1, d: 'a.example' }, 'en')).toBe('one record for a.example');
		expect(format(template, { n: 1200, d: 'a.example' }, 'en')).toBe('1,200 records');
	});

	it('leaves a plural without its value, or an unclosed brace, visible', () => {
		expect(format('{n, plural, one {#} other {#}} left', {}, 'en')).toBe(
			'{n, plural, one {#} other {#}} left'
		);
		expect(format('broken {n', { n: 1 }, 'en')).toBe('broken {n');
	});
});

describe('formatDateTime', () => {
	const moment = new Date('2026-12-01T17:26:03Z');

	it('spells the month and uses a 24-hour clock in every language', () => {
		expect(formatDateTime(moment, 'en', 'UTC')).toBe('1 Dec 2026, 17:26:03 UTC');
		expect(formatDateTime(moment, 'fr', 'Europe/Paris')).toBe('1 déc. 2026, 18:26:03 UTC+1');
		expect(formatDateTime(moment, 'it', 'Europe/Rome')).toBe('1 dic 2026, 18:26:03 CET');
	});

	it('keeps one formatter per language and time zone, never the one made for another', () => {
		// The formatters are cached: asking again, in another order, must give the same answers.
		expect(formatDateTime(moment, 'en', 'Europe/Paris')).toBe('1 Dec 2026, 18:26:03 CET');
		expect(formatDateTime(moment, 'en', 'UTC')).toBe('1 Dec 2026, 17:26:03 UTC');
		expect(formatDateTime(moment, 'fr', 'UTC')).toBe('1 déc. 2026, 17:26:03 UTC');
		expect(formatDateTime(moment, 'fr', 'Europe/Paris')).toBe('1 déc. 2026, 18:26:03 UTC+1');
		expect(format('{n} hops', { n: 1234 }, 'en')).toBe('1,234 hops');
		expect(format('{n} sauts', { n: 1234 }, 'fr')).toBe('1\u202f234 sauts');
		expect(formatMegabytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
	});
});

describe('formatMegabytes', () => {
	it('writes a size in the page language', () => {
		expect(formatMegabytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
		expect(formatMegabytes(1.5 * 1024 * 1024, 'fr')).toBe('1,5\u202fMo');
		expect(formatMegabytes(10 * 1024 * 1024, 'it')).toBe('10 MB');
	});
});

describe('labelPrefix', () => {
	it('puts a no-break space before the colon in French only', () => {
		expect(labelPrefix('Source', 'fr')).toBe('Source\u00a0: ');
		expect(labelPrefix('Fonte', 'it')).toBe('Fonte: ');
	});
});

describe('formatDay', () => {
	it('writes a guide’s date with the month as a word, in the page’s language', () => {
		expect(formatDay('2022-07-08', 'en')).toBe('8 July 2022');
		expect(formatDay('2022-07-08', 'fr')).toBe('8 juillet 2022');
		expect(formatDay('2022-07-08', 'it')).toBe('8 luglio 2022');
	});
});

describe('prepareFormatters', () => {
	it('makes the formatters a report then uses, so its first date and number make none', () => {
		// Counts the formatters made, each constructor wrapped for the test only.
		const kinds = ['DateTimeFormat', 'NumberFormat', 'PluralRules'] as const;
		const real = kinds.map((kind) => Intl[kind]);
		const made = { DateTimeFormat: 0, NumberFormat: 0, PluralRules: 0 };
		kinds.forEach((kind, i) => {
			(Intl as Record<string, unknown>)[kind] = new Proxy(real[i]!, {
				construct(target, args) {
					made[kind]++;
					return Reflect.construct(target, args) as object;
				},
			});
		});
		try {
			// Swiss German, which no page and no other test asks for: none of its formatters exists yet.
			prepareFormatters('de-CH');
			expect(made).toEqual({ DateTimeFormat: 1, NumberFormat: 1, PluralRules: 1 });
			const line = format(
				'{n, plural, one {# Antwort} other {# Antworten}} um {time}',
				{ n: 1200, time: formatDateTime(new Date(Date.UTC(2026, 11, 1, 17, 26, 3)), 'de-CH') },
				'de-CH'
			);
			expect(line).toMatch(/^1['’]200 Antworten um 01\.12\.2026, \d\d:26:03/);
			expect(made).toEqual({ DateTimeFormat: 1, NumberFormat: 1, PluralRules: 1 });
		} finally {
			kinds.forEach((kind, i) => ((Intl as Record<string, unknown>)[kind] = real[i]));
		}
	});
});
