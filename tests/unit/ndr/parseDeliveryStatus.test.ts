import { describe, expect, it } from 'vitest';
import { parseDeliveryStatus, stripType } from '../../../src/lib/ndr/parseDeliveryStatus';

const DSN = `Reporting-MTA: dns; mail.example.net
Arrival-Date: Mon,  4 Mar 2024 10:59:58 +0100 (CET)

Final-Recipient: rfc822; bob@example.org
Original-Recipient: rfc822;Bob@Example.org
Action: failed
Status: 5.2.2 (mailbox full)
Remote-MTA: dns; mx.example.org. (192.0.2.25)
Diagnostic-Code: smtp; 552 5.2.2 <bob@example.org>: Recipient address rejected:
    Mailbox full

final-recipient: RFC822; <carol@example.net>
action: Delayed
status: 4.4.7
`;

describe('parseDeliveryStatus', () => {
	it('reads the per-message and per-recipient groups of RFC 3464', () => {
		const dsn = parseDeliveryStatus(DSN);
		expect(dsn.reportingMta).toBe('mail.example.net');
		expect(dsn.recipients).toEqual([
			{
				address: 'bob@example.org',
				originalRecipient: 'Bob@Example.org',
				action: 'failed',
				status: '5.2.2',
				remoteMta: 'mx.example.org',
				diagnostic: '552 5.2.2 <bob@example.org>: Recipient address rejected: Mailbox full',
				diagnosticType: 'smtp',
			},
			{ address: 'carol@example.net', action: 'delayed', status: '4.4.7' },
		]);
	});

	it('ignores a Status that is not an enhanced code', () => {
		expect(
			parseDeliveryStatus('Final-Recipient: rfc822; a@b.example\nStatus: 3.1.1').recipients[0]
				.status
		).toBeUndefined();
		expect(
			parseDeliveryStatus('Final-Recipient: rfc822; a@b.example\nStatus: 5.1.1.1').recipients[0]
				.status
		).toBeUndefined();
	});

	it('handles CRLF line ends and text with no fields', () => {
		expect(parseDeliveryStatus(DSN.replace(/\n/g, '\r\n')).recipients).toHaveLength(2);
		expect(parseDeliveryStatus('hello\n\nworld')).toEqual({ recipients: [] });
	});

	it('strips address and name types', () => {
		expect(stripType('rfc822; <a@b.example>')).toBe('a@b.example');
		expect(stripType('dns;mx.example.org')).toBe('mx.example.org');
		// A semicolon far into the value is text, not a type separator.
		expect(stripType('a long diagnostic text without a type; here')).toBe(
			'a long diagnostic text without a type; here'
		);
	});
});
