import { describe, expect, it } from 'vitest';
import { checkSrv, srvOwner } from '../../../src/lib/checks/checkSrv';
import { provider, response, srv } from '../helpers/dnsMessages';

const NAME = '_autodiscover._tcp.example.com';
const run = (
	records: ReturnType<typeof srv>[],
	extra: Partial<Parameters<typeof checkSrv>[0]> = {}
) =>
	checkSrv({
		provider,
		offer: 'hosted',
		server: 'ex5.mail.ovh.net',
		response: response(NAME, 'SRV', records),
		...extra,
	});

describe('checkSrv', () => {
	it('asks the owner name the provider data gives', () => {
		expect(srvOwner(provider, 'example.com')).toBe(NAME);
	});

	it('returns pass for 0 0 443 and the server given', () => {
		const verdict = run([srv(NAME, 'EX5.mail.ovh.net.')]);
		expect(verdict).toMatchObject({
			status: 'pass',
			message: { key: 'dns.srv.pass' },
			anchor: 'srv',
		});
		expect(verdict.expected).toEqual(['0 0 443 ex5.mail.ovh.net']);
		expect(verdict.found).toEqual([
			{ text: '0 0 443 ex5.mail.ovh.net', ttl: 3600, judgement: 'ok' },
		]);
	});

	it('returns fail when the record is missing (NXDOMAIN on the owner name)', () => {
		const verdict = checkSrv({
			provider,
			offer: 'hosted',
			response: response(NAME, 'SRV', [], 'NXDOMAIN'),
		});
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.srv.none' },
			fix: { key: 'dns.fix.srvCreate' },
		});
	});

	it('returns fail when the record is missing (no data)', () => {
		expect(run([]).message.key).toBe('dns.srv.none');
	});

	it('returns fail, about the domain, when the domain does not exist', () => {
		const verdict = checkSrv({
			provider,
			offer: 'hosted',
			response: response(NAME, 'SRV', [], 'NXDOMAIN'),
			domainMissing: true,
		});
		expect(verdict.message.key).toBe('dns.srv.nxdomain');
	});

	it('returns fail on a wrong port', () => {
		const verdict = run([srv(NAME, 'ex5.mail.ovh.net', { port: 80 })]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.srv.port', params: { port: 80 } },
		});
	});

	it('returns warn on a wrong priority or weight', () => {
		expect(run([srv(NAME, 'ex5.mail.ovh.net', { priority: 10 })])).toMatchObject({
			status: 'warn',
			message: { key: 'dns.srv.priorityWeight' },
		});
		expect(run([srv(NAME, 'ex5.mail.ovh.net', { weight: 5 })]).status).toBe('warn');
	});

	it('returns fail when the target is not the server given', () => {
		const verdict = run([srv(NAME, 'ex3.mail.ovh.net')]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.srv.targetNotServer', params: { target: 'ex3.mail.ovh.net' } },
			anchor: 'hostname',
		});
	});

	it('returns fail when the target is not an Exchange server at all', () => {
		const verdict = run([srv(NAME, 'autodiscover.other.example')], { server: undefined });
		expect(verdict.message.key).toBe('dns.srv.target');
	});

	it('returns warn for the older fixed targets when the server was not given', () => {
		expect(run([srv(NAME, 'ex2.mail.ovh.net')], { server: undefined })).toMatchObject({
			status: 'warn',
			message: { key: 'dns.srv.legacyTarget' },
			anchor: 'hostname',
		});
	});

	it('returns fail for the older fixed targets when the server given is another', () => {
		for (const target of ['ex.mail.ovh.net', 'ex2.mail.ovh.net']) {
			expect(run([srv(NAME, target)], { server: 'ex5.mail.ovh.net' })).toMatchObject({
				status: 'fail',
				message: { key: 'dns.srv.legacyNotServer', params: { target } },
				anchor: 'hostname',
			});
		}
	});

	it('returns warn and asks for the server when it was not given', () => {
		const verdict = run([srv(NAME, 'ex5.mail.ovh.net')], { server: undefined });
		expect(verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.srv.serverUnverified' },
			anchor: 'hostname',
		});
		expect(verdict.expected).toEqual(['0 0 443 exN.mail.ovh.net']);
	});

	it('returns fail for a "." target: service declared unavailable (RFC 2782)', () => {
		expect(run([srv(NAME, '.')]).message.key).toBe('dns.srv.disabled');
	});

	it('judges the best of several records and warns about the others', () => {
		const verdict = run([
			srv(NAME, 'old.example.net', { port: 80 }),
			srv(NAME, 'ex5.mail.ovh.net'),
		]);
		expect(verdict).toMatchObject({ status: 'warn', message: { key: 'dns.srv.extra' } });
		expect(verdict.found.map((f) => f.judgement)).toEqual(['wrong', 'ok']);
	});
});
