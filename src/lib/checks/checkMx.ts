/**
 * The MX verdict: do the domain's MX records point where the offer and setup need them?
 * Rules: DESIGN.md "DNS check rules"; host lists come only from the `provider` collection.
 */
import type { Offer, Provider, Setup } from '../../schemas/provider';
import { canonicalHost, isIpAddress } from '../dns/normalizeDomain';
import type { DnsResponse } from '../dns/wire';
import { findRule, inferSetup, isServerLike } from './inferSetup';
import { serverPlaceholder } from '../records/expectedRecords';
import { type FoundRecord, type Message, type MxVerdict } from './types';

export interface MxCheckInput {
	provider: Provider;
	offer: Offer;
	/** Absent: inferred from the published MX, and said so in the notes. */
	setup?: Setup;
	/** The Exchange server's host name, if the person gave it. */
	server?: string;
	/** The resolver's answer to `domain. IN MX`. */
	response: DnsResponse;
	/**
	 * MX hosts that turned out to be aliases, with the name they point to (from a follow-up
	 * lookup). RFC 2181 §10.3: an MX must name a host, never an alias.
	 */
	aliases?: Record<string, string>;
}

type Judgement =
	| 'current'
	| 'legacy'
	| 'unverified'
	| 'ipLiteral'
	| 'alias'
	| 'foreign'
	| 'server'
	| 'antispam'
	| 'otherServer'
	| 'legacyNotServer';

