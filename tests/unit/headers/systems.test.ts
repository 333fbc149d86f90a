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

describe('OVHcloud MX Plan receiving a message its filter called spam', () => {
	const analysis = analyzeHeaders(readHeaderFixture('ovhcloud.txt'));

	it('reads five hops, qmail’s TLS-patched stamp included', () => {
		expect(analysis.hops.map((h) => [h.from, h.fromIp, h.by, h.with])).toEqual([
			['mta.promo.example.com', '192.0.2.44', 'mx1.mail.ovh.net', 'ESMTPS'],
			['mx1.mail.ovh.net', '10.101.8.12', 'vr12.mail.ovh.net', 'ESMTP'],
			['vr12.mail.ovh.net', '10.101.8.40', 'out7.mail.ovh.net', 'ESMTP'],
			['unknown', '10.108.20.7', 'mxplan9.mail.ovh.net', 'AES256-GCM-SHA384 encrypted SMTP'],
			['localhost', '127.0.0.1', 'localhost', 'SMTP'],
		]);
		expect(analysis.hops[0]).toMatchObject({
			tls: 'TLSv1.3',
			tlsCipher: 'TLS_AES_256_GCM_SHA384',
			id: '4XkQ2l6Rk1z1sS8',
			for: 'contact@example.fr',
		});
		expect(analysis.hops[3]?.tlsCipher).toBe('AES256-GCM-SHA384');
	});

	it('counts the delays and places the long wait after the recipient’s MX', () => {
		// 11:01:12, 11:01:13, 11:05:30, 12:05:31 +0100 = 11:05:31, 11:05:31
		expect(analysis.hops.map((h) => h.time)).toEqual([
			'2026-12-01T11:01:12Z',
			'2026-12-01T11:01:13Z',
			'2026-12-01T11:05:30Z',
			'2026-12-01T11:05:31Z',
			'2026-12-01T11:05:31Z',
		]);
		// 11:05:30 - 11:01:13 = 4 min 17 s = 257 s; total 11:05:31 - 11:01:12 = 259 s
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, 1, 257, 1, 0]);
		expect(analysis.totalDelaySeconds).toBe(259);
		expect(analysis.longestHopIndex).toBe(2);
		expect(analysis.recipientHopIndex).toBe(0); // by mx1.mail.ovh.net, the authserv-id
		expect(analysis.delayBeforeRecipient).toBe('after');
	});

	it('reads failed authentication with a quoted reason', () => {
		expect(analysis.auth).toEqual([
			{
				source: 'authentication-results',
				authservId: 'mx1.mail.ovh.net',
				method: 'dkim',
				result: 'fail',
				properties: {
					reason: 'signature verification failed',
					'header.d': 'promo.example.com',
					'header.s': 's1',
					'header.b': 'Zx9Qw2Er',
				},
			},
			{
				source: 'authentication-results',
				authservId: 'mx1.mail.ovh.net',
				method: 'spf',
				result: 'softfail',
				comment:
					'mx1.mail.ovh.net: domain of transitioning bounce-7731@promo.example.com does not designate 192.0.2.44 as permitted sender',
				properties: { 'smtp.mailfrom': 'bounce-7731@promo.example.com' },
			},
			{
				source: 'authentication-results',
				authservId: 'mx1.mail.ovh.net',
				method: 'dmarc',
				result: 'fail',
				comment: 'p=none dis=none',
				properties: { 'header.from': 'promo.example.com' },
			},
		]);
		expect(analysis.dkimSelectors).toEqual([{ domain: 'promo.example.com', selector: 's1' }]);
	});

	it('reads OVHcloud’s verdict and decodes X-VR-SPAMCAUSE', () => {
		expect(analysis.spam).toEqual([
			{
				source: 'ovh',
				header: 'X-VR-SPAMSTATE',
				score: 300,
				verdict: 'SPAM',
				fields: [
					{ name: 'X-VR-SPAMSTATE', value: 'SPAM' },
					{ name: 'X-VR-SPAMSCORE', value: '300' },
					{
						name: 'cause',
						value:
							'Vade Retro 01.446.40#21 AS+AV+AP+RT Profile: OVH; Bailout: 300; ^ForbiddenHdr (500); ^URIBL (300)',
					},
					{ name: 'engine', value: 'Vade Retro 01.446.40#21 AS+AV+AP+RT' },
					{ name: 'Profile', value: 'OVH' },
					{ name: 'Bailout', value: '300' },
					{ name: 'rule', value: '^ForbiddenHdr (500)' },
					{ name: 'rule', value: '^URIBL (300)' },
				],
			},
		]);
	});

	it('reads the tracer id and decodes UTF-8 encoded-words, an emoji included', () => {
		expect(analysis.tracerId).toBe('13322506112943458271');
		expect(analysis.identity.from).toBe('"Promo Flaşh" <news@promo.example.com>');
		expect(analysis.identity.subject).toBe('🎁 Offre spéciale');
	});
});

