import { describe, expect, it } from 'vitest';
import { checkMx } from '../../../src/lib/checks/checkMx';
import { errorVerdict } from '../../../src/lib/checks/errorVerdict';
import { reportText } from '../../../src/lib/checks/reportText';
import type { Message } from '../../../src/lib/checks/types';
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
