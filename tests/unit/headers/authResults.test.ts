/** Authentication-Results (RFC 8601), ARC (RFC 8617), Received-SPF (RFC 7208 §9.1), DKIM-Signature. */
import { describe, expect, it } from 'vitest';
import { analyzeHeaders } from '../../../src/lib/headers/analyzeHeaders';
import {
	parseArcAuthenticationResults,
	parseAuthenticationResults,
	parseReceivedSpf,
	readDkimSignature,
} from '../../../src/lib/headers/authResults';
import { readHeaderFixture } from './helpers';

describe('parseAuthenticationResults', () => {
	it('reads RFC 8601’s examples: an authserv-id with a version and no result', () => {
		// RFC 8601 appendix B.2: "Authentication-Results: example.org 1; none"
		expect(parseAuthenticationResults('example.org 1; none')).toEqual({
			authservId: 'example.org',
			results: [],
		});
	});

	it('reads method versions, comments around "=" and properties', () => {
		const { authservId, results } = parseAuthenticationResults(
			'example.com (a comment); dkim/1 (c) = (c) pass (good signature) header.d = example.com header.b=Ab/+='
		);
		expect(authservId).toBe('example.com');
		expect(results).toEqual([
			{
				source: 'authentication-results',
				authservId: 'example.com',
				method: 'dkim',
				result: 'pass',
				comment: 'good signature',
				properties: { 'header.d': 'example.com', 'header.b': 'Ab/+=' },
			},
		]);
	});

	it('keeps a ";" inside a quoted reason or a comment', () => {
		const { results } = parseAuthenticationResults(
			'mx.example.net; dkim=fail reason="bad; signature" (see; later) header.d=example.com; spf=pass'
		);
		expect(results.map((r) => [r.method, r.result, r.properties.reason])).toEqual([
			['dkim', 'fail', 'bad; signature'],
			['spf', 'pass', undefined],
		]);
	});

	it('reads results in any case as lower case', () => {
		const { results } = parseAuthenticationResults(
			'mx.example.net; SPF=SoftFail smtp.MailFrom=a@b'
		);
		expect(results[0]).toMatchObject({
			method: 'spf',
			result: 'softfail',
			properties: { 'smtp.mailfrom': 'a@b' },
		});
	});

	it('survives a value that is only separators or an unterminated quote or comment', () => {
		expect(parseAuthenticationResults(';;;').results).toEqual([]);
		expect(parseAuthenticationResults('x; dkim=pass reason="open').results[0]).toMatchObject({
			method: 'dkim',
			properties: { reason: 'open' },
		});
		expect(parseAuthenticationResults('x; spf=pass (open').results[0]?.comment).toBe('open');
	});
});

describe('ARC-Authentication-Results', () => {
	it('reads the instance and the authserv-id', () => {
		expect(
			parseArcAuthenticationResults('i=2; mx.microsoft.com 1; spf=pass smtp.mailfrom=example.com')
		).toEqual({
			instance: 2,
			results: [
				{
					source: 'arc',
					authservId: 'mx.microsoft.com',
					instance: 2,
					method: 'spf',
					result: 'pass',
					properties: { 'smtp.mailfrom': 'example.com' },
				},
			],
		});
	});

	it('takes the highest instance, wherever it stands', () => {
		const analysis = analyzeHeaders(
			[
				'ARC-Authentication-Results: i=1; lists.example.org; dkim=pass header.d=example.com',
				'ARC-Authentication-Results: i=3; mx.google.com; arc=pass (i=2 spf=pass)',
				'ARC-Authentication-Results: i=2; relay.example.net; dmarc=fail header.from=example.com',
			].join('\n')
		);
		expect(analysis.auth).toEqual([
			{
				source: 'arc',
				authservId: 'mx.google.com',
				instance: 3,
				method: 'arc',
				result: 'pass',
				comment: 'i=2 spf=pass',
				properties: {},
			},
		]);
	});
});

describe('Received-SPF', () => {
	it('reads RFC 7208’s example', () => {
		// RFC 7208 §9.1
		expect(
			parseReceivedSpf(
				'pass (mybox.example.org: domain of myname@example.com designates 192.0.2.1 as permitted sender) receiver=mybox.example.org; client-ip=192.0.2.1; envelope-from="myname@example.com"; helo=foo.example.com;'
			)
		).toEqual({
			source: 'received-spf',
			method: 'spf',
			result: 'pass',
			comment:
				'mybox.example.org: domain of myname@example.com designates 192.0.2.1 as permitted sender',
			properties: {
				receiver: 'mybox.example.org',
				'client-ip': '192.0.2.1',
				'envelope-from': 'myname@example.com',
				helo: 'foo.example.com',
			},
		});
	});

	it('reads a bare result and refuses a value without one', () => {
		expect(parseReceivedSpf('SoftFail')).toEqual({
			source: 'received-spf',
			method: 'spf',
			result: 'softfail',
			properties: {},
		});
		expect(parseReceivedSpf('(only a comment)')).toBeUndefined();
	});
});

