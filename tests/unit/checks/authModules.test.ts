/**
 * The spf, dkim, dmarc and autodiscover modules through the registry's runner, answered from a
 * zone in the wire format: first questions all asked at once, follow-ups asked, a verdict each.
 */
import { describe, expect, it } from 'vitest';
import {
	CHECKS,
	questionKey,
	type Answer,
	type CheckContext,
	type Question,
} from '../../../src/lib/checks/registry';
import { runChecks } from '../../../src/lib/checks/runChecks';
import { normalizeDomain } from '../../../src/lib/dns/normalizeDomain';
import { UI_KEYS } from '../../../src/schemas/ui';
import en from '../../../src/content/i18n/en.json' with { type: 'json' };
import fr from '../../../src/content/i18n/fr.json' with { type: 'json' };
import it_ from '../../../src/content/i18n/it.json' with { type: 'json' };
import { cname, CURRENT, mx, provider, srv, txt } from '../helpers/dnsMessages';
import { fakeZone } from '../helpers/fakeZone';

const D = 'example.com';
const domain = (() => {
	const result = normalizeDomain(D);
	if (!result.ok) throw new Error(result.error);
	return result.domain;
})();
const AUTH = ['autodiscover', 'spf', 'dkim', 'dmarc'];
const modules = CHECKS.filter((m) => AUTH.includes(m.id));

function sourceFor(records: Parameters<typeof fakeZone>[0]) {
	const zone = fakeZone(records);
	const resolver = { id: 'custom' as const, url: 'http://127.0.0.1:1/dns-query' };
	const rounds: string[][] = [];
	const ask = async (q: Question): Promise<Answer> => {
		if (q.kind !== 'dns') throw new Error('no RDAP here');
		const result = zone.lookup(q.name, q.type);
		if (result.state !== 'answer') throw new Error(`unexpected ${result.state}`);
		return {
			kind: 'dns',
			ok: true,
			response: result.response,
			resolver,
			fetchedAt: new Date(0),
			attempts: [],
		};
	};
	return { ask, asked: zone.asked, rounds };
}

const ctx = (extra: Partial<CheckContext> = {}): CheckContext => ({
	provider,
	domain,
	offer: 'hosted',
	server: 'ex5.mail.ovh.net',
	...extra,
});

describe('the sending-authentication modules in the registry', () => {
	it('are registered in report order after MX and SRV', () => {
		expect(CHECKS.map((m) => m.id).filter((id) => AUTH.includes(id))).toEqual(AUTH);
	});

	it('judge a correct domain through the runner, asking TXT, DKIM and autodiscover at once', async () => {
		const target = (n: number) => `ovhex1-selector${n}._domainkey.1.ab.dkim.mail.ovh.net`;
		const source = sourceFor([
			...CURRENT.map((h) => mx(D, h)),
			srv(`_autodiscover._tcp.${D}`, 'ex5.mail.ovh.net'),
			txt(D, 'v=spf1 include:mx.ovh.com ~all'),
			txt('mx.ovh.com', 'v=spf1 ip4:198.51.100.0/24 ~all'),
			txt(`_dmarc.${D}`, 'v=DMARC1; p=quarantine; rua=mailto:r@example.com'),
			...[1, 2].flatMap((n) => [
				cname(`ovhex1-selector${n}._domainkey.${D}`, target(n)),
				txt(target(n), 'v=DKIM1; p=MIGf'),
			]),
		]);
		const first = modules.flatMap((m) =>
			m.questions(ctx({ dkim: ['ovhex1-selector1', 'ovhex1-selector2'] })).map(questionKey)
		);
		expect(first.sort()).toEqual(
			[
				'dns:A:autodiscover.example.com',
				'dns:A:autoconfig.example.com',
				'dns:TXT:example.com',
				'dns:TXT:ovhex1-selector1._domainkey.example.com',
				'dns:TXT:ovhex1-selector2._domainkey.example.com',
				'dns:TXT:_dmarc.example.com',
			].sort()
		);
		const { verdicts } = await runChecks(ctx({ dkim: ['ovhex1-selector1', 'ovhex1-selector2'] }), {
			modules,
			ask: source.ask,
		});
		expect(Object.fromEntries([...verdicts].map(([id, v]) => [id, v.status]))).toEqual({
			autodiscover: 'pass',
			spf: 'pass',
			dkim: 'pass',
			dmarc: 'pass',
		});
		// The include and the targets of the unfollowed CNAMEs were asked as follow-ups.
		expect(source.asked).toContain('TXT mx.ovh.com');
		expect(source.asked).toContain(`TXT ${target(1)}`);
	});

	it('skip DKIM without a selector, without asking anything for it', async () => {
		const source = sourceFor([txt(D, 'v=spf1 include:mx.ovh.com ~all')]);
		const { verdicts } = await runChecks(ctx(), { modules, ask: source.ask });
		expect(verdicts.get('dkim')?.status).toBe('skip');
		expect(source.asked.some((q) => q.includes('_domainkey'))).toBe(false);
	});

	it('give zone lines per offer', () => {
		const lines = modules.flatMap((m) => m.zoneLines?.({ ...ctx(), setup: 'exchange-only' }) ?? []);
		expect(lines).toContain('example.com. IN TXT "v=spf1 include:mx.ovh.com ~all"');
		expect(lines).toContain(
			'_dmarc.example.com. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"'
		);
		const privateLines = modules.flatMap(
			(m) => m.zoneLines?.({ ...ctx({ offer: 'private' }), setup: 'exchange-only' }) ?? []
		);
		expect(privateLines).toContain('example.com. IN TXT "v=spf1 ip4:{IPv4} ip6:{IPv6} ~all"');
	});

	it('declare message keys that exist in every language', () => {
		for (const module of modules) {
			for (const key of module.messageKeys) {
				expect(UI_KEYS, `${module.id}: ${key}`).toContain(key);
				for (const [lang, strings] of [
					['en', en],
					['fr', fr],
					['it', it_],
				] as const) {
					expect((strings as Record<string, string>)[key], `${lang} ${key}`).toBeTruthy();
				}
			}
		}
	});
});
