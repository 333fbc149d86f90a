/**
 * Adapter between the `ndrCodes` / `ndrText` / `ndrReasons` collections and the NDR components:
 * the codes in page order, each with its facts and its text in one language, and the words of
 * the bounce reasons in that language.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Locale } from '../../lib/i18n/locales';
import { compareStatusCodes } from '../../lib/ndr/parseStatusCode';
import type { NdrCode, NdrCodeText, NdrReasons, NdrText } from '../../schemas/ndr';

export interface LocalizedCode {
	code: string;
	facts: NdrCode;
	text: NdrCodeText;
}

export async function ndrForLocale(
	locale: Locale
): Promise<{ codes: LocalizedCode[]; text: NdrText; reasons: NdrReasons }> {
	const entry = await getEntry('ndrText', locale);
	if (!entry)
		throw new Error(`No NDR text for "${locale}": add src/content/ndr/text/${locale}.json`);
	const text = entry.data;
	const codes = (await getCollection('ndrCodes'))
		.map((c) => {
			const codeText = text.codes[c.id];
			if (!codeText)
				throw new Error(
					`Code ${c.id} has no ${locale} text in src/content/ndr/text/${locale}.json`
				);
			return { code: c.id, facts: c.data, text: codeText };
		})
		.sort((a, b) => compareStatusCodes(a.code, b.code));
	const reasons = (await getEntry('ndrReasons', locale))?.data;
	if (!reasons)
		throw new Error(
			`No bounce reasons for "${locale}": add src/content/ndr/reasons/${locale}.json`
		);
	return { codes, text, reasons };
}
