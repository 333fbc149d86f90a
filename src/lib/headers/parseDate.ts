/**
 * Reads an RFC 5322 date-time (§3.3) including the obsolete syntax servers still write (§4.3):
 * two- and three-digit years, named zones (UT, GMT, EST...), military and unknown alphabetic
 * zones (read as -0000), missing seconds or day of week, comments, extra white space, any case.
 * Tolerant beyond the grammar where real `Received` lines need it: asctime order
 * (`Tue Dec  1 10:00:00 2026`), full month and day names, `UTC`, `+01:00`, fractional seconds.
 */

export interface MailDate {
	/** Milliseconds since the epoch, UTC. */
	epochMs: number;
	/**
	 * How the zone was given: `numeric` (+hhmm), `named` (UT, GMT, EST... RFC 5322 §4.3),
	 * `unknown` (military or other letters: -0000 per §4.3), `missing` (none: read as UTC).
	 */
	zone: 'numeric' | 'named' | 'unknown' | 'missing';
}

/** Longer than any date; what follows is not read (keeps a hostile value cheap). */
const MAX_DATE_CHARS = 256;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december',
];
const DAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const FULL_DAYS = new Set([
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday',
]);

/** RFC 5322 §4.3 obs-zone, offsets in minutes; `utc` is not in the grammar but widely written. */
const NAMED_ZONES: Record<string, number> = {
	ut: 0,
	utc: 0,
	gmt: 0,
	est: -300,
	edt: -240,
	cst: -360,
	cdt: -300,
	mst: -420,
	mdt: -360,
	pst: -480,
	pdt: -420,
};

/** Removes comments (RFC 5322 §3.2.2: nested, with quoted-pairs) in one pass. */
export function stripComments(text: string): string {
	let out = '';
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (depth > 0 && c === '\\') {
			i++;
		} else if (c === '(') {
			if (depth === 0) out += text.slice(start, i) + ' ';
			depth++;
		} else if (c === ')' && depth > 0) {
			depth--;
			if (depth === 0) start = i + 1;
		}
	}
	if (depth === 0) out += text.slice(start);
	return out;
}

function monthIndex(token: string): number {
	const short = MONTHS.indexOf(token);
	if (short !== -1) return short;
	if (token === 'sept') return 8;
	return FULL_MONTHS.indexOf(token);
}

const TIME = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,9})?)?([+-]\d{4})?$/;
const NUMERIC_ZONE = /^([+-])(\d{2}):?(\d{2})$/;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The date, or undefined when it lacks a day, month, year or time, or they are out of range. */
export function parseMailDate(input: string): MailDate | undefined {
	const text = stripComments(input.slice(0, MAX_DATE_CHARS)).toLowerCase().replace(/,/g, ' ');
	const tokens = text.split(/\s+/);
	let month = -1;
	const numbers: string[] = [];
	let time: RegExpExecArray | undefined;
	let offset: number | undefined;
	let zone: MailDate['zone'] = 'missing';
	for (const token of tokens) {
		if (!token) continue;
		if (/^\d{1,4}$/.test(token)) {
			numbers.push(token);
			continue;
		}
		const t = TIME.exec(token);
		if (t && !time) {
			time = t;
			if (t[4]) {
				const z = NUMERIC_ZONE.exec(t[4])!;
				offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
				zone = 'numeric';
			}
			continue;
		}
		const z = NUMERIC_ZONE.exec(token);
		if (z && offset === undefined) {
			offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
			zone = 'numeric';
			continue;
		}
		if (/^[a-z]+\.?$/.test(token)) {
			const word = token.endsWith('.') ? token.slice(0, -1) : token;
			if (DAYS.has(word) || FULL_DAYS.has(word)) continue;
			const m = monthIndex(word);
			if (m !== -1 && month === -1) {
				month = m;
				continue;
			}
			// A zone comes after the time; letters before it are noise (a stray word).
			if (time && offset === undefined) {
				if (word in NAMED_ZONES) {
					offset = NAMED_ZONES[word];
					zone = 'named';
				} else if (word.length <= 5) {
					// RFC 5322 §4.3: military and other alphabetic zones SHOULD be read as -0000.
					offset = 0;
					zone = word === 'z' ? 'named' : 'unknown';
				}
			}
		}
	}
	if (month === -1 || !time || numbers.length < 2) return undefined;
	let [dayText, yearText] = numbers as [string, string];
	if (dayText.length > 2 && yearText.length <= 2) [dayText, yearText] = [yearText, dayText];
	if (dayText.length > 2) return undefined;
	let year = Number(yearText);
	// RFC 5322 §4.3: 00-49 -> 2000-2049, 50-99 and three digits -> add 1900.
	if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
	else if (yearText.length === 3) year += 1900;
	const day = Number(dayText);
	const hour = Number(time[1]);
	const minute = Number(time[2]);
	const second = time[3] === undefined ? 0 : Number(time[3]);
	if (year < 1900 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 60) return undefined;
	const local = Date.UTC(year, month, day, hour, minute, second);
	return { epochMs: local - (offset ?? 0) * 60_000, zone };
}

/** ISO 8601 in UTC to the second: `2026-12-01T10:00:00Z`. */
export function toIsoSeconds(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
