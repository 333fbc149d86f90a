/**
 * Whole header sets of real-looking messages, one per mail system. Every expected value was worked
 * out by hand from the fixture: times converted to UTC, delays subtracted, in the comments.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHeaders } from '../../../src/lib/headers/analyzeHeaders';
import { readHeaderFixture } from './helpers';

describe('Gmail receiving from a Postfix sender', () => {
	const analysis = analyzeHeaders(readHeaderFixture('gmail.txt'));

	it('reads three hops in travel order, ignoring X-Received and the body', () => {
		expect(analysis.kind).toBe('headers');
		expect(analysis.hops.map((h) => h.by)).toEqual([
			'mail.example.org',
			'mx.google.com',
			'2002:a05:6a10:8e0b:b0:5c4:1a2b:3c4d',
		]);
	});

	it('reads each hop’s clauses and TLS as stated', () => {
		const [submission, mx, internal] = analysis.hops;
		expect(submission).toMatchObject({
			from: '[192.168.1.20]',
			fromIp: '198.51.100.7', // the address Postfix saw, not the literal the client announced
			with: 'ESMTPSA',
			id: '4Xk2Lm0Q7Tz9sTq',
			for: 'alice.martin@gmail.com',
		});
		expect(submission?.tls).toBeUndefined();
		expect(mx).toMatchObject({
			from: 'mail.example.org',
			fromIp: '203.0.113.25',
			with: 'ESMTPS',
			tls: 'TLS1_3',
			tlsCipher: 'TLS_AES_256_GCM_SHA384',
		});
		expect(internal).toMatchObject({ with: 'SMTP', id: 'k11csp2345678pxb' });
		expect(internal?.from).toBeUndefined();
	});

	it('converts each date to UTC and counts the delays', () => {
		// 11:12:41 +0100 = 10:12:41Z; 02:15:08 -0800 = 10:15:08Z; 02:15:09 -0800 = 10:15:09Z
		expect(analysis.hops.map((h) => h.time)).toEqual([
			'2026-12-01T10:12:41Z',
			'2026-12-01T10:15:08Z',
			'2026-12-01T10:15:09Z',
		]);
		// 10:15:08 - 10:12:41 = 2 min 27 s = 147 s
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, 147, 1]);
		expect(analysis.totalDelaySeconds).toBe(148);
		expect(analysis.longestHopIndex).toBe(1);
	});

	it('places the longest delay before the recipient’s server (authserv-id mx.google.com)', () => {
		expect(analysis.recipientHopIndex).toBe(1);
		expect(analysis.delayBeforeRecipient).toBe('before');
	});

	it('reads the topmost Authentication-Results, the ARC results and Received-SPF', () => {
		const ar = analysis.auth.filter((a) => a.source === 'authentication-results');
		expect(ar).toEqual([
			{
				source: 'authentication-results',
				authservId: 'mx.google.com',
				method: 'dkim',
				result: 'pass',
				properties: { 'header.i': '@example.org', 'header.s': 'mail2026', 'header.b': 'AbCd1234' },
			},
			{
				source: 'authentication-results',
				authservId: 'mx.google.com',
				method: 'spf',
				result: 'pass',
				comment:
					'google.com: domain of bob@example.org designates 203.0.113.25 as permitted sender',
				properties: { 'smtp.mailfrom': 'bob@example.org' },
			},
			{
				source: 'authentication-results',
				authservId: 'mx.google.com',
				method: 'dmarc',
				result: 'pass',
				comment: 'p=QUARANTINE sp=QUARANTINE dis=NONE',
				properties: { 'header.from': 'example.org' },
			},
		]);
		const arc = analysis.auth.filter((a) => a.source === 'arc');
		expect(arc.map((a) => [a.instance, a.authservId, a.method, a.result])).toEqual([
			[1, 'mx.google.com', 'dkim', 'pass'],
			[1, 'mx.google.com', 'spf', 'pass'],
			[1, 'mx.google.com', 'dmarc', 'pass'],
		]);
		expect(analysis.auth.filter((a) => a.source === 'received-spf')).toEqual([
			{
				source: 'received-spf',
				method: 'spf',
				result: 'pass',
				comment:
					'google.com: domain of bob@example.org designates 203.0.113.25 as permitted sender',
				properties: { 'client-ip': '203.0.113.25' },
			},
		]);
	});

	it('reads the DKIM selector and the identity, the subject decoded', () => {
		expect(analysis.dkimSelectors).toEqual([{ domain: 'example.org', selector: 'mail2026' }]);
		expect(analysis.identity).toEqual({
			messageId: '<5f1c2a9e-0b7d-4d3e-9a51-2c6f0e8b7a10@example.org>',
			date: 'Tue, 1 Dec 2026 11:12:40 +0100',
			dateIso: '2026-12-01T10:12:40Z',
			from: 'Bob Durand <bob@example.org>',
			to: 'Alice Martin <alice.martin@gmail.com>',
			subject: 'Réunion de décembre',
		});
		expect(analysis.spam).toEqual([]);
		expect(analysis.warnings).toEqual([]);
	});
});

describe('Exchange Online receiving from OVHcloud Hosted Exchange (CRLF)', () => {
	const analysis = analyzeHeaders(readHeaderFixture('exchange-online.txt'));

	it('reads six hops in travel order with Microsoft’s multi-word protocol and TLS', () => {
		expect(analysis.hops.map((h) => [h.from, h.by])).toEqual([
			['EX2.indiv2.local', 'EX4.indiv2.local'],
			['mxplan1.mail.ovh.net', 'mo550.mail-out.ovh.net'],
			['mo550.mail-out.ovh.net', 'DB1PEPF000509F0.mail.protection.outlook.com'],
			['DB1PEPF000509F0.eurprd03.prod.outlook.com', 'DU2PR04CA0123.outlook.office365.com'],
			['DU2PR04CA0123.eurprd04.prod.outlook.com', 'PA4PR08MB7890.eurprd08.prod.outlook.com'],
			['PA4PR08MB7890.eurprd08.prod.outlook.com', 'AM9PR08MB6123.eurprd08.prod.outlook.com'],
		]);
		expect(analysis.hops[0]).toMatchObject({
			fromIp: '172.16.2.2',
			with: 'Microsoft SMTP Server',
			tls: 'TLS1_2',
			tlsCipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
			id: '15.1.2507.39',
		});
		expect(analysis.hops[2]).toMatchObject({
			fromIp: '46.105.44.159',
			with: 'Microsoft SMTP Server',
			tls: 'TLS1_3',
			tlsCipher: 'TLS_AES_256_GCM_SHA384',
		});
		expect(analysis.hops[3]?.fromIp).toBe('2603:10a6:10:234:cafe::4a');
		expect(analysis.hops[5]?.with).toBe('HTTPS');
	});

	it('reads dates folded across lines and counts the delays', () => {
		// 10:28:46 +0100 = 09:28:46Z, then 09:28:47, 09:30:59, 09:31:00, 09:31:01, 09:31:02
		expect(analysis.hops.map((h) => h.time)).toEqual([
			'2026-12-01T09:28:46Z',
			'2026-12-01T09:28:47Z',
			'2026-12-01T09:30:59Z',
			'2026-12-01T09:31:00Z',
			'2026-12-01T09:31:01Z',
			'2026-12-01T09:31:02Z',
		]);
		// 09:30:59 - 09:28:47 = 2 min 12 s = 132 s; total 09:31:02 - 09:28:46 = 136 s
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, 1, 132, 1, 1, 1]);
		expect(analysis.totalDelaySeconds).toBe(136);
		expect(analysis.longestHopIndex).toBe(2);
	});

	it('finds Microsoft’s border hop without an authserv-id and places the wait before it', () => {
		expect(analysis.recipientHopIndex).toBe(2);
		expect(analysis.delayBeforeRecipient).toBe('before');
	});

	it('reads Microsoft’s Authentication-Results without an authserv-id', () => {
		const ar = analysis.auth.filter((a) => a.source === 'authentication-results');
		expect(ar).toEqual([
			{
				source: 'authentication-results',
				method: 'spf',
				result: 'pass',
				comment: 'sender IP is 46.105.44.159',
				properties: { 'smtp.mailfrom': 'example.fr' },
			},
			{
				source: 'authentication-results',
				method: 'dkim',
				result: 'pass',
				comment: 'signature was verified',
				properties: { 'header.d': 'example.fr' },
			},
			{
				source: 'authentication-results',
				method: 'dmarc',
				result: 'pass',
				properties: { action: 'none', 'header.from': 'example.fr' },
			},
			{
				source: 'authentication-results',
				method: 'compauth',
				result: 'pass',
				properties: { reason: '100' },
			},
		]);
		expect(analysis.auth.find((a) => a.source === 'received-spf')).toEqual({
			source: 'received-spf',
			method: 'spf',
			result: 'pass',
			comment:
				'protection.outlook.com: domain of example.fr designates 46.105.44.159 as permitted sender',
			properties: {
				receiver: 'protection.outlook.com',
				'client-ip': '46.105.44.159',
				helo: 'mo550.mail-out.ovh.net',
				pr: 'C',
			},
		});
	});

	it('reads Microsoft’s spam verdicts', () => {
		const forefront = analysis.spam.find((s) => s.header === 'X-Forefront-Antispam-Report');
		expect(forefront).toMatchObject({ source: 'microsoft', score: 1, verdict: 'NSPM' });
		expect(forefront?.fields).toEqual([
			{ name: 'CIP', value: '46.105.44.159' },
			{ name: 'CTRY', value: 'FR' },
			{ name: 'LANG', value: 'fr' },
			{ name: 'SCL', value: '1' },
			{ name: 'SRV', value: '' },
			{ name: 'IPV', value: 'NLI' },
			{ name: 'SFV', value: 'NSPM' },
			{ name: 'H', value: 'mo550.mail-out.ovh.net' },
			{ name: 'PTR', value: 'mo550.mail-out.ovh.net' },
			{ name: 'CAT', value: 'NONE' },
			{ name: 'SFS', value: '(13230040)(82310400026)(36860700013)' },
			{ name: 'DIR', value: 'INB' },
		]);
		expect(analysis.spam.find((s) => s.header === 'X-MS-Exchange-Organization-SCL')).toEqual({
			source: 'microsoft',
			header: 'X-MS-Exchange-Organization-SCL',
			score: 1,
			fields: [{ name: 'SCL', value: '1' }],
		});
		expect(analysis.spam.find((s) => s.header === 'X-Microsoft-Antispam')?.fields).toEqual([
			{ name: 'BCL', value: '0' },
			{ name: 'ARA', value: '13230040|82310400026|36860700013' },
		]);
	});

	it('reads the tracer id and decodes ISO-8859-1 and split UTF-8 encoded-words', () => {
		expect(analysis.tracerId).toBe('4211862384632551427');
		expect(analysis.identity.from).toBe('Hervé Lefèvre <herve.lefevre@example.fr>');
		expect(analysis.identity.subject).toBe('Facture n° 2026-1234 : rappel');
		expect(analysis.identity.dateIso).toBe('2026-12-01T09:28:45Z');
	});
});
