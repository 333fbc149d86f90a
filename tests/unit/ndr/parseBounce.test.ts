import { describe, expect, it } from 'vitest';
import { analyzeBounce } from '../../../src/lib/ndr/analyzeBounce';
import { parseBounce } from '../../../src/lib/ndr/parseBounce';
import { parse, readFixture, readFixtureText } from './helpers';

async function report(name: string) {
	const result = await analyzeBounce(readFixture(name), parse);
	if (!result.ok) throw new Error(`${name}: ${result.error}`);
	return result;
}

describe('parseBounce on real-world shapes of bounces', () => {
	it('reads an Exchange Online NDR: vendor code, recipient, generating server', async () => {
		const { report: r, mode } = await report('exchange-online.eml');
		expect(mode).toBe('mime');
		expect(r.codes.map((c) => c.code)).toEqual(['5.1.10']);
		expect(r.codes[0]).toMatchObject({ replies: ['550'], recipients: ['ghost@contoso.example'] });
		expect(r.codes[0].origins).toEqual(expect.arrayContaining(['status', 'diagnostic', 'text']));
		expect(r.reportingMta).toBe('AM0PR01MB1234.eurprd01.prod.exchangelabs.com');
		expect(r.recipients.map((x) => x.address)).toEqual(['ghost@contoso.example']);
	});

	it('ignores codes inside the returned original message', async () => {
		const { report: r } = await report('exchange-online.eml');
		expect(r.codes.map((c) => c.code)).not.toContain('4.4.7');
		expect(r.codes.map((c) => c.code)).not.toContain('5.2.2');
		const exim = await report('exim.eml');
		expect(exim.report.codes.map((c) => c.code)).toEqual(['5.7.1']);
	});

	it('reads a Postfix report with its Remote-MTA and leaves the sender out of the recipients', async () => {
		const { report: r } = await report('postfix.eml');
		expect(r.codes.map((c) => c.code)).toEqual(['5.2.2']);
		expect(r.codes[0].replies).toEqual(['552']);
		expect(r.reportingMta).toBe('mail.example.net');
		expect(r.remoteMtas).toEqual(['mx.example.org']);
		expect(r.recipients).toEqual([
			expect.objectContaining({
				address: 'bob@example.org',
				action: 'failed',
				status: '5.2.2',
				remoteMta: 'mx.example.org',
			}),
		]);
	});

	it('reads an Exim bounce without a DSN part: recipient, remote host, reporting host from the sender', async () => {
		const { report: r } = await report('exim.eml');
		expect(r.recipients.map((x) => x.address)).toEqual(['carol@example.net']);
		expect(r.remoteMtas).toEqual(['mx.example.net']);
		expect(r.reportingMta).toBe('srv1.example.com');
	});

	it('reads a Gmail bounce whose HTML part is base64', async () => {
		const { report: r } = await report('gmail.eml');
		expect(r.codes.map((c) => c.code)).toEqual(['5.1.1']);
		expect(r.reportingMta).toBe('googlemail.com');
		expect(r.remoteMtas).toEqual(['mx.example.com']);
		expect(r.recipients.map((x) => x.address)).toEqual(['dave@example.com']);
	});

	it('reads a French ISO-8859-1 delay notice (class 4) and decodes its subject', async () => {
		const { report: r } = await report('ovh-fr.eml');
		expect(r.subject).toBe('Avis de remise différée');
		expect(r.codes.map((c) => c.code)).toEqual(['4.4.1']);
		expect(r.recipients).toEqual([
			expect.objectContaining({ address: 'eve@exemple.fr', action: 'delayed' }),
		]);
		expect(r.reportingMta).toBe('mo123.mail-out.ovh.net');
		expect(r.remoteMtas).toEqual(['mx.exemple.fr']);
	});

	it('opens an Italian windows-1252 bounce forwarded inside message/rfc822', async () => {
		const result = await report('italian-forwarded.eml');
		expect(result.nested).toBe(1);
		expect(result.report.codes.map((c) => c.code)).toEqual(['5.2.2']);
		expect(result.report.recipients.map((x) => x.address)).toEqual(['franco@esempio.it']);
		expect(result.report.reportingMta).toBe('smtp.esempio-posta.it');
	});

	it('reads a DSN with several recipients and puts the specific code before "Status: 5.0.0"', async () => {
		const { report: r } = await report('multi-recipient.eml');
		expect(r.codes.map((c) => c.code)).toEqual(['5.1.1', '5.7.606', '4.4.7', '5.0.0']);
		expect(r.recipients.map((x) => [x.address, x.action, x.status])).toEqual([
			['alice@example.com', 'failed', '5.1.1'],
			['bruno@contoso.example', 'failed', '5.0.0'],
			['chiara@lento.example', 'delayed', '4.4.7'],
		]);
		expect(r.codes.find((c) => c.code === '5.7.606')?.recipients).toEqual([
			'bruno@contoso.example',
		]);
		expect(r.reportingMta).toBe('mx1.mail.ovh.net');
	});

	it('reads text pasted without headers', async () => {
		const result = await analyzeBounce(readFixtureText('pasted-exchange.txt'), parse);
		expect(result).toMatchObject({ ok: true, mode: 'plain' });
		if (!result.ok) return;
		expect(result.report.codes.map((c) => c.code)).toEqual(['5.7.509']);
		expect(result.report.recipients.map((x) => x.address)).toEqual(['frank@partner.example']);
		expect(result.report.reportingMta).toBe('PR3P190MB0891.EURP190.PROD.OUTLOOK.COM');
	});

	it('reports bare SMTP replies when no enhanced code is given', () => {
		const r = parseBounce(
			'<x@example.org>: host mx.example.org[192.0.2.1] said:\n550 Requested action not taken: mailbox unavailable'
		);
		expect(r.codes).toEqual([]);
		expect(r.replies).toEqual(['550']);
		expect(r.remoteMtas).toEqual(['mx.example.org']);
	});
});
