/**
 * A delay in whole seconds as a person reads it, in the page's language through Intl's units:
 * the largest unit and the next one when it is not zero (`2 mins 5 secs`, `1 hr`, `3 days 4 hr`
 * in British English; `2 min 5 s` in French). The sign is left to the sentence around it (a
 * negative delay is a clock difference, worded apart). Pure.
 */
import { numberFormat } from '../../lib/i18n/format';
import { intlLocale } from '../../lib/i18n/locales';

const UNITS = [
	['day', 86_400],
	['hour', 3_600],
	['minute', 60],
	['second', 1],
] as const;

export function formatDuration(seconds: number, locale: string): string {
	const unitText = (count: number, unit: string) =>
		numberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short' }).format(count);
	const total = Math.round(Math.abs(seconds));
	const largest = UNITS.findIndex(([, size]) => total >= size);
	if (largest === -1) return unitText(0, 'second');
	const [unit, size] = UNITS[largest]!;
	const parts = [unitText(Math.floor(total / size), unit)];
	// The next unit down, when there is one and it is not zero; smaller ones would be noise.
	const next = UNITS[largest + 1];
	if (next) {
		const count = Math.floor((total % size) / next[1]);
		if (count > 0) parts.push(unitText(count, next[0]));
	}
	return parts.join(' ');
}
