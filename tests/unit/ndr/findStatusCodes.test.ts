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
});
