/**
 * A bounce that is one HTML part and nothing else, as Exchange Online sends some of its NDRs: no
 * text/plain alternative, no message/delivery-status part. Everything the analyzer says must come
 * from the HTML, and the copy of the original headers at its end must not add codes.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBounce } from '../../../src/lib/ndr/analyzeBounce';
import { parse, readFixture } from './helpers';

describe('an HTML-only Exchange Online bounce', () => {
	it('gives the code and reply of the recipient from the HTML, entities decoded', async () => {
		// "Remote Server returned &#39;550 5.1.10 …&#39;": the reply is found after the decoded quote.
		const result = await analyzeBounce(readFixture('exchange-online-html-only.eml'), parse);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.mode).toBe('mime');
		expect(result.report.codes.map((c) => c.code)).toEqual(['5.1.10']);
		expect(result.report.codes[0]!.replies).toEqual(['550']);
	});

	it('names the server that wrote the report and the failed recipient', async () => {
		const result = await analyzeBounce(readFixture('exchange-online-html-only.eml'), parse);
		if (!result.ok) throw new Error(result.error);
		expect(result.report.reportingMta).toBe('DB9PR02MB5678.eurprd02.prod.outlook.com');
		expect(result.report.recipients.map((r) => r.address)).toContain('ghost@contoso.example');
	});

	it('takes no code from the quoted original headers', async () => {
		const result = await analyzeBounce(readFixture('exchange-online-html-only.eml'), parse);
		if (!result.ok) throw new Error(result.error);
		// The version number in the quoted X-Mailer header (16.0.5.2.7) is no code of the report.
		expect(result.report.codes.map((c) => c.code)).not.toContain('5.2.7');
	});
});
