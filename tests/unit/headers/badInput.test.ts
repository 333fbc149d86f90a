/** What a person may paste instead of headers: clear kinds and warnings, never an exception. */
import { describe, expect, it } from 'vitest';
import { analyzeHeaders } from '../../../src/lib/headers/analyzeHeaders';
import { readHeaderFixture } from './helpers';

describe('bad input', () => {
	it('calls a message body without header lines no-headers', () => {
		const body = 'Hello John,\n\nThe meeting: tomorrow at 10.\nReceived: not a header here\n';
		expect(analyzeHeaders(body).kind).toBe('no-headers');
		expect(analyzeHeaders('').kind).toBe('no-headers');
		expect(analyzeHeaders('\n\n   \n').kind).toBe('no-headers');
		// A colon line alone is not enough: its name is not a header's.
		expect(analyzeHeaders('Note: call me back\nThanks').kind).toBe('no-headers');
	});

	it('calls text with NUL bytes or mostly control characters binary', () => {
		expect(analyzeHeaders('PK\u0003\u0004\u0000\u0000Received: x').kind).toBe('binary');
		const controls = 'Received: x\n' + '\u0001\u0002\u0003\u0004'.repeat(20);
		expect(analyzeHeaders(controls).kind).toBe('binary');
		const decodedImage = '\ufffd\ufffdJFIF\ufffd\ufffd\ufffd\ufffd';
		expect(analyzeHeaders(decodedImage).kind).toBe('binary');
	});

	it('keeps HTML and a few control characters as data, with a warning', () => {
		const text =
			'Subject: <script>alert(1)</script> <b>bold</b>\r\n' +
			'From: "Eve\u0007" <eve@example.com>\r\n' +
			'Received: from a (b [192.0.2.1]) by mx.example.net; Tue, 1 Dec 2026 10:00:00 +0000\r\n';
		const analysis = analyzeHeaders(text);
		expect(analysis.kind).toBe('headers');
		expect(analysis.identity.subject).toBe('<script>alert(1)</script> <b>bold</b>');
		expect(analysis.identity.from).toBe('"Eve\u0007" <eve@example.com>');
		expect(analysis.warnings).toEqual([{ key: 'controlCharacters', params: { count: 1 } }]);
	});

	it('warns about a Received without a date and skips it in the delays', () => {
		const text = [
			'Received: by mx2.example.net with ESMTP; Tue, 1 Dec 2026 10:05:00 +0000',
			'Received: from relay.example.com by mx1.example.net with SMTP id 42',
			'Received: from client by relay.example.com; Tue, 1 Dec 2026 10:00:00 +0000',
		].join('\n');
		const analysis = analyzeHeaders(text);
		expect(analysis.hops.map((h) => h.time)).toEqual([
			'2026-12-01T10:00:00Z',
			undefined,
			'2026-12-01T10:05:00Z',
		]);
		// 10:05:00 - 10:00:00, counted over the hop without a time
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, undefined, 300]);
		expect(analysis.totalDelaySeconds).toBe(300);
		expect(analysis.longestHopIndex).toBe(2);
		expect(analysis.warnings).toEqual([{ key: 'receivedWithoutDate', params: { hop: 2 } }]);
	});

	it('warns about an unreadable date and a date without zone', () => {
		const text = [
			'Received: by c.example.net; Tue, 1 Dec 2026 10:00:00',
			'Received: by b.example.net; yesterday at noon',
		].join('\n');
		const analysis = analyzeHeaders(text);
		expect(analysis.warnings).toEqual([
			{ key: 'receivedBadDate', params: { hop: 1, date: 'yesterday at noon' } },
			{ key: 'receivedZoneMissing', params: { hop: 2 } },
		]);
		expect(analysis.hops[1]?.time).toBe('2026-12-01T10:00:00Z');
	});

	it('shows a negative delay where two servers’ clocks disagree', () => {
		const text = [
			'Received: by mx.example.net; Tue, 1 Dec 2026 09:59:30 +0000',
			'Received: by relay.example.com; Tue, 1 Dec 2026 10:00:00 +0000',
		].join('\n');
		const analysis = analyzeHeaders(text);
		expect(analysis.hops.map((h) => h.delaySeconds)).toEqual([undefined, -30]);
		expect(analysis.totalDelaySeconds).toBe(-30);
		expect(analysis.longestHopIndex).toBeUndefined();
	});

	it('reads 1 MB of Received headers, keeping the newest 500 hops', () => {
		const line =
			'Received: from a.example.com (a.example.com [192.0.2.1]) by b.example.net with ESMTPS id 4XkT9b0Gq3z4wXy; Tue, 1 Dec 2026 10:00:00 +0000\n';
		const analysis = analyzeHeaders(line.repeat(9_000)); // 9 000 x 137 characters: 1.18 MB
		expect(analysis.hops).toHaveLength(500);
		expect(analysis.warnings).toEqual([
			{ key: 'tooManyReceived', params: { limit: 500, count: 9_000 } },
		]);
		expect(analysis.hops[499]).toMatchObject({
			from: 'a.example.com',
			by: 'b.example.net',
			time: '2026-12-01T10:00:00Z',
			delaySeconds: 0,
		});
		expect(analysis.totalDelaySeconds).toBe(0);
		expect(analysis.longestHopIndex).toBeUndefined();
	});

	it('reads 1 MB made of real header sets one after another as the first set', () => {
		const block = readHeaderFixture('gmail.txt').split('\n\n')[0]! + '\n';
		const analysis = analyzeHeaders(block.repeat(Math.ceil(1024 ** 2 / block.length)));
		expect(analysis.kind).toBe('headers');
		expect(analysis.identity.subject).toBe('Réunion de décembre');
		expect(analysis.hops).toHaveLength(500);
		expect(analysis.auth[0]).toMatchObject({ authservId: 'mx.google.com', method: 'dkim' });
	});

	it('cuts a field longer than 64 kB and says which', () => {
		const analysis = analyzeHeaders('Subject: ' + 'a'.repeat(100_000) + '\nTo: x@example.com\n');
		// " aaa…" cut at 65 536 characters, then its leading space trimmed
		expect(analysis.identity.subject).toHaveLength(65_535);
		expect(analysis.identity.to).toBe('x@example.com');
		expect(analysis.warnings).toEqual([
			{ key: 'fieldTooLong', params: { field: 'Subject', limit: 65_536 } },
		]);
	});

	it('stops after 10 000 fields and says so', () => {
		const analysis = analyzeHeaders('X-A: 1\n'.repeat(10_001) + 'Subject: late\n');
		expect(analysis.identity.subject).toBeUndefined();
		expect(analysis.warnings).toEqual([{ key: 'truncated', params: { limit: 4 * 1024 * 1024 } }]);
	});
});
