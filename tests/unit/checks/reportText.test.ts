import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMx } from '../../../src/lib/checks/checkMx';
import { errorVerdict } from '../../../src/lib/checks/errorVerdict';
import { reportText } from '../../../src/lib/checks/reportText';
import { summaryMessage } from '../../../src/lib/checks/summary';
import type { Message, Verdict } from '../../../src/lib/checks/types';
import { format } from '../../../src/lib/i18n/format';
import { CONTENT } from '../helpers';
import { mxResponse, provider } from '../helpers/dnsMessages';

const t = (m: Message) => `${m.key}${m.params ? JSON.stringify(m.params) : ''}`;

describe('reportText', () => {
	it('lists each check with status, message, expected, found with TTL, fix, then the zone and the link', () => {
		const mx = checkMx({
			provider,
			offer: 'hosted',
			setup: 'exchange-only',
			response: mxResponse('example.com', ['mx.other.example']),
		});
		const text = reportText(
			{
				title: 'Report',
				lines: ['line'],
				checks: [
					{ heading: 'MX', verdict: mx, resolverLine: 'answered by X' },
					{
						heading: 'SRV',
						verdict: errorVerdict(provider, 'srv', 'timeout'),
						resolverLine: 'nobody',
					},
				],
				zoneTitle: 'Zone',
				zone: ['example.com. IN MX 10 mx0.mail.ovh.net.'],
				permalink: 'https://site/en/dns/?domain=example.com',
				label: (text) => `${text} : `,
			},
			t
		);
		expect(text).toContain('[dns.status.fail] MX');
		expect(text).toContain('dns.report.expected : mx0.mail.ovh.net');
		expect(text).toContain('dns.report.found : 10 mx.other.example (dns.report.ttl{"ttl":"3600"})');
		expect(text).toContain('dns.report.fix : dns.fix.mxForeign');
		expect(text).toContain('[dns.status.error] SRV');
		expect(text).not.toContain('dns.report.found : dns.report.nothingFound');
		expect(text.trim().split('\n').at(-1)).toBe('https://site/en/dns/?domain=example.com');
	});
});

describe('summaryMessage', () => {
	const verdict = (status: Verdict['status']): Verdict => ({
		...errorVerdict(provider, 'mx', 'timeout'),
		status,
	});
	it('counts pass, to fix (fail and warn), could not run and not run', () => {
		expect(
			summaryMessage(
				['pass', 'fail', 'warn', 'error', 'skip', 'pass'].map((s) =>
					verdict(s as Verdict['status'])
				)
			)
		).toEqual({
			key: 'dns.report.summary',
			params: { total: 6, pass: 2, fix: 2, error: 1, skip: 1 },
		});
	});

	it('reads as a sentence in each language', () => {
		const en = JSON.parse(readFileSync(join(CONTENT, 'i18n', 'en.json'), 'utf8'));
		const fr = JSON.parse(readFileSync(join(CONTENT, 'i18n', 'fr.json'), 'utf8'));
		const params = summaryMessage(
			['pass', 'fail', 'error'].map((s) => verdict(s as Verdict['status']))
		).params!;
		expect(format(en['dns.report.summary'], params, 'en')).toBe(
			'Of 3 checks: 1 is correct, 1 needs fixing or checking, 1 could not run.'
		);
		expect(format(fr['dns.report.summary'], { ...params, skip: 2 }, 'fr')).toBe(
			'Sur 3 vérifications\u00a0: 1 correcte, 1 à corriger ou à vérifier, 1 impossible, 2 non lancées.'
		);
	});
});
