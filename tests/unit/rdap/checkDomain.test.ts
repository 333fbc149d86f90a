import { describe, expect, it } from 'vitest';
import { checkDomain } from '../../../src/lib/checks/checkDomain';
import type { RdapAnswer } from '../../../src/lib/rdap/lookupRdap';
import { parseRdapDomain } from '../../../src/lib/rdap/parseRdap';
import { comAnswer, frAnswer } from './documents';

const NOW = new Date('2026-12-01T12:00:00Z');
const url = 'https://rdap.example/domain/example.com';

/** The lookup's answer for a JSON document, as lookupRdap builds it. */
function answerFor(json: unknown, tld = 'com'): RdapAnswer {
	const parsed = parseRdapDomain(json);
	if (!parsed.ok) throw new Error('test document does not parse');
	return {
		kind: 'rdap',
		ok: true,
		domain: `example.${tld}`,
		tld,
		base: 'https://rdap.example/',
		url,
		override: false,
		record: parsed.domain,
		fetchedAt: NOW,
		elapsedMs: 10,
	};
}

function failed(
	failure: Extract<RdapAnswer, { ok: false }>['failure'],
	detail?: string
): RdapAnswer {
	return {
		kind: 'rdap',
		ok: false,
		domain: 'example.com',
		tld: 'com',
		override: false,
		failure,
		...(detail ? { detail } : {}),
		elapsedMs: 5,
	};
}

const withStatus = (status: string[], expiration = '2027-08-14T18:02:11Z') => ({
	objectClassName: 'domain',
	ldhName: 'example.com',
	status,
	events: [{ eventAction: 'expiration', eventDate: expiration }],
});

describe('checkDomain: registered domains', () => {
	it('passes a domain far from expiry, with the day, the days left and the registrar', () => {
		const verdict = checkDomain(answerFor(comAnswer), NOW);
		// 2026-12-01T12:00Z to 2027-08-14T18:02Z: 30 (rest of Dec) + 31+28+31+30+31+30+31 + 13 = 256 days and 6 h.
		expect(verdict.status).toBe('pass');
		expect(verdict.message).toEqual({
			key: 'dns.domain.pass',
			params: { date: '2027-08-14', days: 256 },
		});
		expect(verdict.fix).toBeUndefined();
		expect(verdict.notes).toEqual([
			{ key: 'dns.domain.registrar', params: { registrar: 'Example Registrar, Inc.' } },
			{ key: 'dns.domain.fact.registered', params: { date: '2011-08-14' } },
			{ key: 'dns.domain.fact.lastChanged', params: { date: '2026-07-15' } },
			{
				key: 'dns.domain.fact.statuses',
				params: {
					statuses:
						'client delete prohibited, client transfer prohibited, client update prohibited',
				},
			},
		]);
		expect(verdict.registration).toMatchObject({
			expires: '2027-08-14',
			daysLeft: 256,
			registered: '2011-08-14',
			lastChanged: '2026-07-15',
			blocking: [],
			registrar: { name: 'Example Registrar, Inc.', ianaId: '1000' },
			source: url,
			whereToCheck: 'https://www.iana.org/domains/root/db/com.html',
		});
	});

	it('warns when the domain expires within 30 days', () => {
		const verdict = checkDomain(answerFor(frAnswer, 'fr'), NOW);
		// 2026-12-20T10:00:05Z is 18 days and 22 hours after NOW: the 20th is 19 calendar days after the 1st.
		expect(verdict.status).toBe('warn');
		expect(verdict.message).toEqual({
			key: 'dns.domain.expiring',
			params: { date: '2026-12-20', days: 19 },
		});
		expect(verdict.fix).toEqual({ key: 'dns.domain.fix.renew' });
		expect(verdict.registration.registrar?.url).toBe('https://www.registraire.example/');
	});

	it('puts the 30-day limit where DESIGN.md does', () => {
		expect(checkDomain(answerFor(withStatus(['active'], '2026-12-31T12:00:00Z')), NOW).status).toBe(
			'warn'
		);
		expect(checkDomain(answerFor(withStatus(['active'], '2026-12-31T12:00:01Z')), NOW).status).toBe(
			'pass'
		);
		// Later the same day: less than a day left, still a warning.
		const today = checkDomain(answerFor(withStatus(['active'], '2026-12-01T20:00:00Z')), NOW);
		expect(today.message).toEqual({
			key: 'dns.domain.expiring',
			params: { date: '2026-12-01', days: 0 },
		});
	});

	it('fails an expired domain, even one the registry still lists as active', () => {
		const verdict = checkDomain(
			answerFor(withStatus(['active', 'auto renew period'], '2026-11-26T12:00:00Z')),
			NOW
		);
		expect(verdict.status).toBe('fail');
		expect(verdict.message).toEqual({
			key: 'dns.domain.expired',
			params: { date: '2026-11-26', days: 0 },
		});
		expect(verdict.fix).toEqual({ key: 'dns.domain.fix.expired' });
		expect(verdict.registration.daysLeft).toBe(-5);
		expect(checkDomain(answerFor(withStatus(['active'], '2026-12-01T12:00:00Z')), NOW).status).toBe(
			'fail'
		);
	});

	it('passes an active domain whose registry does not publish the expiry, saying so', () => {
		const verdict = checkDomain(
			answerFor({ objectClassName: 'domain', ldhName: 'example.com', status: ['active'] }),
			NOW
		);
		expect(verdict.status).toBe('pass');
		expect(verdict.message).toEqual({ key: 'dns.domain.passNoExpiry' });
		expect(verdict.notes).toEqual([
			{ key: 'dns.domain.fact.statuses', params: { statuses: 'active' } },
			{
				key: 'dns.domain.noExpiry',
				params: { tld: 'com', iana: 'https://www.iana.org/domains/root/db/com.html' },
			},
		]);
	});
});

