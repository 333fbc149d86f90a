import { describe, expect, it } from 'vitest';
import { checkMx } from '../../../src/lib/checks/checkMx';
import { isIpAddress } from '../../../src/lib/dns/normalizeDomain';
import { CURRENT, mx, mxResponse, provider, response } from '../helpers/dnsMessages';

const D = 'example.com';
const run = (exchanges: string[], extra: Partial<Parameters<typeof checkMx>[0]> = {}) =>
	checkMx({
		provider,
		offer: 'hosted',
		setup: 'exchange-only',
		response: mxResponse(D, exchanges),
		...extra,
	});

describe('checkMx, antispam setups (mx0..mx4)', () => {
	it('returns pass for the newest five hosts', () => {
		const verdict = run(CURRENT);
		expect(verdict.status).toBe('pass');
		expect(verdict.message.key).toBe('dns.mx.pass');
		expect(verdict.expected).toEqual(CURRENT);
		expect(verdict.found).toHaveLength(5);
		expect(verdict.found[0]).toMatchObject({
			text: '10 mx0.mail.ovh.net',
			ttl: 3600,
			judgement: 'ok',
		});
		expect(verdict.anchor).toBe('mx');
		expect(verdict.fix).toBeUndefined();
	});

	it('returns pass for any subset of the five that is not an older list', () => {
		expect(run(['mx2.mail.ovh.net', 'mx4.mail.ovh.net']).status).toBe('pass');
	});

	it('returns warn for the older single-host form (mx1 alone)', () => {
		const verdict = run(['mx1.mail.ovh.net']);
		expect(verdict.status).toBe('warn');
		expect(verdict.message.key).toBe('dns.mx.olderList');
		expect(verdict.fix?.params?.hosts).toBe(CURRENT.join(', '));
	});

	it('takes the older lists from the provider data, not from code', () => {
		// The same rules with another older list: mx2+mx3 now warns, mx1 alone now passes.
		const otherLegacy = structuredClone(provider);
		for (const rule of otherLegacy.setups)
			if (rule.mx.kind === 'hosts' && rule.offer === 'hosted')
				rule.mx.legacy = [
					{ hosts: ['mx2.mail.ovh.net', 'mx3.mail.ovh.net'], source: rule.mx.current.source },
				];
		const older = run(['mx3.mail.ovh.net', 'mx2.mail.ovh.net'], { provider: otherLegacy });
		expect(older.status).toBe('warn');
		expect(older.message.key).toBe('dns.mx.olderList');
		expect(run(['mx1.mail.ovh.net'], { provider: otherLegacy }).status).toBe('pass');
	});

	it('ignores letter case and trailing dots in the answers', () => {
		const verdict = checkMx({
			provider,
			offer: 'hosted',
			setup: 'exchange-only',
			response: response(
				D,
				'MX',
				CURRENT.map((h) => mx(D, `${h.toUpperCase()}.`))
			),
		});
		expect(verdict.status).toBe('pass');
	});

	it('returns fail when an MX points to another provider', () => {
		const verdict = run(['aspmx.l.google.com', 'alt1.aspmx.l.google.com']);
		expect(verdict.status).toBe('fail');
		expect(verdict.message.key).toBe('dns.mx.foreign');
		expect(verdict.message.params?.hosts).toBe('aspmx.l.google.com, alt1.aspmx.l.google.com');
		expect(verdict.fix?.key).toBe('dns.fix.mxForeign');
		expect(verdict.found.every((f) => f.judgement === 'wrong')).toBe(true);
	});

	it('returns fail (split delivery) when MX point partly elsewhere', () => {
		const verdict = run(['mx1.mail.ovh.net', 'mail.other-provider.example']);
		expect(verdict.status).toBe('fail');
		expect(verdict.message.key).toBe('dns.mx.split');
		expect(verdict.message.params).toMatchObject({
			hosts: 'mail.other-provider.example',
			good: 'mx1.mail.ovh.net',
		});
		expect(verdict.found.map((f) => f.judgement)).toEqual(['ok', 'wrong']);
	});

	it('returns fail when the antispam setup points straight at the Exchange server', () => {
		expect(run(['ex5.mail.ovh.net']).message.key).toBe('dns.mx.serverForAntispamSetup');
	});

	it('returns fail, said plainly, when there is no MX', () => {
		const verdict = run([]);
		expect(verdict).toMatchObject({ status: 'fail', message: { key: 'dns.mx.none' }, found: [] });
	});

	it('returns fail when the domain does not exist (NXDOMAIN)', () => {
		const verdict = checkMx({
			provider,
			offer: 'hosted',
			setup: 'exchange-only',
			response: mxResponse('nope.example', [], 'NXDOMAIN'),
		});
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.mx.nxdomain' },
			fix: { key: 'dns.fix.nxdomain' },
		});
	});

	it('returns fail for a null MX (RFC 7505)', () => {
		const verdict = checkMx({
			provider,
			offer: 'hosted',
			setup: 'exchange-only',
			response: response(D, 'MX', [mx(D, '.', 0)]),
		});
		expect(verdict.message.key).toBe('dns.mx.nullMx');
	});

	it('returns fail when an MX is a CNAME, naming where it points', () => {
		const verdict = run(['mail.example.com'], {
			aliases: { 'mail.example.com': 'mx1.mail.ovh.net.' },
		});
		expect(verdict.status).toBe('fail');
		expect(verdict.message).toEqual({
			key: 'dns.mx.cname',
			params: { hosts: 'mail.example.com', targets: 'mx1.mail.ovh.net' },
		});
	});

	it('reports an alias to another provider as another provider, not as an alias', () => {
		const verdict = run(['mail.example.com'], {
			aliases: { 'mail.example.com': 'aspmx.l.google.com' },
		});
		expect(verdict.message).toEqual({
			key: 'dns.mx.foreign',
			params: { hosts: 'mail.example.com' },
		});
	});

	it('returns fail when an MX is an IP literal', () => {
		const verdict = run(['192.0.2.25']);
		expect(verdict.status).toBe('fail');
		expect(verdict.message.key).toBe('dns.mx.ipLiteral');
		expect(isIpAddress('[192.0.2.25]')).toBe(true);
		expect(isIpAddress('mx1.mail.ovh.net')).toBe(false);
	});
});

