import { describe, expect, it } from 'vitest';
import {
	expectedRecords,
	fillPlaceholders,
	formatZoneLines,
	MX_PREFERENCE,
} from '../../../../src/lib/records/expectedRecords';
import { loadProvider } from '../../helpers';

const provider = loadProvider();

describe('expectedRecords', () => {
	it('gives the five provider MX hosts for Hosted, Exchange only', () => {
		const records = expectedRecords(provider, 'hosted', 'exchange-only', 'ex5.mail.ovh.net');
		expect(records.mx).toEqual([
			'mx0.mail.ovh.net',
			'mx1.mail.ovh.net',
			'mx2.mail.ovh.net',
			'mx3.mail.ovh.net',
			'mx4.mail.ovh.net',
		]);
		expect(records.srv).toEqual({
			name: '_autodiscover._tcp',
			priority: 0,
			weight: 0,
			port: 443,
			target: 'ex5.mail.ovh.net',
		});
	});

	it('points MX at the server when POP/IMAP mailboxes live elsewhere', () => {
		expect(expectedRecords(provider, 'hosted', 'external-popimap', 'ex3.mail.ovh.net').mx).toEqual([
			'ex3.mail.ovh.net',
		]);
	});
});

describe('formatZoneLines', () => {
	it('writes fully qualified zone-file lines', () => {
		const lines = formatZoneLines(
			'example.com.',
			expectedRecords(provider, 'private', 'ovh-popimap', 'mail.example.com')
		);
		expect(lines).toEqual([
			`example.com. IN MX ${MX_PREFERENCE} mail.example.com.`,
			'_autodiscover._tcp.example.com. IN SRV 0 0 443 mail.example.com.',
		]);
	});
});

describe('the server placeholder (issue 18, fact 1)', () => {
	it('for Private says what to put, never an exN.mail.ovh.net host', () => {
		for (const setup of ['ovh-popimap', 'external-popimap'] as const) {
			const lines = formatZoneLines('example.com', expectedRecords(provider, 'private', setup));
			expect(lines).toEqual([
				'example.com. IN MX 10 <server-certificate-name>',
				'_autodiscover._tcp.example.com. IN SRV 0 0 443 <server-certificate-name>',
			]);
		}
		// With antispam the MX are the provider's hosts; the SRV still needs the server's name.
		const antispam = formatZoneLines(
			'example.com',
			expectedRecords(provider, 'private', 'exchange-only')
		);
		expect(antispam.join('\n')).not.toContain('exN');
		expect(antispam.at(-1)).toBe(
			'_autodiscover._tcp.example.com. IN SRV 0 0 443 <server-certificate-name>'
		);
	});

	it('for Hosted is the exN.mail.ovh.net form the guides give', () => {
		expect(expectedRecords(provider, 'hosted', 'external-popimap').mx).toEqual([
			'exN.mail.ovh.net',
		]);
	});

	it('reads in the page language', () => {
		expect(fillPlaceholders('10 <server-certificate-name>', '<nom-du-certificat-du-serveur>')).toBe(
			'10 <nom-du-certificat-du-serveur>'
		);
	});
});
