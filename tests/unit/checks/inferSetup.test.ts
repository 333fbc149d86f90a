import { describe, expect, it } from 'vitest';
import { inferSetup } from '../../../src/lib/checks/inferSetup';
import { zoneSnippet } from '../../../src/lib/checks/zoneSnippet';
import { errorVerdict } from '../../../src/lib/checks/errorVerdict';
import { CURRENT, provider } from '../helpers/dnsMessages';

describe('inferSetup', () => {
	it('sees an antispam setup in the provider hosts', () => {
		expect(inferSetup(provider, 'hosted', ['MX1.mail.ovh.net.'])).toEqual({
			setup: 'exchange-only',
			basis: 'hosts',
		});
	});

	it('sees POP/IMAP elsewhere in an Exchange server name', () => {
		expect(inferSetup(provider, 'hosted', ['ex5.mail.ovh.net'])).toMatchObject({
			setup: 'external-popimap',
			basis: 'server',
		});
		expect(inferSetup(provider, 'hosted', ['ex2.mail.ovh.net'])).toMatchObject({
			setup: 'external-popimap',
			basis: 'server',
		});
	});

	it('sees a Private server without antispam only when its name is given', () => {
		expect(inferSetup(provider, 'private', ['mail.corp.example'], 'mail.corp.example')).toEqual({
			setup: 'ovh-popimap',
			basis: 'server',
		});
		expect(inferSetup(provider, 'private', ['mail.corp.example'])).toMatchObject({
			setup: 'exchange-only',
			basis: 'none',
		});
	});

	it('falls back to the most common setup when nothing is published', () => {
		expect(inferSetup(provider, 'hosted', [])).toEqual({
			setup: 'exchange-only',
			basis: 'none',
		});
	});
});

describe('zoneSnippet', () => {
	it('lists the five MX and the SRV record for an antispam setup', () => {
		const lines = zoneSnippet(
			provider,
			'example.com',
			'hosted',
			'exchange-only',
			'ex5.mail.ovh.net'
		);
		expect(lines).toHaveLength(6);
		expect(lines[0]).toBe('example.com. IN MX 10 mx0.mail.ovh.net.');
		expect(lines.slice(0, 5).map((l) => l.split(' ').at(-1))).toEqual(CURRENT.map((h) => `${h}.`));
		expect(lines[5]).toBe('_autodiscover._tcp.example.com. IN SRV 0 0 443 ex5.mail.ovh.net.');
	});

	it('uses the server as MX for POP/IMAP elsewhere, and a placeholder when it is unknown', () => {
		const lines = zoneSnippet(provider, 'example.com', 'hosted', 'external-popimap');
		expect(lines).toEqual([
			'example.com. IN MX 10 exN.mail.ovh.net.',
			'_autodiscover._tcp.example.com. IN SRV 0 0 443 exN.mail.ovh.net.',
		]);
	});
});

describe('errorVerdict', () => {
	it('says "could not check", never a misconfiguration', () => {
		expect(errorVerdict(provider, 'mx', 'timeout')).toMatchObject({
			check: 'mx',
			status: 'error',
			message: { key: 'dns.error.timeout' },
			anchor: 'mx',
		});
		expect(errorVerdict(provider, 'srv', 'servfail').fix?.key).toBe('dns.fix.servfail');
	});
});
