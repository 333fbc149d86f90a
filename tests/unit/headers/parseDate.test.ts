/** RFC 5322 §3.3 dates and the obsolete forms of §4.3; expected instants worked out by hand. */
import { describe, expect, it } from 'vitest';
import { parseMailDate, toIsoSeconds } from '../../../src/lib/headers/parseDate';

const iso = (text: string) => {
	const date = parseMailDate(text);
	return date && toIsoSeconds(date.epochMs);
};

describe('parseMailDate', () => {
	it.each([
		// [written, UTC instant]
		['Tue, 1 Dec 2026 10:00:00 +0000', '2026-12-01T10:00:00Z'],
		['Tue, 01 Dec 2026 11:30:15 +0130', '2026-12-01T10:00:15Z'],
		['Mon, 30 Nov 2026 23:59:59 -0800', '2026-12-01T07:59:59Z'],
		['1 Dec 2026 10:00:00 -0000', '2026-12-01T10:00:00Z'], // qmail: no day of week
		['Tue, 1 Dec 2026 10:00 +0100', '2026-12-01T09:00:00Z'], // no seconds
		['Tue,  1 Dec 2026   10:00:00   +0100 (CET)', '2026-12-01T09:00:00Z'], // spaces, comment
		['tue, 1 dec 2026 10:00:00 +0100', '2026-12-01T09:00:00Z'], // lower case
		['Tue, 1 Dec 26 10:00:00 +0000', '2026-12-01T10:00:00Z'], // two-digit year 00-49 -> 20xx
		['Wed, 1 Dec 99 10:00:00 +0000', '1999-12-01T10:00:00Z'], // 50-99 -> 19xx
		['1 Dec 126 10:00:00 +0000', '2026-12-01T10:00:00Z'], // three digits: + 1900
		['Tue, 1 Dec 2026 10:00:00 GMT', '2026-12-01T10:00:00Z'],
		['Tue, 1 Dec 2026 10:00:00 UT', '2026-12-01T10:00:00Z'],
		['Tue, 1 Dec 2026 05:00:00 EST', '2026-12-01T10:00:00Z'], // -5
		['Tue, 1 Dec 2026 06:00:00 EDT', '2026-12-01T10:00:00Z'], // -4
		['Tue, 1 Dec 2026 04:00:00 CST', '2026-12-01T10:00:00Z'], // -6
		['Tue, 1 Dec 2026 05:00:00 CDT', '2026-12-01T10:00:00Z'], // -5
		['Tue, 1 Dec 2026 03:00:00 MST', '2026-12-01T10:00:00Z'], // -7
		['Tue, 1 Dec 2026 04:00:00 MDT', '2026-12-01T10:00:00Z'], // -6
		['Tue, 1 Dec 2026 02:00:00 PST', '2026-12-01T10:00:00Z'], // -8
		['Tue, 1 Dec 2026 03:00:00 PDT', '2026-12-01T10:00:00Z'], // -7
		['Tue, 1 Dec 2026 10:00:00 A', '2026-12-01T10:00:00Z'], // military: read as -0000
		['Tue, 1 Dec 2026 10:00:00 Z', '2026-12-01T10:00:00Z'],
		['Tue, 1 Dec 2026 10:00:00 CET', '2026-12-01T10:00:00Z'], // unknown letters: -0000
		['Tue, 1 (first) Dec 2026 (still) 10:00:00 (UTC) +0000', '2026-12-01T10:00:00Z'],
		['Tue, 1 Dec 2026 10:00:00 (a (nested) comment) +0200', '2026-12-01T08:00:00Z'],
		['Tue Dec  1 10:00:00 2026', '2026-12-01T10:00:00Z'], // asctime, no zone
		['Tuesday, 1 December 2026 10:00:00 +0000', '2026-12-01T10:00:00Z'],
		['Tue, 1 Dec 2026 10:00:00.123456 +0000', '2026-12-01T10:00:00Z'],
		['Tue, 1 Dec 2026 10:00:00 +01:00', '2026-12-01T09:00:00Z'],
		['Thu, 31 Dec 2026 23:30:00 -0100', '2027-01-01T00:30:00Z'], // crosses the year
		['Mon, 29 Feb 2028 12:00:00 +0000', '2028-02-29T12:00:00Z'], // leap day
	])('reads %j as %s', (written, expected) => {
		expect(iso(written)).toBe(expected);
	});

	it('tells how the zone was given', () => {
		expect(parseMailDate('1 Dec 2026 10:00:00 +0100')?.zone).toBe('numeric');
		expect(parseMailDate('1 Dec 2026 10:00:00 EST')?.zone).toBe('named');
		expect(parseMailDate('1 Dec 2026 10:00:00 J')?.zone).toBe('unknown');
		expect(parseMailDate('1 Dec 2026 10:00:00')?.zone).toBe('missing');
	});

	it.each([
		'',
		'not a date',
		'Tue, 1 Dec 2026', // no time
		'Tue, 1 2026 10:00:00 +0000', // no month
		'Tue, 31 Nov 2026 10:00:00 +0000', // 31 November
		'Sun, 29 Feb 2026 10:00:00 +0000', // not a leap year
		'Tue, 1 Dec 2026 24:00:00 +0000',
		'Tue, 1 Dec 2026 10:60:00 +0000',
		'Tue, 1 Dec 1899 10:00:00 +0000', // RFC 5322: 1900 or later
		'Tue, 0 Dec 2026 10:00:00 +0000',
	])('refuses %j', (written) => {
		expect(parseMailDate(written)).toBeUndefined();
	});
});