describe('checkDomain: statuses that stop mail', () => {
	const cases: Array<[string[], string[], string]> = [
		[['client hold'], ['clientHold'], 'clientHold'],
		[['serverHold'], ['serverHold'], 'serverHold'],
		[['redemption period'], ['redemptionPeriod'], 'redemptionPeriod'],
		[['pending delete'], ['pendingDelete'], 'pendingDelete'],
		[['inactive'], ['inactive'], 'inactive'],
		// Several: each explained, the fix of the most final one first.
		[
			['client hold', 'redemption period', 'client transfer prohibited'],
			['redemptionPeriod', 'clientHold'],
			'redemptionPeriod',
		],
	];
	for (const [statuses, blocking, fix] of cases) {
		it(`fails on ${statuses.join(', ')}`, () => {
			const verdict = checkDomain(answerFor(withStatus(statuses)), NOW);
			expect(verdict.status).toBe('fail');
			expect(verdict.registration.blocking).toEqual(blocking);
			expect(verdict.fix).toEqual({ key: `dns.domain.fix.${fix}` });
			expect(
				verdict.notes.map((n) => n.key).filter((k) => k.startsWith('dns.domain.status.'))
			).toEqual(blocking.map((b) => `dns.domain.status.${b}`));
		});
	}

	it('names the statuses in RFC 8056 words', () => {
		const verdict = checkDomain(answerFor(withStatus(['clientHold', 'serverHold'])), NOW);
		expect(verdict.message).toEqual({
			key: 'dns.domain.blocked',
			params: { statuses: 'server hold, client hold' },
		});
	});

	it('fails on a blocking status even when the dates do not parse', () => {
		const verdict = checkDomain(answerFor(withStatus(['server hold'], 'next year')), NOW);
		expect(verdict.status).toBe('fail');
	});

	it('does not take prohibitions or an ordinary renewal for a block', () => {
		const verdict = checkDomain(
			answerFor(
				withStatus(['client transfer prohibited', 'server delete prohibited', 'renew period', 'ok'])
			),
			NOW
		);
		expect(verdict.status).toBe('pass');
	});
});

describe('checkDomain: could not check', () => {
	it('says an expiry date that does not parse could not be read, with where to look instead', () => {
		const verdict = checkDomain(answerFor(withStatus(['active'], '31/12/2027')), NOW);
		expect(verdict.status).toBe('error');
		expect(verdict.message).toEqual({
			key: 'dns.domain.error.badDate',
			params: { raw: '31/12/2027' },
		});
		expect(verdict.fix).toEqual({
			key: 'dns.domain.fix.elsewhere',
			params: { tld: 'com', iana: 'https://www.iana.org/domains/root/db/com.html' },
		});
	});

	it('makes every failed lookup an error, never a misconfiguration', () => {
		for (const failure of [
			'noService',
			'insecureService',
			'timeout',
			'network',
			'http',
			'insecureRedirect',
			'notJson',
			'tooLarge',
			'incomplete',
			'aborted',
		] as const) {
			const verdict = checkDomain(failed(failure, failure === 'http' ? '500' : undefined), NOW);
			expect(verdict.status).toBe('error');
			expect(verdict.message.key).toBe(`dns.domain.error.${failure}`);
			expect(verdict.fix?.key).toBe('dns.domain.fix.elsewhere');
		}
		expect(checkDomain(failed('http', '503'), NOW).message.params).toMatchObject({ detail: '503' });
	});

	it('says a 404 may mean the domain is not registered, still as could not check', () => {
		const verdict = checkDomain(failed('notFound', '404'), NOW);
		expect(verdict.status).toBe('error');
		expect(verdict.fix?.key).toBe('dns.domain.fix.notFound');
	});
});
