import { describe, expect, it } from 'vitest';
import { UI_KEYS, uiStringsSchema } from '../../../src/schemas/ui';
import { LOCALE_CODES, uiStrings } from '../helpers';

describe('UI strings', () => {
	for (const locale of LOCALE_CODES) {
		it(`${locale} has exactly the declared keys, each non-empty`, () => {
			const strings = uiStrings(locale);
			expect(Object.keys(strings).sort()).toEqual([...UI_KEYS].sort());
			expect(uiStringsSchema.safeParse(strings).success).toBe(true);
		});

		it(`${locale} keeps every {placeholder} of the English string`, () => {
			const en = uiStrings('en');
			const strings = uiStrings(locale);
			for (const key of UI_KEYS) {
				const placeholders = (text: string) =>
					[...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
				expect(placeholders(strings[key]), key).toEqual(placeholders(en[key]));
			}
		});
	}

	it('declares no key twice', () => {
		expect(new Set(UI_KEYS).size).toBe(UI_KEYS.length);
	});

	it('rejects a language file with a missing or an extra key', () => {
		const en = uiStrings('en');
		const { ['copy.done']: _dropped, ...missing } = en;
		expect(uiStringsSchema.safeParse(missing).error!.issues[0].path).toEqual(['copy.done']);
		expect(uiStringsSchema.safeParse({ ...en, 'copy.extra': 'x' }).success).toBe(false);
	});
});
