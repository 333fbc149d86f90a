import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerSchema } from '../../../src/schemas/provider';
import { CONTENT, loadProvider } from '../helpers';

const NEWEST = '000_be15cc7127dc9026.txt';
const FIVE_MX = [
	'mx0.mail.ovh.net',
	'mx1.mail.ovh.net',
	'mx2.mail.ovh.net',
	'mx3.mail.ovh.net',
	'mx4.mail.ovh.net',
];

describe('provider data matches the newest guide', () => {
	const provider = loadProvider();
	const rule = (offer: string, setup: string) =>
		provider.setups.find((s) => s.offer === offer && s.setup === setup)!;

	it('gives the five hosts mx0..mx4 for Hosted, Exchange only and POP/IMAP at OVHcloud, from guide 000', () => {
		for (const setup of ['exchange-only', 'ovh-popimap']) {
			const mx = rule('hosted', setup).mx;
			expect(mx.kind).toBe('hosts');
			if (mx.kind === 'hosts') {
				expect(mx.current.hosts).toEqual(FIVE_MX);
				expect(mx.current.source).toBe(NEWEST);
			}
		}
	});

	it('keeps mx1 alone only as a legacy value from an older guide', () => {
		const mx = rule('hosted', 'exchange-only').mx;
		if (mx.kind !== 'hosts') throw new Error('expected hosts');
		expect(
			mx.legacy.some((l) => l.hosts.join() === 'mx1.mail.ovh.net' && l.source !== NEWEST)
		).toBe(true);
	});

	it('points MX at the server itself for Hosted with POP/IMAP elsewhere and Private without antispam', () => {
		expect(rule('hosted', 'external-popimap').mx.kind).toBe('server');
		expect(rule('private', 'ovh-popimap').mx.kind).toBe('server');
		expect(rule('private', 'external-popimap').mx.kind).toBe('server');
		expect(rule('private', 'exchange-only').mx.kind).toBe('hosts');
	});

	it('requires SRV priority 0, weight 0, port 443 on _autodiscover._tcp, from guide 000', () => {
		expect(provider.srv).toMatchObject({
			name: '_autodiscover._tcp',
			priority: 0,
			weight: 0,
			port: 443,
			target: 'server',
			source: NEWEST,
		});
	});

	it('recognises Hosted server names like ex5.mail.ovh.net', () => {
		const pattern = new RegExp(provider.server.hostedPattern);
		expect(pattern.test('ex5.mail.ovh.net')).toBe(true);
		expect(pattern.test('ex.mail.ovh.net')).toBe(true);
		expect(pattern.test('mx1.mail.ovh.net')).toBe(false);
	});
});

describe('the provider schema', () => {
	const raw = () =>
		JSON.parse(readFileSync(join(CONTENT, 'provider', 'provider.json'), 'utf8')).ovhcloud;

	it('rejects a malformed host name, naming the field', () => {
		const data = raw();
		data.setups[0].mx.current.hosts[0] = 'MX0.mail.ovh.net.';
		const issue = providerSchema.safeParse(data).error!.issues[0];
		expect(issue.path).toEqual(['setups', 0, 'mx', 'current', 'hosts', 0]);
		expect(issue.message).toMatch(/Malformed host name/);
	});

	it('rejects a port out of range', () => {
		const data = raw();
		data.srv.port = 70000;
		const issue = providerSchema.safeParse(data).error!.issues[0];
		expect(issue.path).toEqual(['srv', 'port']);
		expect(issue.message).toMatch(/Port out of range/);
	});

	it('rejects a label missing a language', () => {
		const data = raw();
		delete data.setups[1].label.it;
		expect(providerSchema.safeParse(data).error!.issues[0].path).toEqual([
			'setups',
			1,
			'label',
			'it',
		]);
	});

	it('rejects a source that is not one of the guides', () => {
		const data = raw();
		data.srv.source = 'blog-post.txt';
		expect(providerSchema.safeParse(data).error!.issues[0].message).toMatch(/Unknown source guide/);
	});

	it('rejects data without a rule for every offer and setup', () => {
		const data = raw();
		data.setups.pop();
		expect(providerSchema.safeParse(data).error!.issues[0].message).toMatch(
			/No MX rule for offer "private"/
		);
	});
});
