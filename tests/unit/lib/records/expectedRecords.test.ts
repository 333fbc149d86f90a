import { describe, expect, it } from 'vitest';
import {
	expectedRecords,
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