describe('readDkimSignature', () => {
	it('reads d= and s= with folding inside the values', () => {
		expect(
			readDkimSignature('v=1; a=rsa-sha256; d=Example.COM;\r\n s=ovhex123456-\r\n selector1; b=abc')
		).toEqual({ domain: 'example.com', selector: 'ovhex123456-selector1' });
	});

	it('needs both tags', () => {
		expect(readDkimSignature('v=1; d=example.com; b=abc')).toBeUndefined();
	});

	it('lists every signature once, in header order', () => {
		const analysis = analyzeHeaders(
			[
				'DKIM-Signature: v=1; d=example.com; s=s2; b=x',
				'DKIM-Signature: v=1; d=esp.example.net; s=k1; b=y',
				'DKIM-Signature: v=1; d=example.com; s=s2; b=z',
			].join('\n')
		);
		expect(analysis.dkimSelectors).toEqual([
			{ domain: 'example.com', selector: 's2' },
			{ domain: 'esp.example.net', selector: 'k1' },
		]);
	});
});

describe('the recipient’s border from ARC when Authentication-Results has no authserv-id', () => {
	it('matches mx.microsoft.com to Exchange Online Protection’s hop, before a hybrid on-premises server', () => {
		const analysis = analyzeHeaders(
			[
				'Received: from AM2PEPF0001.mail.protection.outlook.com (10.167.16.1) by EXCH01.corp.contoso.com (10.0.0.10) with Microsoft SMTP Server (TLS) id 15.2.1544.4; Tue, 1 Dec 2026 10:00:09 +0000',
				'ARC-Authentication-Results: i=1; mx.microsoft.com 1; spf=pass smtp.mailfrom=example.com',
				'Authentication-Results: spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=example.com',
				'Received: from mail.example.com (192.0.2.7) by AM2PEPF0001.mail.protection.outlook.com (10.167.16.1) with Microsoft SMTP Server id 15.20.1.1; Tue, 1 Dec 2026 10:00:08 +0000',
				'Received: from laptop (unknown [198.51.100.4]) by mail.example.com (Postfix) with ESMTPSA id 1; Tue, 1 Dec 2026 09:58:00 +0000',
			].join('\n')
		);
		// hops: mail.example.com (09:58:00), protection.outlook.com (10:00:08, +128 s), EXCH01 (+1 s);
		// from the last server's domain alone the border would be EXCH01 (index 2)
		expect(analysis.recipientHopIndex).toBe(1);
		expect(analysis.longestHopIndex).toBe(1);
		expect(analysis.delayBeforeRecipient).toBe('before');
	});
});

describe('Exchange Online’s variants', () => {
	it('skips the tenant name Exchange Online writes between results', () => {
		const { authservId, results } = parseAuthenticationResults(
			'spf=pass (sender IP is 192.0.2.3)\r\n smtp.mailfrom=example.com; contoso.onmicrosoft.com; dkim=pass (signature was\r\n verified) header.d=example.com;contoso.onmicrosoft.com; dmarc=pass\r\n action=none header.from=example.com;compauth=pass reason=100'
		);
		expect(authservId).toBeUndefined();
		expect(results.map((r) => [r.method, r.result, r.comment])).toEqual([
			['spf', 'pass', 'sender IP is 192.0.2.3'],
			['dkim', 'pass', 'signature was verified'],
			['dmarc', 'pass', undefined],
			['compauth', 'pass', undefined],
		]);
	});

	it('reads a property glued to the comment before it', () => {
		const { results } = parseAuthenticationResults(
			'spf=softfail (sender IP is 192.0.2.3)smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=example.com;compauth=fail reason=000'
		);
		expect(results.map((r) => [r.method, r.result, r.properties])).toEqual([
			['spf', 'softfail', { 'smtp.mailfrom': 'example.com' }],
			['dkim', 'none', { 'header.d': 'none' }],
			['dmarc', 'fail', { action: 'oreject', 'header.from': 'example.com' }],
			['compauth', 'fail', { reason: '000' }],
		]);
	});
});

describe('an Authentication-Results written on the sender’s side', () => {
	const sentByOvhcloud = [
		'Received: from relay.example.net (relay.example.net [192.0.2.80]) by mail.example.org (Postfix) with ESMTPS id 9A; Tue, 1 Dec 2026 10:00:09 +0000',
		'Received: from mxplan5.mail.ovh.net (unknown [10.109.156.124]) by mo529.mail-out.ovh.net (Postfix) with ESMTPS id 09; Tue, 1 Dec 2026 10:00:05 +0000',
		'Received: from example.fr (37.59.142.102) by DAG4EX1.mxp5.local (172.16.2.31) with Microsoft SMTP Server id 15.1.2375.17; Tue, 1 Dec 2026 11:00:04 +0100',
		'Authentication-Results: garm.ovh; auth=pass (GARM-102R004) smtp.auth=jean@example.fr',
		'From: jean@example.fr',
	].join('\n');

	it('is flagged: it stands below every hop and names none of their servers', () => {
		const analysis = analyzeHeaders(sentByOvhcloud);
		// no hop is by garm.ovh: the border comes from the last server's domain, example.org (hop 2)
		expect(analysis.recipientHopIndex).toBe(2);
		expect(analysis.auth.map((a) => [a.authservId, a.method, a.result])).toEqual([
			['garm.ovh', 'auth', 'pass'],
		]);
		expect(analysis.authBeforeRecipient).toBe(true);
	});

	it('is not flagged in the real-looking sets, where the recipient’s server wrote it', () => {
		for (const name of [
			'gmail.txt',
			'exchange-online.txt',
			'ovhcloud.txt',
			'postfix.txt',
			'exim.txt',
			'yahoo.txt',
		]) {
			expect(analyzeHeaders(readHeaderFixture(name)).authBeforeRecipient, name).toBeUndefined();
		}
	});
});