describe('Postfix with amavis and SpamAssassin, from a Sendmail relay', () => {
	const analysis = analyzeHeaders(readHeaderFixture('postfix.txt'));

	it('reads five hops, Sendmail’s and Postfix’s TLS and a stamp without from', () => {
		expect(analysis.hops.map((h) => [h.from, h.fromIp, h.by, h.with, h.id])).toEqual([
			[undefined, undefined, 'old.example.com', undefined, '7F3A21C0123'],
			['old.example.com', '198.51.100.9', 'relay.example.com', 'ESMTPS', '0B1A2b3C004567'],
			['relay.example.com', '198.51.100.20', 'mx.example.net', 'ESMTPS', '4XkT9b0Gq3z4wXy'],
			['mx.example.net', '127.0.0.1', 'localhost', 'ESMTP', 'AbCdEf123'],
			['localhost', '127.0.0.1', 'mx.example.net', 'ESMTP', '4XkT9c1Hq4z4wXz'],
		]);
		expect([analysis.hops[1]?.tls, analysis.hops[1]?.tlsCipher]).toEqual([
			'TLSv1.2',
			'ECDHE-RSA-AES256-GCM-SHA384',
		]);
		expect([analysis.hops[2]?.tls, analysis.hops[2]?.tlsCipher]).toEqual([
			'TLSv1.3',
			'TLS_AES_256_GCM_SHA384',
		]);
	});

	it('reads a two-digit year with a named zone and counts a 47-minute wait', () => {
		// 08:59:58 +0100 = 07:59:58Z; "1 Dec 26 03:00:04 EST" = 2026, -0500 = 08:00:04Z;
		// 09:47:10 +0100 = 08:47:10Z; 08:47:12Z; 08:47:13Z
		expect(analysis.hops.map((h) => h.time)).toEqual([
			'2026-12-01T07:59:58Z',
			'2026-12-01T08:00:04Z',
			'2026-12-01T08:47:10Z',
			'2026-12-01T08:47:12Z',
			'2026-12-01T08:47:13Z',
		]);
		// 08:47:10 - 08:00:04 = 47 min 6 s = 2826 s; total 08:47:13 - 07:59:58 = 47 min 15 s
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, 6, 2826, 2, 1]);
		expect(analysis.totalDelaySeconds).toBe(2835);
		expect(analysis.longestHopIndex).toBe(2);
		expect(analysis.recipientHopIndex).toBe(2);
		expect(analysis.delayBeforeRecipient).toBe('before');
		expect(analysis.warnings).toEqual([]);
	});

	it('joins the Authentication-Results of the same authserv-id (one per milter)', () => {
		expect(analysis.auth.map((a) => [a.authservId, a.method, a.result])).toEqual([
			['mx.example.net', 'dkim', 'none'],
			['mx.example.net', 'dkim-atps', 'neutral'],
			['mx.example.net', 'spf', 'pass'],
		]);
		expect(analysis.auth[2]?.properties).toEqual({ 'smtp.mailfrom': 'anna@example.com' });
	});

	it('reads SpamAssassin’s status, score and flag, the folded test list joined', () => {
		expect(analysis.spam).toEqual([
			{
				source: 'spamassassin',
				header: 'X-Spam-Status',
				score: 7.1,
				verdict: 'yes',
				fields: [
					{ name: 'score', value: '7.1' },
					{ name: 'tagged_above', value: '-999' },
					{ name: 'required', value: '5.0' },
					{ name: 'tests', value: 'BAYES_99,BAYES_999,HTML_MESSAGE,RDNS_NONE,URIBL_BLACK' },
					{ name: 'autolearn', value: 'no' },
					{ name: 'autolearn_force', value: 'no' },
					{ name: 'version', value: '4.0.1' },
				],
			},
			{
				source: 'spamassassin',
				header: 'X-Spam-Score',
				score: 7.1,
				fields: [{ name: 'X-Spam-Score', value: '7.1' }],
			},
			{
				source: 'spamassassin',
				header: 'X-Spam-Flag',
				verdict: 'yes',
				fields: [{ name: 'X-Spam-Flag', value: 'YES' }],
			},
		]);
	});
});

