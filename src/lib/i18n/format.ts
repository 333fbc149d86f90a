/**
 * UI strings in the page's language: placeholders, plurals, numbers, dates and sizes, through
 * `Intl` with the page's formatting locale (src/lib/i18n/locales.ts `intl`), never the browser's.
 */
import { intlLocale } from './locales';

export type FormatValues = Record<string, string | number>;

/**
 * Intl's formatters, made once per locale and options: building one costs far more than using
 * it (a report of 500 hops built 1,500 date formatters, about half of its time on the page).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(
	key: string,
	make: () => T
): T {
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) {
		formatter = make();
		formatters.set(key, formatter);
	}
	return formatter;
}

/** `new Intl.NumberFormat(locale, options)`, made once for each locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
	return cached(
		`number|${locale}|${JSON.stringify(options)}`,
		() => new Intl.NumberFormat(locale, options)
	);
}

function pluralRules(intl: string) {
	return cached(`plural|${intl}`, () => new Intl.PluralRules(intl));
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
	return cached(
		`date|${locale}|${JSON.stringify(options)}`,
		() => new Intl.DateTimeFormat(locale, options)
	);
}

/**
 * Fills the placeholders of a UI string:
 * - `{name}`: the value; a number is written the page's way (`12 345` in French);
 * - `{name, plural, one {# error} other {# errors}}`: the branch `Intl.PluralRules` picks for
 *   the number (`=0 {…}` for an exact value first), `#` standing for the number: the subset of
 *   ICU MessageFormat that a string needs to read naturally in English, French and Italian.
 * Unknown placeholders stay visible, so a missing value shows instead of vanishing.
 */
export function format(template: string, values: FormatValues, locale?: string): string {
	const intl = intlLocale(locale);
	let out = '';
	let i = 0;
	while (i < template.length) {
		const open = template.indexOf('{', i);
		if (open < 0) break;
		out += template.slice(i, open);
		const close = matchingBrace(template, open);
		if (close < 0) {
			out += template.slice(open);
			return out;
		}
		out += fillPlaceholder(
			template.slice(open + 1, close),
			template.slice(open, close + 1),
			values,
			intl
		);
		i = close + 1;
	}
	return out + template.slice(i);
}

/** The index of the `}` that closes the `{` at `open`, counting nested braces; -1 if none. */
function matchingBrace(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '{') depth++;
		else if (text[i] === '}' && --depth === 0) return i;
	}
	return -1;
}

const SIMPLE = /^\s*(\w+)\s*$/;
const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/;

function fillPlaceholder(inner: string, whole: string, values: FormatValues, intl: string): string {
	const simple = SIMPLE.exec(inner);
	if (simple) {
		const name = simple[1]!;
		if (!Object.hasOwn(values, name)) return whole;
		return formatValue(values[name]!, intl);
	}
	const plural = PLURAL.exec(inner);
	if (!plural || !Object.hasOwn(values, plural[1]!)) return whole;
	const count = Number(values[plural[1]!]);
	const branches = pluralBranches(plural[2]!);
	const exact = branches.get(`=${count}`);
	const chosen = exact ?? branches.get(pluralRules(intl).select(count)) ?? branches.get('other');
	if (chosen === undefined) return whole;
	const number = formatValue(count, intl);
	// `#` is the number; the branch may itself hold other placeholders.
	return format(chosen.replace(/#/g, number), values, intl);
}

/** `one {# error} other {# errors}` -> Map { one => '# error', other => '# errors' }. */
function pluralBranches(text: string): Map<string, string> {
	const branches = new Map<string, string>();
	let i = 0;
	while (i < text.length) {
		const open = text.indexOf('{', i);
		if (open < 0) break;
		const selector = text.slice(i, open).trim();
		const close = matchingBrace(text, open);
		if (close < 0 || !selector) break;
		branches.set(selector, text.slice(open + 1, close));
		i = close + 1;
	}
	return branches;
}

function formatValue(value: string | number, intl: string): string {
	return typeof value === 'number' ? numberFormat(intl).format(value) : value;
}

/** "Label: " in English and Italian, "Label : " (no-break space) in French typography. */
export function labelPrefix(label: string, locale: string): string {
	return locale === 'fr' ? `${label}\u00a0: ` : `${label}: `;
}

/**
 * A moment for a report, with the month as a word and a 24-hour clock, so no reader takes
 * 12/1 for the 12th of January: `1 Dec 2026, 18:26:03 UTC` in English.
 */
export function formatDateTime(date: Date, locale: string, timeZone?: string): string {
	return dateAndTime(locale, timeZone).format(date);
}

function dateAndTime(locale: string, timeZone?: string) {
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'long',
		hourCycle: 'h23',
		...(timeZone ? { timeZone } : {}),
	});
}

/**
 * Makes the formatters `format` and `formatDateTime` use for the locale ahead of their first use,
 * so a page can pay for them while it waits on the network: the first Intl formatter of a page
 * loads Intl's data, 20 to 40 ms on a 2-core machine (bench/README.md).
 */
export function prepareFormatters(locale: string): void {
	const intl = intlLocale(locale);
	dateAndTime(locale);
	numberFormat(intl);
	pluralRules(intl);
}

/**
 * A calendar day given as ISO `YYYY-MM-DD` (a guide's "last updated"), with the month as a
 * word: `8 July 2022`, `8 juillet 2022`, `8 luglio 2022`. Read and written in UTC, so the day
 * never shifts with the reader's time zone.
 */
export function formatDay(isoDay: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${isoDay}T00:00:00Z`)
	);
}

/** A size in the page's language: `1.5 MB`, `1,5 Mo`. */
export function formatMegabytes(bytes: number, locale: string): string {
	return numberFormat(intlLocale(locale), {
		style: 'unit',
		unit: 'megabyte',
		maximumFractionDigits: 1,
	}).format(bytes / 1024 / 1024);
}
