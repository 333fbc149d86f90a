/**
 * One verdict per recipient: action, decisive code, reply, reason and whose meaning of the code
 * applies. Expected values are sisimai's for its files (tests/fixtures/bounces/sisimai/README.md)
 * and worked out by hand from the messages written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBounce } from '../../../src/lib/ndr/analyzeBounce';
import { parse, readFixture } from './helpers';

async function verdict(input: string | Uint8Array) {
	const result = await analyzeBounce(input, parse);
	if (!result.ok) throw new Error(result.error);
	return result.verdict;
}

/** Exim's warning that a message is still queued (no DSN part; `Warning:` subject). */
const EXIM_DELAY = `From: Mail Delivery System <Mailer-Daemon@mail.example.net>
To: paul@example.net
Subject: Warning: message 1rhQ2x-0004Xb-3K delayed 24 hours
Auto-Submitted: auto-replied

This message was created automatically by mail delivery software.
A message that you sent has not yet been delivered to one or more of its
recipients after more than 24 hours on the queue on mail.example.net.

The message identifier is:     1rhQ2x-0004Xb-3K
The subject of the message is: Devis

The address to which the message has not yet been delivered is:

  carla@example.org
    host mx.example.org [192.0.2.8]
    Delay reason: SMTP error from remote mail server after RCPT TO:<carla@example.org>:
    451 4.7.1 Greylisted, please try again later

No action is required on your part. Delivery attempts will continue for
some time, and this warning may be repeated at intervals if the message
remains undelivered. Eventually the mail delivery software will give up,
and when that happens, the message will be returned to you.
`;

/** A Postfix report for a domain that publishes a null MX (RFC 7505), from a non-Microsoft server. */
const NULL_MX = `From: MAILER-DAEMON@smtp.example.net (Mail Delivery System)
To: paul@example.net
Subject: Undelivered Mail Returned to Sender

This is the mail system at host smtp.example.net.

<info@parked.example>: host mx.parked.example[192.0.2.44] said: 556 5.1.10
    <info@parked.example>: Recipient address rejected: Domain has null MX (in
    reply to RCPT TO command)
`;

describe('judgeBounce', () => {
	it('reads a delay as still being retried, never as a failure', async () => {
		expect((await verdict(readFixture('ovh-fr.eml'))).recipients).toEqual([
			expect.objectContaining({ address: 'eve@exemple.fr', action: 'delayed', code: '4.4.1' }),
		]);
		expect((await verdict(readFixture('sisimai/outlook-06.eml'))).recipients).toEqual([
			expect.objectContaining({
				address: 'kijitora@example.com',
				action: 'delayed',
				code: '4.4.7',
				reason: 'expired',
			}),
		]);
		// No DSN: Exim's own words say the delivery goes on being tried.
		expect((await verdict(EXIM_DELAY)).recipients).toEqual([
			expect.objectContaining({
				address: 'carla@example.org',
				action: 'delayed',
				code: '4.7.1',
				reply: '451',
				command: 'RCPT',
			}),
		]);
	});

	it('lists failed recipients first, and takes the reply’s code over an undetailed Status', async () => {
		const v = await verdict(readFixture('multi-recipient.eml'));
		expect(
			v.recipients.map((r) => [r.address, r.action, r.code, r.codeSource, r.statusField])
		).toEqual([
			['alice@example.com', 'failed', '5.1.1', 'status', undefined],
			['bruno@contoso.example', 'failed', '5.7.606', 'diagnostic', '5.0.0'],
			['chiara@lento.example', 'delayed', '4.4.7', 'status', undefined],
		]);
		expect(v.recipients.map((r) => r.reason)).toEqual(['userunknown', 'blocked', 'networkerror']);
		expect(v.recipients[1].microsoft).toBe(true);
		expect(v.recipients[2].replyFrom).toBe('reporting');
	});

	it('quotes the remote server’s reply as it wrote it', async () => {
		const v = await verdict(readFixture('multi-recipient.eml'));
		expect(v.recipients[0].replyText).toBe(
			'550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown in virtual mailbox table'
		);
		expect(v.recipients[0].replyFrom).toBe('remote');
	});

	it('reads 5.1.10 with Microsoft’s meaning only where a Microsoft server wrote it', async () => {
		const office = (await verdict(readFixture('sisimai/office365-01.eml'))).recipients;
		expect(office).toEqual([
			expect.objectContaining({ code: '5.1.10', microsoft: true, reason: 'userunknown' }),
		]);
		const nullMx = (await verdict(NULL_MX)).recipients;
		expect(nullMx).toEqual([
			expect.objectContaining({
				address: 'info@parked.example',
				code: '5.1.10',
				reply: '556',
				microsoft: false,
				reason: 'notaccept',
			}),
		]);
	});

	it('tells a refusal after DATA (a filter) from a missing address (refused at RCPT)', async () => {
		expect((await verdict(readFixture('sisimai/courier-02.eml'))).recipients).toEqual([
			expect.objectContaining({ code: '5.0.0', command: 'DATA', reason: 'filtered' }),
		]);
		expect(
			(await verdict(readFixture('sisimai/exim-02.eml'))).recipients.map((r) => [
				r.address,
				r.code,
				r.command,
				r.reason,
			])
		).toEqual([
			['kijitora@example.jp', '5.1.1', 'RCPT', 'userunknown'],
			['sabatora@example.jp', '5.2.1', 'RCPT', 'userunknown'],
		]);
	});

	it('reads French and Italian reports and replies', async () => {
		expect((await verdict(readFixture('sisimai/sendmail-45.eml'))).recipients).toEqual([
			expect.objectContaining({
				address: 'pseudo-local-part-kijitora-nyaaan@orange.fr',
				code: '5.1.1',
				reason: 'userunknown',
			}),
		]);
		expect((await verdict(readFixture('sisimai/exchange2007-07.eml'))).recipients).toEqual([
			expect.objectContaining({ address: 'kijitora@example.jp', code: '5.1.1', microsoft: true }),
		]);
		expect((await verdict(readFixture('italian-forwarded.eml'))).recipients).toEqual([
			expect.objectContaining({
				address: 'franco@esempio.it',
				code: '5.2.2',
				reason: 'mailboxfull',
			}),
		]);
	});

	it('gives a reason from the report’s words when it has no code at all', async () => {
		expect((await verdict(readFixture('sisimai/exchange2003-01.eml'))).recipients).toEqual([
			expect.objectContaining({
				address: 'kijitora@example.jp',
				action: 'failed',
				reason: 'userunknown',
				replyFrom: 'reporting',
			}),
		]);
		const [r] = (await verdict(readFixture('sisimai/exchange2003-01.eml'))).recipients;
		expect(r.code).toBeUndefined();
		expect(r.replyText).toMatch(/^The recipient name is not recognized/);
	});

	it('reads a code written "(#5.1.2)", with no reply code before it', async () => {
		expect((await verdict(readFixture('sisimai/qmail-13.eml'))).recipients).toEqual([
			expect.objectContaining({
				address: 'nekochan@cx.libsisimai.com',
				code: '5.1.2',
				reason: 'hostunknown',
			}),
		]);
	});
});
