import { describe, expect, it, vi } from 'vitest';
import {
	analyzeBounce,
	looksBinary,
	looksLikeMessage,
	MAX_INPUT_BYTES,
} from '../../../src/lib/ndr/analyzeBounce';
import { parse } from './helpers';

describe('analyzeBounce on bad input', () => {
	it('says the box is empty for empty or blank input', async () => {
		expect(await analyzeBounce('', parse)).toEqual({ ok: false, error: 'empty', size: 0 });
		expect(await analyzeBounce(' \n\t ', parse)).toMatchObject({ ok: false, error: 'empty' });
		expect(await analyzeBounce(new Uint8Array(), parse)).toMatchObject({
			ok: false,
			error: 'empty',
		});
	});

	it('refuses binary files before parsing them', async () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 8, ...new Array(200).fill(1)]);
		const spy = vi.fn(parse);
		expect(await analyzeBounce(zip, spy)).toMatchObject({ ok: false, error: 'binary' });
		expect(spy).not.toHaveBeenCalled();
		expect(looksBinary('plain text\r\nwith lines\tand tabs')).toBe(false);
	});

	it('refuses input over the size limit without reading it', async () => {
		const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
		const spy = vi.fn(parse);
		const result = await analyzeBounce(big, spy);
		expect(result).toEqual({ ok: false, error: 'tooLarge', size: 20 * 1024 * 1024 });
		expect(spy).not.toHaveBeenCalled();
		expect(MAX_INPUT_BYTES).toBeLessThan(20 * 1024 * 1024);
	});

	it('counts the size of pasted text in UTF-8 bytes', async () => {
		const result = await analyzeBounce('é'.repeat(10), parse);
		expect(result.size).toBe(20);
	});

	it('falls back to reading the text when the MIME parser throws', async () => {
		const failing = vi.fn(async () => {
			throw new Error('boom');
		});
		const result = await analyzeBounce('Subject: x\n\n550 5.1.1 unknown user', failing);
		expect(result).toMatchObject({ ok: true, mode: 'malformed' });
		if (result.ok) expect(result.report.codes.map((c) => c.code)).toEqual(['5.1.1']);
	});

	it('reads a message with a broken multipart structure without failing', async () => {
		const raw =
			'Content-Type: multipart/report; boundary="x"\n\n--x\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@b.example\nStatus: 5.1.1\n--x\n--y--\n\x7f';
		const result = await analyzeBounce(raw, parse);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.report.codes.map((c) => c.code)).toEqual(['5.1.1']);
	});

	it('keeps markup in headers as text', async () => {
		const raw =
			'From: <img src=x onerror=alert(1)>@evil.example\nSubject: <script>alert(1)</script>\n\n550 5.1.1 <b>nobody</b>@example.org';
		const result = await analyzeBounce(raw, parse);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.report.subject).toBe('<script>alert(1)</script>');
			expect(result.report.codes.map((c) => c.code)).toEqual(['5.1.1']);
		}
	});

	it('reads an 8-bit ISO-8859-1 body from a dropped file', async () => {
		const raw =
			'Subject: Mancato recapito\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nIl messaggio non \u00e8 stato recapitato a mario@esempio.it\nIl server ha risposto: 550 5.1.1 utente sconosciuto\n';
		const bytes = Uint8Array.from(raw, (c) => c.charCodeAt(0));
		expect(bytes.includes(0xe8)).toBe(true);
		const result = await analyzeBounce(bytes, parse);
		expect(result).toMatchObject({ ok: true, mode: 'mime' });
		if (result.ok) {
			expect(result.report.codes.map((c) => c.code)).toEqual(['5.1.1']);
			expect(result.report.recipients.map((r) => r.address)).toEqual(['mario@esempio.it']);
		}
	});

	it('tells messages from pasted fragments', () => {
		expect(looksLikeMessage('Return-Path: <>\nFrom: a')).toBe(true);
		expect(looksLikeMessage('Delivery has failed to these recipients')).toBe(false);
		expect(looksLikeMessage('https://example.com: is a link')).toBe(false);
	});
});