describe('checkMx, server setups (MX = the Exchange server)', () => {
	const external = { offer: 'hosted' as const, setup: 'external-popimap' as const };

	it('returns pass when the MX is the server given', () => {
		const verdict = run(['ex5.mail.ovh.net'], { ...external, server: 'EX5.mail.ovh.net.' });
		expect(verdict.status).toBe('pass');
		expect(verdict.expected).toEqual(['ex5.mail.ovh.net']);
	});

	it('returns fail when the MX is another Exchange server than the one given', () => {
		const verdict = run(['ex3.mail.ovh.net'], { ...external, server: 'ex5.mail.ovh.net' });
		expect(verdict.message.key).toBe('dns.mx.otherServer');
		expect(verdict.anchor).toBe('hostname');
	});

	it('returns warn for the older ex.mail.ovh.net form when the server was not given', () => {
		const verdict = run(['ex.mail.ovh.net'], external);
		expect(verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.mx.legacy' },
			anchor: 'hostname',
		});
	});

	it('returns fail for ex.mail.ovh.net or ex2.mail.ovh.net when the server given is another', () => {
		for (const host of ['ex.mail.ovh.net', 'ex2.mail.ovh.net']) {
			const verdict = run([host], { ...external, server: 'ex5.mail.ovh.net' });
			expect(verdict).toMatchObject({
				status: 'fail',
				message: {
					key: 'dns.mx.legacyNotServer',
					params: { hosts: host, server: 'ex5.mail.ovh.net' },
				},
				anchor: 'hostname',
			});
			expect(verdict.found[0]!.judgement).toBe('wrong');
		}
	});

	it('returns warn and asks for the server name when an exN host cannot be verified', () => {
		const verdict = run(['ex5.mail.ovh.net'], external);
		expect(verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.mx.serverUnverified' },
			anchor: 'hostname',
		});
		expect(verdict.expected).toEqual(['exN.mail.ovh.net']);
	});

	it('returns fail when the antispam hosts are used with POP/IMAP mailboxes elsewhere', () => {
		expect(run(CURRENT, external).message.key).toBe('dns.mx.antispamForServerSetup');
	});

	it('returns pass for a Private server without antispam when its certificate name is given', () => {
		const verdict = run(['mail.corp.example'], {
			offer: 'private',
			setup: 'ovh-popimap',
			server: 'mail.corp.example',
		});
		expect(verdict.status).toBe('pass');
	});
});

describe('checkMx, setup not given', () => {
	it('infers an antispam setup from the provider hosts and says so', () => {
		const verdict = checkMx({ provider, offer: 'hosted', response: mxResponse(D, CURRENT) });
		expect(verdict).toMatchObject({ status: 'pass', setup: 'exchange-only', setupInferred: true });
		expect(verdict.notes).toContainEqual({
			key: 'dns.note.setupInferred.hosts',
			params: { setup: 'exchange-only' },
		});
	});

	it('infers POP/IMAP elsewhere from an MX on the Exchange server', () => {
		const verdict = checkMx({
			provider,
			offer: 'hosted',
			server: 'ex5.mail.ovh.net',
			response: mxResponse(D, ['ex5.mail.ovh.net']),
		});
		expect(verdict).toMatchObject({
			status: 'pass',
			setup: 'external-popimap',
			setupInferred: true,
		});
	});

	it('still reports split delivery when provider hosts are mixed with others', () => {
		const verdict = checkMx({
			provider,
			offer: 'hosted',
			response: mxResponse(D, ['mx0.mail.ovh.net', 'mx.other.example']),
		});
		expect(verdict).toMatchObject({
			status: 'fail',
			setup: 'exchange-only',
			message: { key: 'dns.mx.split' },
		});
	});

	it('assumes the most common setup when nothing matches, and says it is a guess', () => {
		const verdict = checkMx({
			provider,
			offer: 'hosted',
			response: mxResponse(D, ['mx.other.example']),
		});
		expect(verdict.notes).toContainEqual({
			key: 'dns.note.setupInferred.none',
			params: { setup: 'exchange-only' },
		});
		expect(verdict.status).toBe('fail');
	});
});
