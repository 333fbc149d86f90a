/**
 * Codes come from the report's own fields and each recipient's diagnostic only (issue 15, item 3):
 * each case is a bounce as a real mail system writes it, with the decoy a naive reader falls for.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBounce } from '../../../src/lib/ndr/analyzeBounce';
import { parse, readFixture } from './helpers';

async function read(input: string | Uint8Array) {
	const result = await analyzeBounce(input, parse);
	if (!result.ok) throw new Error(result.error);
	return result;
}
const codesOf = (r: Awaited<ReturnType<typeof read>>) => r.report.codes.map((c) => c.code);
const verdicts = (r: Awaited<ReturnType<typeof read>>) =>
	r.verdict.recipients.map((v) => [v.address, v.action, v.code, v.reason]);

/** A Sendmail report whose transcript shows the commands that succeeded before the one that failed. */
const SENDMAIL_TRANSCRIPT = `From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.net>
To: <paul@example.net>
Subject: Returned mail: see transcript for details
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="42A3B1.1709550000/relay.example.net"

--42A3B1.1709550000/relay.example.net

The original message was received at Mon, 4 Mar 2024 10:59:58 +0100
from app.example.net [192.0.2.10]

   ----- The following addresses had permanent fatal errors -----
<bob@example.org>
    (reason: 554 5.7.1 Message rejected as spam by Content Filtering)

   ----- Transcript of session follows -----
... while talking to mx.example.org.:
>>> MAIL From:<paul@example.net> SIZE=2841
<<< 250 2.1.0 <paul@example.net>... Sender ok
>>> RCPT To:<bob@example.org>
<<< 250 2.1.5 <bob@example.org>... Recipient ok
>>> DATA
<<< 354 Enter mail, end with "." on a line by itself
>>> .
<<< 554 5.7.1 Message rejected as spam by Content Filtering

--42A3B1.1709550000/relay.example.net
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example.net
Arrival-Date: Mon, 4 Mar 2024 10:59:58 +0100

Final-Recipient: RFC822; bob@example.org
Action: failed
Status: 5.7.1
Remote-MTA: DNS; mx.example.org
Diagnostic-Code: SMTP; 554 5.7.1 Message rejected as spam by Content Filtering
Last-Attempt-Date: Mon, 4 Mar 2024 11:00:02 +0100

--42A3B1.1709550000/relay.example.net
Content-Type: text/rfc822-headers

Return-Path: <paul@example.net>
Received: from app.example.net (app.example.net [192.0.2.10])
	by relay.example.net (8.15.2/8.15.2) with ESMTP id 42A3B1; Mon, 4 Mar 2024 10:59:58 +0100
Message-ID: <5.2.7.1709550000@app.example.net>
X-Mailer: PHPMailer 5.2.7 (https://github.com/PHPMailer/PHPMailer/)
Subject: Invoice 4.4.2024
From: Paul <paul@example.net>
To: bob@example.org

--42A3B1.1709550000/relay.example.net--
`;

/**
 * A pasted Postfix text report whose mail system quotes the original's headers under a line it
 * does not mark in any known way: version numbers, a date and a message ID look like codes.
 */
const PASTED_WITH_HEADERS = `This is the mail system at host smtp.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<anna@example.org>: host mx1.example.org[198.51.100.25] said: 552 5.2.2
    <anna@example.org>: Recipient address rejected: Mailbox full (in reply to
    RCPT TO command)

The original message headers were:
Received: from [10.5.1.1] (helo=app) by smtp.example.net with esmtpa (Exim 4.94.2)
X-Mailer: PHPMailer 5.2.7 (https://github.com/PHPMailer/PHPMailer)
Message-ID: <5.1.1@app.example.net>
Date: 5.7.2024 10:22
User-Agent: Roundcube Webmail/1.4.13
`;

describe('codes only where a server writes one', () => {
	it('takes no code from the transcript lines of commands that succeeded', async () => {
		const r = await read(SENDMAIL_TRANSCRIPT);
		expect(codesOf(r)).toEqual(['5.7.1']);
		expect(verdicts(r)).toEqual([['bob@example.org', 'failed', '5.7.1', 'spamdetected']]);
	});

	it('takes no code from the returned headers: version numbers, message IDs, dates', async () => {
		const r = await read(SENDMAIL_TRANSCRIPT);
		for (const decoy of ['5.2.7', '4.4.2', '2.1.0', '2.1.5'])
			expect(codesOf(r)).not.toContain(decoy);
		const pasted = await read(PASTED_WITH_HEADERS);
		expect(codesOf(pasted)).toEqual(['5.2.2']);
		expect(verdicts(pasted)).toEqual([['anna@example.org', 'failed', '5.2.2', 'mailboxfull']]);
	});

	it('does not take a follow-up reply for a reason (503 Need RCPT after every RCPT failed)', async () => {
		const r = await read(readFixture('sisimai/sendmail-02.eml'));
		expect(codesOf(r)).not.toContain('5.0.0');
		expect(verdicts(r)).toEqual([
			['userunknown@example.org', 'failed', '5.1.1', 'userunknown'],
			['filtered@example.com', 'failed', '5.2.1', 'filtered'],
		]);
		const ms = await read(readFixture('sisimai/microsoft-01.eml'));
		expect(codesOf(ms)).not.toContain('5.5.2');
		expect(verdicts(ms)).toEqual([['kijitora@example.com', 'failed', '5.7.606', 'blocked']]);
	});

	it('shows a three-digit reply as a reply, not as a code it looks like', async () => {
		const r = await read(
			'<carla@example.org>: host mx.example.org[192.0.2.8] said: 550 Requested action not\n    taken: mailbox unavailable (in reply to RCPT TO command)\n'
		);
		// 550 is not 5.5.0: the report has no enhanced code; the verdict derives 5.0.0 and says so.
		expect(codesOf(r)).toEqual([]);
		expect(r.report.replies).toEqual(['550']);
		expect(r.verdict.recipients).toEqual([
			expect.objectContaining({
				address: 'carla@example.org',
				code: '5.0.0',
				codeSource: 'reply',
				reply: '550',
				reason: 'userunknown',
				command: 'RCPT',
			}),
		]);
	});

	it('says a message that is not a bounce is not one, and gives no verdict', async () => {
		const release = await read(
			'From: Product team <news@app.example.com>\nTo: paul@example.net\nSubject: What is new\nX-Mailer: PHPMailer 5.2.7\n\nHello Paul,\n\nVersion 5.1.1 of the app is out. Update from the store; version 4.4.7 users should update too.\n'
		);
		expect(release.verdict).toEqual({ bounce: false, recipients: [] });
		const pasted = await read('Version 5.1.1 of the app is out');
		expect(pasted.verdict).toEqual({ bounce: false, recipients: [] });
	});

	it('still reads a reply pasted alone, with no recipient named', async () => {
		const r = await read(
			"Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"
		);
		expect(r.verdict.bounce).toBe(true);
		expect(verdicts(r)).toEqual([['', 'failed', '5.1.1', 'userunknown']]);
		expect(r.verdict.recipients[0].microsoft).toBe(true);
	});

	it('keeps a code the reference does not list, with its class: 554 5.9.42 is a code', async () => {
		const r = await read(
			'<dora@example.org>: host mx.example.org[192.0.2.8] said: 554 5.9.42 Message refused by\n    local policy module (in reply to end of DATA command)\n'
		);
		expect(codesOf(r)).toEqual(['5.9.42']);
		expect(r.verdict.recipients).toEqual([
			expect.objectContaining({ code: '5.9.42', reply: '554', action: 'failed', command: 'DATA' }),
		]);
	});
});
