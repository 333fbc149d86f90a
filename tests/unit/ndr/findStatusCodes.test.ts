import { describe, expect, it } from 'vitest';
import { findStatusCodes } from '../../../src/lib/ndr/findStatusCodes';

const codes = (text: string) =>
	findStatusCodes(text).flatMap((h) => (h.kind === 'enhanced' ? [h.code] : []));
const replies = (text: string) =>
	findStatusCodes(text).flatMap((h) => (h.kind === 'reply' ? [h.reply] : []));

describe('findStatusCodes', () => {
	it('finds an enhanced code and the SMTP reply before it', () => {
		expect(
			findStatusCodes("Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'")
		).toEqual([{ kind: 'enhanced', code: '5.1.10', reply: '550', index: 28 }]);
	});

	it('reads multi-line replies and the old Exchange "#" form', () => {
		expect(
			findStatusCodes('550-5.7.1 first line\n550 5.7.1 last line').map(
				(h) => h.kind === 'enhanced' && h.reply
			)
		).toEqual(['550', '550']);
		expect(codes('#550 #5.1.1 SMTP; 550 5.1.1 unknown')).toEqual(['5.1.1', '5.1.1']);
	});

	it('keeps three-digit details of vendor codes', () => {
		expect(codes('550 5.7.606 Access denied, banned sending IP')).toEqual(['5.7.606']);
		expect(codes('451 4.7.500 Server busy')).toEqual(['4.7.500']);
	});

	it('does not take IP addresses, versions or dates for codes', () => {
		expect(codes('from [10.5.1.1] by host 192.168.4.4.1')).toEqual([]);
		expect(codes('with esmtp (Exim 4.94.2) and Postfix 3.5.6')).toEqual([]);
		expect(codes('on 5.7.2024 at 4.4.10.2')).toEqual([]);
		expect(codes('version 5.01.1')).toEqual([]);
	});

	it('finds bare SMTP replies only where a reply can start', () => {
		expect(replies('550 Requested action not taken: mailbox unavailable')).toEqual(['550']);
		expect(replies('Diagnostic-Code: smtp; 554 Message refused')).toEqual(['554']);
		expect(replies('We have 550 Reasons to smile and 2 cats')).toEqual([]);
	});

	it('does not report a reply twice when an enhanced code follows it', () => {
		expect(replies('550 5.1.1 User unknown')).toEqual([]);
	});

	it('returns hits in order of appearance', () => {
		const hits = findStatusCodes('421 Try later\n550 5.1.1 unknown\n4.4.7 expired');
		expect(hits.map((h) => h.index)).toEqual([...hits.map((h) => h.index)].sort((a, b) => a - b));
		expect(hits.map((h) => (h.kind === 'enhanced' ? h.code : h.reply))).toEqual([
			'421',
			'5.1.1',
			'4.4.7',
		]);
	});

	it('drops replies of commands that succeeded and intermediate replies', () => {
		expect(codes('<<< 250 2.1.0 <paul@example.net>... Sender ok\n<<< 250 2.1.5 Ok')).toEqual([]);
		expect(replies('<<< 354 Enter mail, end with "." on a line by itself')).toEqual([]);
		expect(codes('Status: 2.0.0')).toEqual([]);
	});

	it('marks follow-up replies to commands sent after the failure', () => {
		const hits = findStatusCodes(
			'<<< 550 5.1.1 User unknown\n<<< 503 5.0.0 Need RCPT (recipient)\n554 5.5.1 Error: no valid recipients'
		);
		expect(hits.map((h) => [h.kind === 'enhanced' && h.code, Boolean(h.followUp)])).toEqual([
			['5.1.1', false],
			['5.0.0', true],
			['5.5.1', true],
		]);
	});

	it('takes a code written without a reply code only where a code is written', () => {
		expect(codes('X-Mailer: PHPMailer 5.2.7')).toEqual([]);
		expect(codes('Version 5.1.1 of the app is out')).toEqual([]);
		expect(codes('Message-ID: <5.1.1@app.example.net>')).toEqual([]);
		expect(codes('Sorry, I could not find any host named example.invalid. (#5.1.2)')).toEqual([
			'5.1.2',
		]);
		expect(codes('Status: 5.1.1')).toEqual(['5.1.1']);
		const [weak] = findStatusCodes('host: mx.example.jp\n5.2.1 <a@example.jp>... User Unknown');
		expect(weak).toMatchObject({ code: '5.2.1', weak: true });
		const [said] = findStatusCodes('Remote host said:\n550 5.2.1 <a@example.jp>... User Unknown');
		expect(said).toMatchObject({ code: '5.2.1', reply: '550' });
	});

	it('keeps a subject the registry does not define only after a reply code', () => {
		expect(codes('554 5.9.42 Message refused by local policy')).toEqual(['5.9.42']);
		expect(codes('Received: by mx (Exim 4.94.2)')).toEqual([]);
	});

	it('reads a reply folded onto the next line before its code (Postfix)', () => {
		expect(findStatusCodes('said: 550\n    5.1.1 <a@example.org>... User Unknown')).toEqual([
			{ kind: 'enhanced', code: '5.1.1', reply: '550', index: 14 },
		]);
	});
});