export function checkMx(input: MxCheckInput): MxVerdict {
	const { provider, offer, response } = input;
	const server = input.server ? canonicalHost(input.server) : undefined;
	const anchor = provider.checkAnchors.mx;
	// Shown in the order senders try them: preference, then name (resolvers rotate the set).
	const records = response.answers
		.filter((r) => r.type === 'MX')
		.sort((a, b) => a.preference - b.preference || a.exchange.localeCompare(b.exchange));
	const exchanges = records.map((r) => r.exchange);
	const inferred = input.setup ? undefined : inferSetup(provider, offer, exchanges, server);
	const setup = input.setup ?? inferred!.setup;
	const rule = findRule(provider, offer, setup);
	const notes: Message[] = [];
	if (inferred) {
		notes.push({ key: `dns.note.setupInferred.${inferred.basis}`, params: { setup } });
	}

	const expected =
		rule.mx.kind === 'hosts' ? [...rule.mx.current.hosts] : [server ?? serverPlaceholder(offer)];
	const base = { check: 'mx' as const, expected, notes, setup, setupInferred: !!inferred, anchor };

	if (response.rcode === 'NXDOMAIN') {
		return {
			...base,
			status: 'fail',
			message: { key: 'dns.mx.nxdomain' },
			fix: { key: 'dns.fix.nxdomain' },
			found: [],
		};
	}
	if (records.length === 0) {
		return {
			...base,
			status: 'fail',
			message: { key: 'dns.mx.none' },
			fix: { key: 'dns.fix.mxNone' },
			found: [],
		};
	}
	// RFC 7505 null MX: a single `0 .` record says the domain accepts no mail.
	if (exchanges.some((host) => host === '')) {
		return {
			...base,
			status: 'fail',
			message: { key: 'dns.mx.nullMx' },
			fix: { key: 'dns.fix.mxReplaceAll' },
			found: records.map((r) => ({ text: `${r.preference} .`, ttl: r.ttl, judgement: 'wrong' })),
		};
	}

	const aliases = Object.fromEntries(
		Object.entries(input.aliases ?? {}).map(([k, v]) => [canonicalHost(k), canonicalHost(v)])
	);
	const hostsRule = provider.setups.find((r) => r.offer === offer && r.mx.kind === 'hosts');
	const antispamHosts = new Set(hostsRule?.mx.kind === 'hosts' ? hostsRule.mx.current.hosts : []);

	const judge = (host: string): Judgement => {
		if (isIpAddress(host)) return 'ipLiteral';
		const target = aliases[host];
		if (target !== undefined) {
			// An alias to the right host is its own mistake; an alias to the wrong one is, first of
			// all, the wrong host.
			const judged = judgeName(target);
			return judged === 'current' || judged === 'legacy' || judged === 'unverified'
				? 'alias'
				: judged;
		}
		return judgeName(host);
	};
	const judgeName = (host: string): Judgement => {
		if (isIpAddress(host)) return 'ipLiteral';
		if (rule.mx.kind === 'hosts') {
			if (rule.mx.current.hosts.includes(host)) return 'current';
			if (rule.mx.legacy.some((l) => l.hosts.includes(host))) return 'legacy';
			return isServerLike(provider, offer, host, server) ? 'server' : 'foreign';
		}
		// A `server` rule: the MX is the Exchange server's own name.
		if (server) {
			if (host === server) return 'current';
			// The older guides' fixed names are no substitute for the server's own name
			// (DESIGN.md): with the name given, a record naming one of them names another host.
			if (rule.mx.legacy.some((l) => l.hosts.includes(host))) return 'legacyNotServer';
			if (antispamHosts.has(host)) return 'antispam';
			return isServerLike(provider, offer, host) ? 'otherServer' : 'foreign';
		}
		if (rule.mx.legacy.some((l) => l.hosts.includes(host))) return 'legacy';
		if (antispamHosts.has(host)) return 'antispam';
		if (offer === 'hosted') {
			return new RegExp(provider.server.hostedPattern).test(host) ? 'unverified' : 'foreign';
		}
		// A Private server has its own certificate name: without it, nothing to compare with.
		return 'unverified';
	};

	const judged = records.map((r) => ({ record: r, judgement: judge(r.exchange) }));
	const found: FoundRecord[] = judged.map(({ record, judgement }) => ({
		text: `${record.preference} ${record.exchange}`,
		ttl: record.ttl,
		judgement:
			judgement === 'current'
				? 'ok'
				: judgement === 'legacy' || judgement === 'unverified'
					? judgement
					: 'wrong',
	}));
	const hostsWith = (...kinds: Judgement[]) =>
		judged.filter((j) => kinds.includes(j.judgement)).map((j) => j.record.exchange);
	const list = (hosts: string[]) => [...new Set(hosts)].join(', ');
	const fail = (
		key: string,
		fix: string,
		params: Record<string, string> = {},
		anchorOverride = anchor
	): MxVerdict => ({
		...base,
		anchor: anchorOverride,
		status: 'fail',
		message: { key, params },
		fix: { key: fix, params },
		found,
	});

	const ipLiterals = hostsWith('ipLiteral');
	if (ipLiterals.length)
		return fail('dns.mx.ipLiteral', 'dns.fix.mxIpLiteral', { hosts: list(ipLiterals) });
	const aliased = hostsWith('alias');
	if (aliased.length) {
		return fail('dns.mx.cname', 'dns.fix.mxCname', {
			hosts: list(aliased),
			targets: list(aliased.map((h) => aliases[h]!)),
		});
	}
	const good = hostsWith('current', 'legacy', 'unverified');
	const bad = hostsWith('foreign', 'server', 'antispam', 'otherServer', 'legacyNotServer');
	if (bad.length && good.length) {
		// Senders pick among MX by preference, then at random: part of the mail goes elsewhere.
		return fail('dns.mx.split', 'dns.fix.mxSplit', { hosts: list(bad), good: list(good) });
	}
	if (bad.length) {
		if (hostsWith('server').length === bad.length)
			return fail('dns.mx.serverForAntispamSetup', 'dns.fix.mxServerForAntispamSetup', {
				hosts: list(bad),
			});
		if (hostsWith('antispam').length === bad.length) {
			return fail('dns.mx.antispamForServerSetup', 'dns.fix.mxAntispamForServerSetup', {
				hosts: list(bad),
				server: server ?? serverPlaceholder(offer),
			});
		}
		if (hostsWith('legacyNotServer').length === bad.length) {
			return fail(
				'dns.mx.legacyNotServer',
				'dns.fix.mxLegacyNotServer',
				{ hosts: list(bad), server: server ?? serverPlaceholder(offer) },
				provider.checkAnchors.server
			);
		}
		if (hostsWith('otherServer').length === bad.length) {
			return fail(
				'dns.mx.otherServer',
				'dns.fix.mxOtherServer',
				{ hosts: list(bad), server: server ?? serverPlaceholder(offer) },
				provider.checkAnchors.server
			);
		}
		if (offer === 'private' && !server && rule.mx.kind === 'hosts')
			notes.push({ key: 'dns.note.privateServerName' });
		return fail('dns.mx.foreign', 'dns.fix.mxForeign', { hosts: list(bad) });
	}
	const legacy = hostsWith('legacy');
	if (legacy.length) {
		return {
			...base,
			anchor: provider.checkAnchors.server,
			status: 'warn',
			message: { key: 'dns.mx.legacy', params: { hosts: list(legacy) } },
			fix: { key: 'dns.fix.mxLegacy' },
			found,
		};
	}
	// Exactly an older guide's list (mx1 alone, mx0..mx3): valid, but the newest guide gives more
	// hosts, so a warning with the fuller list; any other subset of the current hosts passes.
	if (rule.mx.kind === 'hosts') {
		const published = [...new Set(exchanges)].sort().join();
		const olderList = rule.mx.legacy.find((l) => [...l.hosts].sort().join() === published);
		const current = [...rule.mx.current.hosts].sort().join();
		if (olderList && published !== current) {
			return {
				...base,
				status: 'warn',
				message: { key: 'dns.mx.olderList', params: { hosts: list(exchanges) } },
				fix: { key: 'dns.fix.mxOlderList', params: { hosts: rule.mx.current.hosts.join(', ') } },
				found,
			};
		}
	}
	if (hostsWith('unverified').length) {
		return {
			...base,
			anchor: provider.checkAnchors.server,
			status: 'warn',
			message: { key: 'dns.mx.serverUnverified', params: { hosts: list(hostsWith('unverified')) } },
			fix: { key: 'dns.fix.giveServer' },
			found,
		};
	}
	return {
		...base,
		status: 'pass',
		message: { key: 'dns.mx.pass', params: { hosts: list(exchanges) } },
		found,
	};
}
