import { describe, expect, it } from 'vitest';
import { checkAutodiscover } from '../../../src/lib/checks/checkAutodiscover';
import { a, cname, provider } from '../helpers/dnsMessages';
import { fakeZone } from '../helpers/fakeZone';

const D = 'example.com';
const SERVER = 'ex5.mail.ovh.net';

function run(
	records: Parameters<typeof fakeZone>[0],
	{
		server = SERVER as string | undefined,
		offer = 'hosted' as 'hosted' | 'private',
		failing = [] as string[],
	} = {}
) {
	const result = checkAutodiscover({
		provider,
		offer,
		domain: D,
		server,
		lookup: fakeZone(records, { failing }).lookup,
	});
	if (result.state !== 'done') throw new Error('pending');
	return result.verdict;
}

describe('checkAutodiscover', () => {
	it('passes with no autodiscover or autoconfig name', () => {
		expect(run([a(D, '192.0.2.1')])).toMatchObject({
			status: 'pass',
			message: { key: 'dns.autodiscover.pass' },
		});
	});

	it('passes a CNAME to the Exchange server', () => {
		expect(run([cname(`autodiscover.${D}`, SERVER), a(SERVER, '192.0.2.5')])).toMatchObject({
			status: 'pass',
			message: { key: 'dns.autodiscover.passCname', params: { names: `autodiscover.${D}` } },
		});
	});

	it('warns a CNAME left from web hosting, with the fix to delete it', () => {
		const verdict = run([
			cname(`autodiscover.${D}`, 'mailconfig.ovh.net'),
			cname(`autoconfig.${D}`, 'mailconfig.ovh.net'),
		]);
		expect(verdict).toMatchObject({
			status: 'warn',
			message: {
				key: 'dns.autodiscover.leftover',
				params: { name: `autodiscover.${D}`, target: 'mailconfig.ovh.net' },
			},
			fix: { key: 'dns.fix.autodiscoverRemove' },
		});
		expect(verdict.notes).toEqual([
			expect.objectContaining({
				key: 'dns.autodiscover.leftover',
				params: expect.objectContaining({ name: `autoconfig.${D}` }),
			}),
		]);
		expect(run([cname(`autoconfig.${D}`, 'ssl0.ovh.net')]).message.key).toBe(
			'dns.autodiscover.leftover'
		);
	});

	it('warns a CNAME to another host and an address record', () => {
		expect(run([cname(`autodiscover.${D}`, 'autodiscover.outlook.com')]).message).toMatchObject({
			key: 'dns.autodiscover.elsewhere',
			params: { target: 'autodiscover.outlook.com' },
		});
		expect(run([a(`autodiscover.${D}`, '192.0.2.80')]).message).toMatchObject({
			key: 'dns.autodiscover.address',
			params: { addresses: '192.0.2.80' },
		});
	});

	it('cannot confirm an Exchange server without the server name', () => {
		expect(run([cname(`autodiscover.${D}`, 'ex3.mail.ovh.net')], { server: '' })).toMatchObject({
			status: 'warn',
			message: { key: 'dns.autodiscover.serverUnverified' },
			fix: { key: 'dns.fix.giveServer' },
		});
		// With the server given, another Exchange server is elsewhere.
		expect(run([cname(`autodiscover.${D}`, 'ex3.mail.ovh.net')]).message.key).toBe(
			'dns.autodiscover.elsewhere'
		);
	});

	it('says a CNAME loop is one, served as aliases or as SERVFAIL', () => {
		const loop = [cname(`autodiscover.${D}`, `x.${D}`), cname(`x.${D}`, `autodiscover.${D}`)];
		expect(run(loop).message.key).toBe('dns.autodiscover.loop');
		expect(run(loop, { failing: [`A autodiscover.${D}`] }).message.key).toBe(
			'dns.autodiscover.loop'
		);
	});

	it('gives error when the resolver fails', () => {
		expect(run([], { failing: [`A autoconfig.${D}`, `CNAME autoconfig.${D}`] }).status).toBe(
			'error'
		);
	});
});
