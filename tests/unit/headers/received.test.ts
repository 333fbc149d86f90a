/** Received lines as each server writes them (RFC 5321 §4.4 and the real variants). */
import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/lib/headers/received';

describe('parseReceived', () => {
	it('reads Sendmail’s TLS comment and a date with a comment', () => {
		const stamp = parseReceived(
			'from client.example.com (client.example.com [192.0.2.5] (may be forged)) by mail.example.net (8.17.1/8.17.1) with ESMTPS id 5B1AbC9d012345 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO) for <a@example.net>; Tue, 1 Dec 2026 10:00:00 +0100 (CET)'
		);
		expect(stamp).toMatchObject({
			from: 'client.example.com',
			fromIp: '192.0.2.5',
			by: 'mail.example.net',
			with: 'ESMTPS',
			id: '5B1AbC9d012345',
			for: 'a@example.net',
			tls: 'TLSv1.3',
			tlsCipher: 'TLS_AES_256_GCM_SHA384',
			dateText: 'Tue, 1 Dec 2026 10:00:00 +0100 (CET)',
		});
		expect(stamp.date?.epochMs).toBe(Date.UTC(2026, 11, 1, 9, 0, 0));
	});

	it('reads an IPv6 literal', () => {
		expect(
			parseReceived(
				'from mail.example.com (mail.example.com [IPv6:2001:db8::25]) by mx.example.net with ESMTP; 1 Dec 2026 10:00 +0000'
			).fromIp
		).toBe('2001:db8::25');
	});

	it('reads Exchange on premises’ "(TLS)"', () => {
		const stamp = parseReceived(
			'from EXCH01.corp.example.com (10.1.1.1) by EXCH02.corp.example.com (10.1.1.2) with Microsoft SMTP Server (TLS) id 14.3.498.0; Tue, 1 Dec 2026 10:00:00 +0100'
		);
		expect([stamp.with, stamp.tls, stamp.id]).toEqual([
			'Microsoft SMTP Server',
			'TLS',
			'14.3.498.0',
		]);
	});

	it('reads Exchange Online’s mapi submission and "via Frontend Transport"', () => {
		const stamp = parseReceived(
			'from AM0PR08MB1234.eurprd08.prod.outlook.com ([fe80::1c2d:3e4f:5a6b:7c8d]) by AM0PR08MB1234.eurprd08.prod.outlook.com ([fe80::1c2d:3e4f:5a6b:7c8d%4]) with mapi id 15.20.8207.017; Tue, 1 Dec 2026 09:00:00 +0000'
		);
		expect([stamp.from, stamp.with, stamp.id]).toEqual([
			'AM0PR08MB1234.eurprd08.prod.outlook.com',
			'mapi',
			'15.20.8207.017',
		]);
	});

	it('reads Gmail’s "(Google Transport Security)" after for', () => {
		const stamp = parseReceived(
			'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id abc.123 for <x@gmail.com> (Google Transport Security); Tue, 01 Dec 2026 02:00:02 -0800 (PST)'
		);
		expect([stamp.fromIp, stamp.with, stamp.for, stamp.tls]).toEqual([
			'209.85.220.41',
			'SMTPS',
			'x@gmail.com',
			undefined,
		]);
	});

	it('has no date without a ";" and keeps an unreadable date’s text', () => {
		expect(parseReceived('from a by b with SMTP')).toEqual({ from: 'a', by: 'b', with: 'SMTP' });
		const bad = parseReceived('from a by b; soon');
		expect([bad.dateText, bad.date]).toEqual(['soon', undefined]);
	});

	it('survives unbalanced comments and empty values', () => {
		expect(parseReceived('from (a (b by c; 1 Dec 2026 10:00 +0000').from).toBeUndefined();
		expect(parseReceived('')).toEqual({});
		expect(parseReceived(';')).toEqual({ dateText: '' });
	});
});
