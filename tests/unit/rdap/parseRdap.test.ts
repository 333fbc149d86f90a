import { describe, expect, it } from 'vitest';
import { normaliseStatus, parseRdapDate, parseRdapDomain } from '../../../src/lib/rdap/parseRdap';
import { comAnswer, frAnswer } from './documents';

describe('parseRdapDomain (RFC 9083 §5.3)', () => {
	it('reads the events, statuses and registrar of a gTLD answer', () => {
		expect(parseRdapDomain(comAnswer)).toEqual({
			ok: true,
			domain: {
				name: 'example-shop.com',
				statuses: [
					'client delete prohibited',
					'client transfer prohibited',
					'client update prohibited',
				],
				expiration: {
					raw: '2027-08-14T18:02:11Z',
					date: new Date(Date.UTC(2027, 7, 14, 18, 2, 11)),
				},
				registration: {
					raw: '2011-08-14T18:02:11Z',
					date: new Date(Date.UTC(2011, 7, 14, 18, 2, 11)),
				},
				lastChanged: {
					raw: '2026-07-15T09:20:33Z',
					date: new Date(Date.UTC(2026, 6, 15, 9, 20, 33)),
				},
				registrar: { name: 'Example Registrar, Inc.', ianaId: '1000' },
			},
		});
	});

	it('finds the registrar among other entities, and a site written as a bare host name', () => {
		const parsed = parseRdapDomain(frAnswer);
		expect(parsed.ok && parsed.domain.registrar).toEqual({
			name: 'Registraire Exemple',
			url: 'https://www.registraire.example/',
		});
		// 11:00:05 at +01:00 is 10:00:05 UTC.
		expect(parsed.ok && parsed.domain.expiration?.date?.toISOString()).toBe(
			'2026-12-20T10:00:05.000Z'
		);
	});

	it('keeps only http(s) links for the registrar', () => {
		const hostile = {
			...frAnswer,
			entities: [
				{
					roles: ['registrar'],
					vcardArray: [
						'vcard',
						[
							['fn', {}, 'text', 'Evil <b>Registrar</b>'],
							['url', {}, 'uri', 'javascript:alert(1)'],
						],
					],
					links: [{ rel: 'about', href: 'data:text/html,<script>1</script>' }],
				},
			],
		};
		const parsed = parseRdapDomain(hostile);
		// The name stays text (the page sets it with textContent); no link survives.
		expect(parsed.ok && parsed.domain.registrar).toEqual({ name: 'Evil <b>Registrar</b>' });
	});

	it('reads EPP-style status words as RFC 8056 writes them', () => {
		expect(normaliseStatus('clientHold')).toBe('client hold');
		expect(normaliseStatus('Server Hold')).toBe('server hold');
		expect(normaliseStatus('redemptionPeriod')).toBe('redemption period');
		expect(normaliseStatus('pending_delete')).toBe('pending delete');
		expect(normaliseStatus('inactive')).toBe('inactive');
	});

	it('says an answer is incomplete when it is no domain object or has nothing to judge', () => {
		for (const json of [
			null,
			'domain',
			[comAnswer],
			{},
			{ errorCode: 404, title: 'Not Found' },
			{ objectClassName: 'entity', ldhName: 'x.com', status: ['active'] },
			{ objectClassName: 'domain', ldhName: 'x.com' },
			{
				objectClassName: 'domain',
				ldhName: 'x.com',
				status: [],
				events: [{ eventAction: 'registration', eventDate: '2020-01-01T00:00:00Z' }],
			},
			{ objectClassName: 'domain', status: 'active' },
		])
			expect(parseRdapDomain(json)).toEqual({ ok: false, reason: 'incomplete' });
	});

	it('keeps an expiry date that does not parse as written, without a value', () => {
		const parsed = parseRdapDomain({
			objectClassName: 'domain',
			ldhName: 'x.com',
			status: ['active'],
			events: [{ eventAction: 'expiration', eventDate: '31/12/2027' }],
		});
		expect(parsed).toEqual({
			ok: true,
			domain: { name: 'x.com', statuses: ['active'], expiration: { raw: '31/12/2027' } },
		});
	});
});

describe('parseRdapDate (RFC 3339)', () => {
	it('reads date-times with Z or an offset, and fractions', () => {
		expect(parseRdapDate('2027-01-31T23:59:59Z')?.toISOString()).toBe('2027-01-31T23:59:59.000Z');
		expect(parseRdapDate('2027-01-31T23:59:59.5-02:00')?.toISOString()).toBe(
			'2027-02-01T01:59:59.500Z'
		);
		expect(parseRdapDate('2027-01-31')?.toISOString()).toBe('2027-01-31T00:00:00.000Z');
	});

	it('refuses what is not one, or a day the calendar does not have', () => {
		for (const raw of [
			'31/12/2027',
			'soon',
			'',
			'2027-13-01T00:00:00Z',
			'2026-02-29T00:00:00Z',
			'2027-01-01T25:00:00Z',
			'1735689600',
		])
			expect(parseRdapDate(raw)).toBeUndefined();
		// 2028 is a leap year.
		expect(parseRdapDate('2028-02-29T00:00:00Z')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
	});
});