describe('Exim to Exim, with a clock behind', () => {
	const analysis = analyzeHeaders(readHeaderFixture('exim.txt'));

	it('reads Exim’s address literal, its two TLS forms and skips the announced helo', () => {
		expect(analysis.hops.map((h) => [h.from, h.fromIp, h.by, h.with, h.tls, h.tlsCipher])).toEqual([
			[
				'[203.0.113.77]',
				'203.0.113.77',
				'smtp.example.co.uk',
				'esmtpsa',
				'TLS1.3',
				'TLS_AES_128_GCM_SHA256',
			],
			[
				'smtp.example.co.uk',
				'198.51.100.30',
				'mx.example.org',
				'esmtps',
				'TLS1.2',
				'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
			],
			[
				'mx.example.org',
				'10.0.0.5',
				'store1.example.org',
				'esmtps',
				'TLS1.2',
				'ECDHE_RSA_AES_256_GCM_SHA384',
			],
		]);
		expect(analysis.hops.map((h) => [h.id, h.for])).toEqual([
			['1t2AbC-0004xY-1a', 'sarah@example.org'],
			['1t2AbD-00Q7mN-0x', 'sarah@example.org'],
			['1t2AbE-0007Qr-7k', 'sarah@example.org'],
		]);
	});

	it('shows the store’s clock 8 s behind as a negative delay', () => {
		// 14:20:05, 14:20:07, 14:19:59 (all +0000)
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, 2, -8]);
		expect(analysis.totalDelaySeconds).toBe(-6);
		expect(analysis.longestHopIndex).toBe(1);
		expect(analysis.recipientHopIndex).toBe(1);
		expect(analysis.delayBeforeRecipient).toBe('before');
	});

	it('reads iprev, arc=none and a co.uk DKIM selector', () => {
		expect(analysis.auth.map((a) => [a.method, a.result, a.properties])).toEqual([
			['iprev', 'pass', { 'smtp.remote-ip': '198.51.100.30' }],
			['spf', 'pass', { 'smtp.mailfrom': 'example.co.uk' }],
			[
				'dkim',
				'pass',
				{ 'header.d': 'example.co.uk', 'header.s': 'default', 'header.a': 'rsa-sha256' },
			],
			['dmarc', 'pass', { 'header.from': 'example.co.uk' }],
			['arc', 'none', {}],
		]);
		expect(analysis.auth[0]?.comment).toBe('smtp.example.co.uk');
		expect(analysis.dkimSelectors).toEqual([{ domain: 'example.co.uk', selector: 'default' }]);
		expect(analysis.identity.dateIso).toBe('2026-12-01T14:20:01Z');
	});
});

