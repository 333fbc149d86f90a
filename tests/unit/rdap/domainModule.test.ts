import { describe, expect, it } from 'vitest';
import { decode } from '@leichtgewicht/dns-packet';
import { domainModule } from '../../../src/lib/checks/modules/domain';
import { CHECKS } from '../../../src/lib/checks/registry';
import { runDnsCheck } from '../../../src/lib/dns/runDnsCheck';
import { normalizeDomain } from '../../../src/lib/dns/normalizeDomain';
import type { FetchLike } from '../../../src/lib/dns/queryDoh';
import { fromBase64Url } from '../../../src/lib/dns/wire';
import { provider, responseBytes } from '../helpers/dnsMessages';
import { comAnswer } from './documents';

const resolver = { id: 'custom' as const, url: 'http://127.0.0.1:1/dns-query' };
const domain = (text: string) => {
	const result = normalizeDomain(text);
	if (!result.ok) throw new Error(result.error);
	return result.domain;
};

/** DoH answers NXDOMAIN for everything; RDAP URLs get `rdap(url)`. */
function fakeFetch(seen: string[], rdap: (url: string) => Response): FetchLike {
	return async (input) => {
		const url = new URL(input);
		if (url.pathname.endsWith('/dns-query')) {
			const q = decode(fromBase64Url(url.searchParams.get('dns')!)).questions![0]!;
			return new Response(responseBytes(q.name, q.type as 'MX', [], 'NXDOMAIN'), { status: 200 });
		}
		seen.push(input);
		return rdap(input);
	};
}
const rdapJson = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/rdap+json' },
	});

describe('the domain module in the registry', () => {
	it('is one of the checks, asking one RDAP question for the A-label domain', () => {
		expect(CHECKS).toContain(domainModule);
		const ctx = { provider, domain: domain('bücher.example'), offer: 'hosted' as const };
		expect(domainModule.questions(ctx)).toEqual([
			{ kind: 'rdap', domain: 'xn--bcher-kva.example' },
		]);
	});

	it('runs with the DNS checks through the rdap base URL, and links the registrar', async () => {
		const seen: string[] = [];
		const report = await runDnsCheck(
			{
				provider,
				domain: domain('example-shop.com'),
				offer: 'hosted',
				resolver,
				rdap: 'https://rdap.example/',
			},
			{
				fetch: fakeFetch(seen, () =>
					rdapJson({
						...comAnswer,
						entities: [
							{
								...comAnswer.entities[0],
								links: [{ rel: 'about', href: 'https://registrar.example/' }],
							},
						],
					})
				),
			}
		);
		expect(seen).toEqual(['https://rdap.example/domain/example-shop.com']);
		const verdict = report.verdicts.get('domain')!;
		expect(verdict).toMatchObject({
			check: 'domain',
			status: 'pass',
			records: false,
			expected: [],
			found: [],
			anchor: provider.checkAnchors.domain,
			links: [
				{
					message: {
						key: 'dns.domain.link.registrar',
						params: { registrar: 'Example Registrar, Inc.' },
					},
					href: 'https://registrar.example/',
				},
			],
		});
	});

	it('asks the registered domain after a 404 for a name below it', async () => {
		const seen: string[] = [];
		const report = await runDnsCheck(
			{
				provider,
				domain: domain('mail.example-shop.com'),
				offer: 'hosted',
				resolver,
				rdap: 'https://rdap.example/',
			},
			{
				fetch: fakeFetch(seen, (url) =>
					url.endsWith('/mail.example-shop.com')
						? rdapJson({ errorCode: 404 }, 404)
						: rdapJson(comAnswer)
				),
			}
		);
		expect(seen).toEqual([
			'https://rdap.example/domain/mail.example-shop.com',
			'https://rdap.example/domain/example-shop.com',
		]);
		expect(report.verdicts.get('domain')).toMatchObject({
			status: 'pass',
			notes: expect.arrayContaining([
				{
					key: 'dns.domain.parent',
					params: { name: 'mail.example-shop.com', domain: 'example-shop.com' },
				},
			]),
		});
	});

	it('points to the TLD registry at IANA when it could not check', async () => {
		const report = await runDnsCheck(
			{ provider, domain: domain('example.test'), offer: 'hosted', resolver },
			{ fetch: fakeFetch([], () => rdapJson({})) }
		);
		expect(report.verdicts.get('domain')).toMatchObject({
			status: 'error',
			message: { key: 'dns.domain.error.noService' },
			links: [
				{
					message: { key: 'dns.domain.link.iana', params: { tld: 'test' } },
					href: 'https://www.iana.org/domains/root/db/test.html',
				},
			],
		});
	});
});
