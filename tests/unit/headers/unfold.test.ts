/** Finding the header block and unfolding it (RFC 5322 §2.2, §2.2.3). */
import { describe, expect, it } from 'vitest';
import { isBinaryText, MAX_HEADER_CHARS, readHeaderBlock } from '../../../src/lib/headers/unfold';

const values = (text: string) => readHeaderBlock(text).fields.map((f) => [f.name, f.value]);

describe('readHeaderBlock', () => {
	it('unfolds by removing the line break only, and stops at the first empty line', () => {
		expect(
			values('Subject: one\r\n two\r\n\tthree\r\nTo: a@b\r\n\r\nBody: not a header\r\n')
		).toEqual([
			['Subject', 'one two\tthree'],
			['To', 'a@b'],
		]);
	});

	it('reads LF and CR-only line ends alike', () => {
		expect(values('Subject: x\n y\nTo: a@b\n')).toEqual([
			['Subject', 'x y'],
			['To', 'a@b'],
		]);
		expect(values('Subject: x\r y\rTo: a@b\r\rBody')).toEqual([
			['Subject', 'x y'],
			['To', 'a@b'],
		]);
	});

	it('skips leading empty lines, a byte-order mark and an mbox From line', () => {
		expect(
			values('\uFEFF\n\nFrom MAILER-DAEMON Tue Dec  1 10:00:00 2026\nFrom: a@b\nTo: c@d\n')
		).toEqual([
			['From', 'a@b'],
			['To', 'c@d'],
		]);
	});

	it('removes the indent of a block copied with every line indented', () => {
		const pasted = [
			'    Received: from a.example.com',
			'        by b.example.net; Tue, 1 Dec 2026 10:00:00 +0000',
			'    Subject: hello',
			'    X-Spam-Flag: NO',
		].join('\n');
		expect(values(pasted)).toEqual([
			['Received', 'from a.example.com    by b.example.net; Tue, 1 Dec 2026 10:00:00 +0000'],
			['Subject', 'hello'],
			['X-Spam-Flag', 'NO'],
		]);
	});

	it('joins a line whose folding was lost in a copy to the field above', () => {
		expect(
			values('Received: from a.example.com\nby b.example.net; 1 Dec 2026 10:00 +0000\nTo: x@y')
		).toEqual([
			['Received', 'from a.example.com by b.example.net; 1 Dec 2026 10:00 +0000'],
			['To', 'x@y'],
		]);
	});

	it('accepts obsolete white space before the colon (RFC 5322 §4.5)', () => {
		expect(values('Subject : hi\nTo:a@b')).toEqual([
			['Subject', 'hi'],
			['To', 'a@b'],
		]);
	});

	it('ends the block at a line of blanks', () => {
		expect(values('Subject: hi\n   \nTo: a@b')).toEqual([['Subject', 'hi']]);
	});

	it('cuts a block longer than the limit and says so', () => {
		const line = 'X-Filler: ' + 'a'.repeat(1000) + '\n';
		const block = readHeaderBlock(line.repeat(Math.ceil(MAX_HEADER_CHARS / line.length) + 10));
		expect(block.truncated).toBe(true);
		expect(block.fields.length).toBeLessThan(MAX_HEADER_CHARS / line.length + 2);
	});

	it('counts control characters and keeps them', () => {
		const block = readHeaderBlock('Subject: a\u0001b\u001b[31m\nTo: a@b');
		expect(block.controlCharacters).toBe(2);
		expect(block.fields[0]?.value).toBe('a\u0001b\u001b[31m');
	});
});

describe('isBinaryText', () => {
	it('tells text from files that are not text', () => {
		expect(isBinaryText('Subject: café\tok\r\n')).toBe(false);
		expect(isBinaryText('\u0000')).toBe(true);
		expect(isBinaryText('%PDF-1.7\n' + '\u0002\u0003'.repeat(10))).toBe(true);
		// one control character in 20 is 5 %: kept as text
		expect(isBinaryText('Subject: abcdefghij\u0007klmnopqrs')).toBe(false);
	});
});