describe('qmail on both ends (LF, no Authentication-Results)', () => {
	const analysis = analyzeHeaders(readHeaderFixture('qmail.txt'));

	it('reads qmail’s local stamp without from or by, and its bare IP comments', () => {
		expect(analysis.hops.map((h) => [h.from, h.fromIp, h.by, h.with])).toEqual([
			[undefined, undefined, undefined, undefined],
			['unknown', '192.0.2.61', 'smtp.example.com', 'SMTP'],
			['smtp.example.com', '192.0.2.62', 'mx.example.net', 'ESMTP'],
			['mx.example.net', '10.0.0.8', 'mailbox.example.net', 'SMTP'],
		]);
		expect(analysis.hops[0]?.raw).toBe(
			'(qmail 24153 invoked by uid 89); 1 Dec 2026 16:42:07 -0000'
		);
	});

	it('reads dates without day of week or seconds', () => {
		// 16:42:07 -0000; 16:42:08; 17:42:40 +0100 = 16:42:40; "16:43 -0000" = 16:43:00
		expect(analysis.hops.map((h) => h.time)).toEqual([
			'2026-12-01T16:42:07Z',
			'2026-12-01T16:42:08Z',
			'2026-12-01T16:42:40Z',
			'2026-12-01T16:43:00Z',
		]);
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, 1, 32, 20]);
		expect(analysis.totalDelaySeconds).toBe(53);
		expect(analysis.longestHopIndex).toBe(2);
	});

	it('finds the recipient’s side from the last server’s domain', () => {
		// mailbox.example.net and mx.example.net share example.net; smtp.example.com does not
		expect(analysis.recipientHopIndex).toBe(2);
		expect(analysis.delayBeforeRecipient).toBe('before');
	});

	it('reads Received-SPF and an ISO-8859-1 base64 subject', () => {
		expect(analysis.auth).toEqual([
			{
				source: 'received-spf',
				method: 'spf',
				result: 'none',
				comment:
					'mx.example.net: domain of shop@example.com does not designate permitted sender hosts',
				properties: {
					'client-ip': '192.0.2.62',
					'envelope-from': '<shop@example.com>',
					helo: 'smtp.example.com',
				},
			},
		]);
		expect(analysis.identity.subject).toBe('Commande n° 42');
		expect(analysis.identity.dateIso).toBe('2026-12-01T16:42:07Z');
	});
});

describe('Yahoo receiving from OVHcloud Hosted Exchange', () => {
	const analysis = analyzeHeaders(readHeaderFixture('yahoo.txt'));

	it('reads Yahoo’s bare addresses and the extra words of its stamps', () => {
		expect(analysis.hops.map((h) => [h.from, h.fromIp, h.by, h.with])).toEqual([
			['example.fr', '37.59.142.98', 'mxplan5.mail.ovh.net', 'Microsoft SMTP Server'],
			['mxplan5.mail.ovh.net', '10.108.1.200', 'mo550.mail-out.ovh.net', 'ESMTPS'],
			['46.105.48.137', '46.105.48.137', '10.217.151.75', 'SMTP'],
			['10.217.151.75', '10.217.151.75', 'atlas322.free.mail.ne1.yahoo.com', 'HTTP'],
		]);
	});

	it('counts the delays; Yahoo’s private-address MX is the recipient’s border', () => {
		// 19:10:29 +0100 = 18:10:29Z, 18:10:30, 18:10:32, 18:10:33
		expect(analysis.hops.map((h) => h.time)).toEqual([
			'2026-12-01T18:10:29Z',
			'2026-12-01T18:10:30Z',
			'2026-12-01T18:10:32Z',
			'2026-12-01T18:10:33Z',
		]);
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, 1, 2, 1]);
		expect(analysis.totalDelaySeconds).toBe(4);
		expect(analysis.longestHopIndex).toBe(2);
		expect(analysis.recipientHopIndex).toBe(2);
		expect(analysis.delayBeforeRecipient).toBe('before');
	});

	it('reads a comment glued to the result and Yahoo’s Received-SPF', () => {
		expect(analysis.auth.map((a) => [a.source, a.method, a.result, a.comment])).toEqual([
			['authentication-results', 'dkim', 'pass', undefined],
			['authentication-results', 'spf', 'pass', undefined],
			['authentication-results', 'dmarc', 'pass', 'p=QUARANTINE'],
			[
				'received-spf',
				'spf',
				'pass',
				'domain of example.fr designates 46.105.48.137 as permitted sender',
			],
		]);
		expect(analysis.auth[2]?.properties).toEqual({ 'header.from': 'example.fr' });
		expect(analysis.dkimSelectors).toEqual([
			{ domain: 'example.fr', selector: 'ovhmo1234567-selector1' },
		]);
	});

	it('reads the OVHcloud verdict and tracer id the sender’s side added', () => {
		expect(analysis.tracerId).toBe('9876543210987654321');
		expect(analysis.spam).toEqual([
			{
				source: 'ovh',
				header: 'X-VR-SPAMSTATE',
				score: -100,
				verdict: 'OK',
				fields: [
					{ name: 'X-VR-SPAMSTATE', value: 'OK' },
					{ name: 'X-VR-SPAMSCORE', value: '-100' },
				],
			},
		]);
	});
});
