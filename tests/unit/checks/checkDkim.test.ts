import { describe, expect, it } from 'vitest';
import { checkDkim, dkimKey, parseDkimParam } from '../../../src/lib/checks/checkDkim';
import { cname, provider, txt } from '../helpers/dnsMessages';
import { fakeZone } from '../helpers/fakeZone';

const D = 'example.com';
const S1 = 'ovhex123456-selector1';
const S2 = 'ovhex123456-selector2';
const owner = (s: string) => `${s}._domainkey.${D}`;
const target = (s: string) => `${s}._domainkey.1500.ab.dkim.mail.ovh.net`;
const KEY = 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC';

/** The CNAME and the key at its target, as a zone publishes them. */
const published = (s: string, key = KEY) => [cname(owner(s), target(s)), txt(target(s), key)];

function run(
	records: Parameters<typeof fakeZone>[0],
	selectors?: string[],
	options?: Parameters<typeof fakeZone>[1]
) {
	const zone = fakeZone(records, options);
	// Rounds as the runner does them: the fake zone answers every question asked.
	const result = checkDkim({ provider, domain: D, selectors, lookup: zone.lookup });
	if (result.state !== 'done') throw new Error(`pending: ${JSON.stringify(result.questions)}`);
	return { verdict: result.verdict, asked: zone.asked };
}

describe('parseDkimParam', () => {
	it('expands the platform prefix to both selectors', () => {
		expect(parseDkimParam(provider, 'ovhex123456')).toEqual({ ok: true, selectors: [S1, S2] });
	});
	it('takes one selector as it is, also copied as s= or as the whole name', () => {
		expect(parseDkimParam(provider, ' OVHEX123456-Selector2 ')).toEqual({
			ok: true,
			selectors: [S2],
		});
		expect(parseDkimParam(provider, 's=ovhex123456-selector1;')).toEqual({
			ok: true,
			selectors: [S1],
		});
		expect(parseDkimParam(provider, `${S1}._domainkey.example.com`)).toEqual({
			ok: true,
			selectors: [S1],
		});
		expect(parseDkimParam(provider, 'google')).toEqual({ ok: true, selectors: ['google'] });
	});
	it('refuses empty, too long and malformed values with the reason', () => {
		expect(parseDkimParam(provider, '  ')).toMatchObject({ ok: false, reason: 'empty' });
		expect(parseDkimParam(provider, 'a'.repeat(300))).toMatchObject({
			ok: false,
			reason: 'tooLong',
		});
		for (const bad of ['<script>', 'ovhex 123', 'sel_ector', '-sel', 'a..b', 'é']) {
			expect(parseDkimParam(provider, bad), bad).toMatchObject({ ok: false, reason: 'malformed' });
		}
	});
});

describe('dkimKey', () => {
	it('reads p= with spaces and finds an empty one', () => {
		expect(dkimKey('v=DKIM1; p=MIGf MA0G ; k=rsa')).toBe('MIGfMA0G');
		expect(dkimKey('v=DKIM1; k=rsa; p=')).toBe('');
		expect(dkimKey('v=DKIM1; k=rsa')).toBeUndefined();
	});
});

describe('checkDkim', () => {
	it('skips without a selector, saying where to find one', () => {
		const { verdict, asked } = run([]);
		expect(verdict).toMatchObject({
			status: 'skip',
			message: { key: 'dns.dkim.skip' },
			fix: { key: 'dns.fix.dkimSelector' },
		});
		expect(asked).toEqual([]);
	});

	it('passes both selectors pointing under dkim.mail.ovh.net with a key', () => {
		const { verdict } = run([...published(S1), ...published(S2)], [S1, S2]);
		expect(verdict).toMatchObject({ status: 'pass', message: { key: 'dns.dkim.pass' } });
		expect(verdict.expected).toEqual([
			`${owner(S1)}. IN CNAME ${S1}._domainkey.<…>.dkim.mail.ovh.net.`,
			`${owner(S2)}. IN CNAME ${S2}._domainkey.<…>.dkim.mail.ovh.net.`,
		]);
	});

	it('follows the CNAME itself when the resolver does not', () => {
		const { asked } = run([...published(S1)], [S1]);
		expect(asked).toEqual([`TXT ${owner(S1)}`, `TXT ${target(S1)}`]);
	});

	it('warns with one of the two selectors (no key to rotate to)', () => {
		const { verdict } = run([...published(S1)], [S1, S2]);
		expect(verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.dkim.oneOfTwo', params: { good: S1, selector: S2 } },
		});
		expect(verdict.notes).toEqual([expect.objectContaining({ key: 'dns.dkim.missing' })]);
	});

	it('judges the one selector given', () => {
		expect(run([...published(S2)], [S2]).verdict).toMatchObject({
			status: 'pass',
			message: { key: 'dns.dkim.passOne' },
		});
		expect(run([...published(S2)], [S1]).verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.dkim.missing' },
		});
	});

	it('fails a revoked key (empty p=)', () => {
		const { verdict } = run(published(S1, 'v=DKIM1; k=rsa; p='), [S1]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.dkim.revoked' },
			fix: { key: 'dns.fix.dkimRevoked' },
		});
	});

	it('fails a CNAME elsewhere, a key published directly, and a target without a key', () => {
		expect(
			run([cname(owner(S1), 'dkim.other.example.net'), txt('dkim.other.example.net', KEY)], [S1])
				.verdict
		).toMatchObject({
			status: 'fail',
			message: { key: 'dns.dkim.elsewhere', params: { target: 'dkim.other.example.net' } },
		});
		expect(run([txt(owner(S1), KEY)], [S1]).verdict.message.key).toBe('dns.dkim.notCname');
		expect(
			run([cname(owner(S1), target(S1)), txt(target(S1), 'hello')], [S1]).verdict.message.key
		).toBe('dns.dkim.noKey');
	});

	it('stops at a CNAME loop, whether the resolver serves the aliases or answers SERVFAIL', () => {
		const loop = [cname(owner(S1), target(S1)), cname(target(S1), owner(S1))];
		const served = run(loop, [S1]);
		expect(served.verdict).toMatchObject({ status: 'fail', message: { key: 'dns.dkim.loop' } });
		expect(served.asked.length).toBeLessThan(5);
		const servfail = run(loop, [S1], { failing: [`TXT ${owner(S1)}`] });
		expect(servfail.verdict).toMatchObject({ status: 'fail', message: { key: 'dns.dkim.loop' } });
	});

	it('shows hostile key text escaped', () => {
		const { verdict } = run(published(S1, 'v=DKIM1; p=<img src=x onerror=alert(1)>\u001b'), [S1]);
		expect(verdict.found.map((f) => f.text)).toContain(
			`${target(S1)} TXT v=DKIM1; p=<img src=x onerror=alert(1)>\\x1b`
		);
	});

	it('gives error when the resolver fails otherwise', () => {
		const zone = fakeZone([], { failing: [`TXT ${owner(S1)}`, `CNAME ${owner(S1)}`] });
		expect(checkDkim({ provider, domain: D, selectors: [S1], lookup: zone.lookup })).toMatchObject({
			state: 'done',
			verdict: { status: 'error' },
		});
	});
});
