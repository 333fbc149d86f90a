import { describe, expect, it } from 'vitest';
import { decode } from '@leichtgewicht/dns-packet';
import { runDnsCheck } from '../../../src/lib/dns/runDnsCheck';
import type { FetchLike } from '../../../src/lib/dns/queryDoh';
import { normalizeDomain } from '../../../src/lib/dns/normalizeDomain';
import { fromBase64Url } from '../../../src/lib/dns/wire';
import { a, cname, CURRENT, mx, provider, responseBytes, srv } from '../helpers/dnsMessages';

type Zone = Record<string, Parameters<typeof responseBytes>[2]>;

/** A fake resolver over a tiny zone, keyed `name TYPE`; unknown names are NXDOMAIN. */
function zoneFetch(zone: Zone, log: string[] = []): FetchLike {
	return async (input) => {
		const q = decode(fromBase64Url(new URL(input).searchParams.get('dns')!)).questions![0]!;
		const key = `${q.name} ${q.type}`;
		log.push(key);
		const answers = zone[key];
		const exists = Object.keys(zone).some((k) => k.startsWith(`${q.name} `));
		return new Response(
			responseBytes(q.name, q.type as 'MX', answers ?? [], exists ? 'NOERROR' : 'NXDOMAIN'),
			{ status: 200 }
		);
	};
}

const domain = (text: string) => {
	const result = normalizeDomain(text);
	if (!result.ok) throw new Error(result.error);
	return result.domain;
};
const resolver = { id: 'custom' as const, url: 'http://127.0.0.1:1/dns-query' };

describe('runDnsCheck', () => {
	it('asks MX and SRV in parallel and judges both', async () => {
		const log: string[] = [];
		const d = 'good.example';
		const zone: Zone = {
			[`${d} MX`]: CURRENT.map((h) => mx(d, h)),
			[`_autodiscover._tcp.${d} SRV`]: [srv(`_autodiscover._tcp.${d}`, 'ex5.mail.ovh.net')],
		};
		const report = await runDnsCheck(
			{ provider, domain: domain(d), offer: 'hosted', server: 'ex5.mail.ovh.net', resolver },
			{ fetch: zoneFetch(zone, log) }
		);
		expect(report.verdicts.get('mx')!.status).toBe('pass');
		expect(report.verdicts.get('srv')!.status).toBe('pass');
		// The SRV check needs the MX answer too: asked once for both checks.
		expect(log.sort()).toEqual([`${d} MX`, `_autodiscover._tcp.${d} SRV`].sort());
		expect(
			report.lookups.every((l) => l.answeredBy?.id === 'custom' && l.fetchedAt instanceof Date)
		).toBe(true);
		expect(report.setupInferred).toBe(true);
		expect(report.zone).toHaveLength(6);
	});

	it('looks up unknown MX hosts once more to find aliases', async () => {
		const d = 'cname.example';
		const zone: Zone = {
			[`${d} MX`]: [mx(d, `mail.${d}`)],
			[`mail.${d} A`]: [cname(`mail.${d}`, 'mx1.mail.ovh.net'), a('mx1.mail.ovh.net', '192.0.2.1')],
		};
		const report = await runDnsCheck(
			{ provider, domain: domain(d), offer: 'hosted', resolver },
			{ fetch: zoneFetch(zone) }
		);
		expect(report.verdicts.get('mx')!.message.key).toBe('dns.mx.cname');
		expect(report.verdicts.get('srv')!.message.key).toBe('dns.srv.none');
	});

	it('reports a missing domain on both checks', async () => {
		const report = await runDnsCheck(
			{ provider, domain: domain('nope.example'), offer: 'hosted', resolver },
			{ fetch: zoneFetch({}) }
		);
		expect(report.verdicts.get('mx')!.message.key).toBe('dns.mx.nxdomain');
		expect(report.verdicts.get('srv')!.message.key).toBe('dns.srv.nxdomain');
	});

	it('asks international names in punycode', async () => {
		const log: string[] = [];
		await runDnsCheck(
			{ provider, domain: domain('bücher.example'), offer: 'hosted', resolver },
			{ fetch: zoneFetch({}, log) }
		);
		expect(log[0]).toBe('xn--bcher-kva.example MX');
	});

	it('turns resolver failures into "could not check" verdicts', async () => {
		const fetch: FetchLike = async () => new Response('<html>', { status: 200 });
		const report = await runDnsCheck(
			{ provider, domain: domain('x.example'), offer: 'hosted', resolver },
			{ fetch }
		);
		expect(report.verdicts.get('mx')).toMatchObject({
			status: 'error',
			message: { key: 'dns.error.garbage' },
		});
		expect(report.verdicts.get('srv')!.status).toBe('error');
	});
});
