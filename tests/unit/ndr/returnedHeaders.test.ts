import { describe, expect, it } from 'vitest';
import type { Email } from 'postal-mime';
import { analyzeBounce } from '../../../src/lib/ndr/analyzeBounce';
import { returnedHeaders } from '../../../src/lib/ndr/returnedHeaders';
import { parse, readFixture } from './helpers';

type Part = Email['attachments'][number];
const part = (mimeType: string, text: string): Part =>
	({
		mimeType,
		content: new TextEncoder().encode(text),
		filename: null,
		disposition: null,
	}) as Part;
const email = (attachments: Part[], text = ''): Pick<Email, 'attachments' | 'text'> => ({
	attachments,
	text,
});

const ORIGINAL = [
	'Received: from pc.example.net by mail.example.net with ESMTPSA id 1;',
	'\tMon, 4 Mar 2024 10:59:58 +0100',
	'From: Paul <paul@example.net>',
	'Subject: Invoice',
].join('\r\n');

describe('returnedHeaders', () => {
	it('takes the header block of a returned message/rfc822 part, without its body', () => {
		const bounce = email([
			part('message/rfc822', `${ORIGINAL}\r\n\r\nHello Bob,\r\nthe invoice.\r\n`),
		]);
		expect(returnedHeaders(bounce)).toBe(ORIGINAL);
	});

	it('takes a text/rfc822-headers part whole', () => {
		expect(returnedHeaders(email([part('text/rfc822-headers', `\r\n${ORIGINAL}\r\n`)]))).toBe(
			ORIGINAL
		);
	});

	it('reads the copy quoted after a report’s marker line', () => {
		const text = [
			'I’m sorry to have to inform you that your message could not be delivered.',
			'',
			'--- Below this line is a copy of the message.',
			'',
			ORIGINAL,
			'',
			'Hello Bob,',
		].join('\n');
		expect(returnedHeaders(text)).toBe(ORIGINAL);
	});

	it('skips the returned part’s own MIME headers in a pasted multipart report', () => {
		const text = [
			'Status: 5.1.1',
			'',
			'--boundary',
			'Content-Type: message/rfc822',
			'Content-Description: Undelivered Message',
			'',
			ORIGINAL,
			'',
			'body',
		].join('\n');
		expect(returnedHeaders(text)).toBe(ORIGINAL);
	});

	it('finds nothing in a report that returns no original, or only prose after its marker', () => {
		expect(returnedHeaders('550 5.1.1 <bob@example.org>: user unknown')).toBeUndefined();
		expect(
			returnedHeaders('Original message headers:\n\nThe message was too large to be returned.\n')
		).toBeUndefined();
		expect(returnedHeaders(email([part('image/png', 'x')], 'no copy here'))).toBeUndefined();
	});

	it('gives Postfix’s text/rfc822-headers part of a real bounce', async () => {
		const result = await analyzeBounce(readFixture('postfix.eml'), parse);
		expect(result.ok && result.returnedHeaders).toBe(
			[
				'Return-Path: <paul@example.net>',
				'Received: from laptop (unknown [198.51.100.4])',
				'\tby mail.example.net (Postfix) with ESMTPSA id 8C2F43E1A2',
				'\tfor <bob@example.org>; Mon,  4 Mar 2024 10:59:58 +0100 (CET)',
				'Received: from relay.example.net by smtp.example.net with esmtp (Exim 4.94.2)',
				'From: Paul <paul@example.net>',
				'To: bob@example.org',
				'Subject: Invoice 2.4.5',
			].join('\n')
		);
	});

	it('prefers Exchange Online’s returned message/rfc822 part to the headers it quotes in its text', async () => {
		const result = await analyzeBounce(readFixture('exchange-online.eml'), parse);
		expect(result.ok && result.returnedHeaders).toBe(
			[
				'From: Anna Keller <anna@fabrikam.example>',
				'To: "ghost@contoso.example" <ghost@contoso.example>',
				'Subject: Quarterly figures',
				'Date: Mon, 4 Mar 2024 09:12:38 +0000',
				'Message-ID: <AM0PR01MB1234ABCD@AM0PR01MB1234.eurprd01.prod.exchangelabs.com>',
				'Content-Type: text/plain; charset="us-ascii"',
				'MIME-Version: 1.0',
			].join('\n')
		);
	});

	it('reads the headers Exchange quotes after “Original message headers:” in a pasted bounce', () => {
		const pasted = [
			"Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'",
			'',
			'Original message headers:',
			'',
			'Received: from AM0PR01MB1234.eurprd01.prod.outlook.com ([fe80::1]) by',
			' AM0PR01MB1234.eurprd01.prod.outlook.com ([fe80::1%4]) with mapi id 15.20.7452.049;',
			' Mon, 4 Mar 2024 09:12:40 +0000',
			'From: Anna Keller <anna@fabrikam.example>',
			'',
		].join('\n');
		expect(returnedHeaders(pasted)).toBe(
			[
				'Received: from AM0PR01MB1234.eurprd01.prod.outlook.com ([fe80::1]) by',
				' AM0PR01MB1234.eurprd01.prod.outlook.com ([fe80::1%4]) with mapi id 15.20.7452.049;',
				' Mon, 4 Mar 2024 09:12:40 +0000',
				'From: Anna Keller <anna@fabrikam.example>',
			].join('\n')
		);
	});

	it('offers nothing for a message that is not a bounce', async () => {
		const message = `${ORIGINAL}\r\n\r\nHello,\r\n--- Below this line is a copy of the message.\r\n\r\n${ORIGINAL}\r\n`;
		const result = await analyzeBounce(message, parse);
		expect(result.ok && result.verdict.bounce).toBe(false);
		expect(result.ok && result.returnedHeaders).toBeUndefined();
	});
});
