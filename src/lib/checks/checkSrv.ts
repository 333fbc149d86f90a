/**
 * The autodiscover SRV verdict: `_autodiscover._tcp.{domain}` must be `priority weight port
 * target` = the provider's values, target the Exchange server's host name (RFC 2782; guide 000).
 */
import type { Offer, Provider } from '../../schemas/provider';
import { canonicalHost } from '../dns/normalizeDomain';
import type { DnsRecord, DnsResponse } from '../dns/wire';
import { serverPlaceholder } from '../records/expectedRecords';
import { type FoundRecord, type Message, type Verdict } from './types';

export interface SrvCheckInput {
	provider: Provider;
	offer: Offer;
	server?: string;
	/** The resolver's answer to `_autodiscover._tcp.{domain}. IN SRV`. */
	response: DnsResponse;
	/** The MX lookup found that the domain itself does not exist. */
	domainMissing?: boolean;
}

type Srv = Extract<DnsRecord, { type: 'SRV' }>;

/** The owner name of the record, from the provider data. */
export function srvOwner(provider: Provider, domain: string): string {
	return `${provider.srv.name}.${domain}`;
}

export function checkSrv(input: SrvCheckInput): Verdict {
	const { provider, offer, response } = input;
	const spec = provider.srv;
	const server = input.server ? canonicalHost(input.server) : undefined;
	const notes: Message[] = [];
	const expectedTarget = server ?? serverPlaceholder(offer);
	const expected = [`${spec.priority} ${spec.weight} ${spec.port} ${expectedTarget}`];
	const base = { check: 'srv' as const, expected, notes, anchor: provider.checkAnchors.srv };
	const records = response.answers.filter((r): r is Srv => r.type === 'SRV');

	if (input.domainMissing) {
		return {
			...base,
			status: 'fail',
			message: { key: 'dns.srv.nxdomain' },
			fix: { key: 'dns.fix.nxdomain' },
			found: [],
		};
	}
	// NXDOMAIN here is normal for a missing record: the `_autodiscover._tcp` name does not exist.
	if (response.rcode === 'NXDOMAIN' || records.length === 0) {
		return {
			...base,
			status: 'fail',
			message: { key: 'dns.srv.none' },
			fix: { key: 'dns.fix.srvCreate', params: { record: expected[0]! } },
			found: [],
		};
	}

	const hostedPattern = new RegExp(provider.server.hostedPattern);
	const targetJudgement = (target: string): 'ok' | 'legacy' | 'unverified' | 'wrong' => {
		if (target === '') return 'wrong';
		// With the server's name given, an older guide's fixed name is another host (DESIGN.md).
		if (server) return target === server ? 'ok' : 'wrong';
		if (offer === 'hosted') {
			if (spec.legacyTargets.hosts.includes(target)) return 'legacy';
			return hostedPattern.test(target) ? 'unverified' : 'wrong';
		}
		return 'unverified';
	};
	const valuesOk = (r: Srv) =>
		r.port === spec.port && r.priority === spec.priority && r.weight === spec.weight;
	const score = (r: Srv) => {
		const t = targetJudgement(r.target);
		return (
			(t === 'ok' ? 0 : t === 'unverified' ? 1 : t === 'legacy' ? 2 : 4) +
			(r.port === spec.port ? 0 : 8) +
			(valuesOk(r) ? 0 : 1)
		);
	};
	// Judge the best record; extra records are reported too.
	const best = [...records].sort((a, b) => score(a) - score(b))[0]!;
	const found: FoundRecord[] = records.map((r) => {
		const t = targetJudgement(r.target);
		return {
			text: `${r.priority} ${r.weight} ${r.port} ${r.target || '.'}`,
			ttl: r.ttl,
			judgement: !valuesOk(r) && r.port !== spec.port ? 'wrong' : t,
		};
	});
	const fields = {
		record: expected[0]!,
		port: best.port,
		priority: best.priority,
		weight: best.weight,
		target: best.target || '.',
		server: expectedTarget,
	};
	const result = (
		status: Verdict['status'],
		key: string,
		fix?: string,
		anchor = base.anchor
	): Verdict => ({
		...base,
		anchor,
		status,
		message: { key, params: fields },
		...(fix ? { fix: { key: fix, params: fields } } : {}),
		found,
	});

	// RFC 2782: a target of "." means the service is decidedly not available at this domain.
	if (best.target === '') return result('fail', 'dns.srv.disabled', 'dns.fix.srvCreate');
	const target = targetJudgement(best.target);
	if (target === 'wrong') {
		return result(
			'fail',
			!server
				? 'dns.srv.target'
				: spec.legacyTargets.hosts.includes(best.target)
					? 'dns.srv.legacyNotServer'
					: 'dns.srv.targetNotServer',
			'dns.fix.srvTarget',
			server ? provider.checkAnchors.server : base.anchor
		);
	}
	if (best.port !== spec.port) return result('fail', 'dns.srv.port', 'dns.fix.srvValues');
	// With one record, priority and weight change nothing for Outlook (RFC 2782 picks among
	// several records with them), so a wrong value is a warning, not a failure.
	if (best.priority !== spec.priority || best.weight !== spec.weight)
		return result('warn', 'dns.srv.priorityWeight', 'dns.fix.srvValues');
	if (target === 'legacy')
		return result(
			'warn',
			'dns.srv.legacyTarget',
			'dns.fix.giveServer',
			provider.checkAnchors.server
		);
	if (target === 'unverified')
		return result(
			'warn',
			'dns.srv.serverUnverified',
			'dns.fix.giveServer',
			provider.checkAnchors.server
		);
	if (records.length > 1) {
		notes.push({ key: 'dns.note.srvExtra', params: { count: records.length - 1 } });
		return result('warn', 'dns.srv.extra', 'dns.fix.srvExtra');
	}
	return result('pass', 'dns.srv.pass');
}
