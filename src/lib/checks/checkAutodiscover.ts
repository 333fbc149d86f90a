/**
 * The `autodiscover` verdict (DESIGN.md; OVHcloud's guide "Comprendre la configuration DNS d’un
 * service e-mail"): mail apps try `autodiscover.{domain}` and `autoconfig.{domain}` before the
 * `_autodiscover._tcp` SRV record, so a CNAME or address left there from web hosting or another
 * mail offer sends Outlook to the wrong server (or a certificate warning).
 */
import type { Offer, Provider } from '../../schemas/provider';
import { canonicalHost } from '../dns/normalizeDomain';
import { SERVER_PLACEHOLDER } from '../records/expectedRecords';
import { walkAliases } from './checkDkim';
import { errorVerdict } from './errorVerdict';
import type { CheckProgress, DnsQuestion, Lookup } from './lookup';
import type { FoundRecord, Message, Verdict } from './types';

export interface AutodiscoverCheckInput {
	provider: Provider;
	offer: Offer;
	domain: string;
	server?: string;
	lookup: Lookup;
}

type NameState =
	| { kind: 'none' }
	| { kind: 'server'; target: string }
	| { kind: 'unverified'; target: string }
	| { kind: 'leftover'; target: string }
	| { kind: 'elsewhere'; target: string }
	| { kind: 'address'; addresses: string[] }
	| { kind: 'loop'; target: string };

export const autodiscoverNames = (provider: Provider, domain: string) =>
	provider.autodiscover.names.map((n) => `${n}.${domain}`);

function judgeTarget(input: AutodiscoverCheckInput, target: string, server?: string): NameState {
	const { provider, offer } = input;
	if (server && target === server) return { kind: 'server', target };
	if (provider.autodiscover.leftovers.some((l) => l.host === target))
		return { kind: 'leftover', target };
	if (!server && (offer === 'private' || new RegExp(provider.server.hostedPattern).test(target))) {
		return { kind: 'unverified', target };
	}
	return { kind: 'elsewhere', target };
}

const KEY: Record<Exclude<NameState['kind'], 'none' | 'server'>, string> = {
	unverified: 'dns.autodiscover.serverUnverified',
	leftover: 'dns.autodiscover.leftover',
	elsewhere: 'dns.autodiscover.elsewhere',
	address: 'dns.autodiscover.address',
	loop: 'dns.autodiscover.loop',
};
/** Most serious first: the first name in this order gives the verdict's message. */
const ORDER: Array<NameState['kind']> = ['leftover', 'loop', 'elsewhere', 'address', 'unverified'];

export function checkAutodiscover(input: AutodiscoverCheckInput): CheckProgress<Verdict> {
	const { provider, domain, lookup } = input;
	const server = input.server ? canonicalHost(input.server) : undefined;
	const questions: DnsQuestion[] = [];
	const states: Array<{ name: string; state: NameState }> = [];
	const found: FoundRecord[] = [];
	for (const name of autodiscoverNames(provider, domain)) {
		const result = lookup(name, 'A');
		if (result.state === 'pending') {
			questions.push({ name, type: 'A' });
			continue;
		}
		if (result.state === 'failed') {
			// A resolver chasing a CNAME loop says SERVFAIL: read the aliases one by one.
			const walk = result.failure === 'servfail' ? walkAliases(name, lookup) : undefined;
			if (walk?.state === 'pending') {
				questions.push(walk.question);
				continue;
			}
			if (walk && (walk.state === 'loop' || walk.state === 'end') && walk.chain.length > 0) {
				const target = walk.chain[0]!;
				found.push({ text: `${name} CNAME ${target}`, ttl: 0, judgement: 'wrong' });
				const judged = judgeTarget(input, target, server);
				states.push({
					name,
					state:
						walk.state === 'loop' && judged.kind !== 'leftover' ? { kind: 'loop', target } : judged,
				});
				continue;
			}
			return {
				state: 'done',
				verdict: errorVerdict(provider, 'autodiscover', result.failure, result.detail),
			};
		}
		const response = result.response;
		const alias = response.cnames[0];
		if (alias) {
			const judged = judgeTarget(input, alias.target, server);
			let looped = response.cnameLoop === true;
			// A resolver that serves aliases without following them: walk the chain for a loop.
			const unfollowed =
				!response.cnameLoop &&
				judged.kind !== 'leftover' &&
				!response.answers.some((r) => r.type === 'A');
			if (unfollowed) {
				const walk = walkAliases(name, lookup);
				if (walk.state === 'pending') {
					questions.push(walk.question);
					continue;
				}
				if (walk.state === 'loop') looped = true;
			}
			const state =
				looped && judged.kind !== 'leftover'
					? { kind: 'loop' as const, target: alias.target }
					: judged;
			found.push({
				text: `${name} CNAME ${alias.target}`,
				ttl: alias.ttl,
				judgement:
					state.kind === 'server' ? 'ok' : state.kind === 'unverified' ? 'unverified' : 'wrong',
			});
			states.push({ name, state });
			continue;
		}
		const addresses = response.answers.flatMap((r) => (r.type === 'A' ? [r.address] : []));
		if (addresses.length > 0) {
			for (const r of response.answers)
				if (r.type === 'A')
					found.push({ text: `${name} A ${r.address}`, ttl: r.ttl, judgement: 'wrong' });
			states.push({ name, state: { kind: 'address', addresses } });
			continue;
		}
		states.push({ name, state: { kind: 'none' } });
	}
	if (questions.length > 0) return { state: 'pending', questions };

	const expectedServer = server ?? SERVER_PLACEHOLDER;
	const notes: Message[] = [];
	const base = {
		check: 'autodiscover' as const,
		expected: autodiscoverNames(provider, domain).map((n) => `${n} CNAME ${expectedServer}`),
		found,
		anchor: provider.checkAnchors.autodiscover,
	};
	const problems = states.filter((s) => s.state.kind !== 'none' && s.state.kind !== 'server');
	if (problems.length === 0) {
		const cnamed = states.filter((s) => s.state.kind === 'server').map((s) => s.name);
		return {
			state: 'done',
			verdict: {
				...base,
				status: 'pass',
				message:
					cnamed.length > 0
						? {
								key: 'dns.autodiscover.passCname',
								params: { names: cnamed.join(', '), server: expectedServer },
							}
						: { key: 'dns.autodiscover.pass', params: { domain } },
				notes,
			},
		};
	}
	problems.sort((a, b) => ORDER.indexOf(a.state.kind) - ORDER.indexOf(b.state.kind));
	const paramsOf = (p: (typeof problems)[number]) => ({
		name: p.name,
		target: 'target' in p.state ? p.state.target : '',
		addresses: 'addresses' in p.state ? p.state.addresses.join(', ') : '',
		server: expectedServer,
	});
	const [first, ...rest] = problems;
	for (const p of rest)
		notes.push({ key: KEY[p.state.kind as keyof typeof KEY], params: paramsOf(p) });
	const unverified = first!.state.kind === 'unverified';
	return {
		state: 'done',
		verdict: {
			...base,
			status: 'warn',
			message: { key: KEY[first!.state.kind as keyof typeof KEY], params: paramsOf(first!) },
			fix: unverified
				? { key: 'dns.fix.giveServer' }
				: { key: 'dns.fix.autodiscoverRemove', params: paramsOf(first!) },
			notes,
		},
	};
}

export const AUTODISCOVER_MESSAGE_KEYS: readonly string[] = [
	'dns.autodiscover.pass',
	'dns.autodiscover.passCname',
	...Object.values(KEY),
	'dns.fix.autodiscoverRemove',
	'dns.fix.giveServer',
];
