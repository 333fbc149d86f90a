/**
 * The `dkim` verdict for OVHcloud Exchange (DESIGN.md; RFC 6376; OVHcloud's guide "How to improve
 * email security with a DKIM record"): each selector `{selector}._domainkey.{domain}` is a CNAME
 * to a name under the provider's DKIM zone, whose TXT carries a non-empty public key `p=`.
 */
import type { Provider } from '../../schemas/provider';
import { errorVerdict } from './errorVerdict';
import type { CheckProgress, DnsQuestion, Lookup } from './lookup';
import { printable } from './printable';
import type { FoundRecord, Message, Verdict } from './types';

/** Longest CNAME chain followed from a selector name. */
const MAX_HOPS = 8;
/** RFC 6376 §3.1: a selector is one or more DNS labels. */
const SELECTOR =
	/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export type DkimParam =
	| { ok: true; selectors: string[] }
	| { ok: false; reason: 'empty' | 'tooLong' | 'malformed'; input: string };

/**
 * The `dkim` parameter: a selector (`ovhex123456-selector1`), or the platform prefix
 * (`ovhex123456`) standing for both of its selectors. A `s=` copied with its tag, or the whole
 * `_domainkey` name, is read as the selector it contains.
 */
export function parseDkimParam(provider: Pick<Provider, 'dkim'>, raw: string): DkimParam {
	const input = raw.trim().toLowerCase();
	if (input === '') return { ok: false, reason: 'empty', input: raw };
	if (input.length > 253) return { ok: false, reason: 'tooLong', input: raw.slice(0, 80) };
	const value = input
		.replace(/^s=/, '')
		.replace(/;$/, '')
		.replace(/\._domainkey(\..*)?$/, '');
	if (!SELECTOR.test(value)) return { ok: false, reason: 'malformed', input: raw };
	if (new RegExp(provider.dkim.prefixPattern).test(value)) {
		return { ok: true, selectors: provider.dkim.suffixes.map((suffix) => `${value}${suffix}`) };
	}
	return { ok: true, selectors: [value] };
}

/** The `dkim` parameter for a permalink: the shared prefix when both selectors are named. */
export function dkimParamValue(selectors: string[]): string {
	const [first, second] = selectors;
	if (selectors.length === 2 && first!.endsWith('1') && second === `${first!.slice(0, -1)}2`) {
		return first!.replace(/-selector1$/, '');
	}
	return selectors.join(',');
}

export const selectorOwner = (selector: string, domain: string) =>
	`${selector}._domainkey.${domain}`;

/** What one selector's records show. */
export type SelectorState =
	| { kind: 'ok'; target: string }
	| { kind: 'missing' }
	| { kind: 'notCname' } // a TXT key published at the selector itself
	| { kind: 'elsewhere'; target: string }
	| { kind: 'loop'; target: string }
	| { kind: 'noKey'; target: string } // the target has no DKIM key record
	| { kind: 'revoked'; target: string } // p= empty (RFC 6376 §3.6.1)
	| { kind: 'error'; failure: Parameters<typeof errorVerdict>[2]; detail?: string };

/** RFC 6376 §3.6.1 tag list: the `p=` value, or undefined without one. */
export function dkimKey(text: string): string | undefined {
	for (const part of text.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === 'p') return part.slice(eq + 1).replace(/\s+/g, '');
	}
	return undefined;
}

/**
 * Follows a chain with CNAME questions (no resolver chasing): a loop, or the end of the chain.
 * Exported for the autodiscover check, which reads its names the same way.
 */
export function walkAliases(
	start: string,
	lookup: Lookup
):
	| { state: 'pending'; question: DnsQuestion }
	| { state: 'loop' | 'end' | 'failed'; chain: string[] } {
	const chain: string[] = [];
	const seen = new Set<string>([start]);
	let name = start;
	for (let hop = 0; hop < MAX_HOPS; hop++) {
		const result = lookup(name, 'CNAME');
		if (result.state === 'pending') return { state: 'pending', question: { name, type: 'CNAME' } };
		if (result.state === 'failed') return { state: 'failed', chain };
		const alias = result.response.answers.find((r) => r.type === 'CNAME' && r.name === name);
		if (!alias || alias.type !== 'CNAME') return { state: 'end', chain };
		chain.push(alias.target);
		if (seen.has(alias.target)) return { state: 'loop', chain };
		seen.add(alias.target);
		name = alias.target;
	}
	return { state: 'loop', chain };
}

interface SelectorResult {
	state?: SelectorState;
	questions: DnsQuestion[];
	found: FoundRecord[];
}

function judgeSelector(provider: Provider, owner: string, lookup: Lookup): SelectorResult {
	const zone = provider.dkim.targetZone;
	const found: FoundRecord[] = [];
	const seen = new Set<string>([owner]);
	let name = owner;
	let first: string | undefined;
	for (let hop = 0; hop <= MAX_HOPS; hop++) {
		const result = lookup(name, 'TXT');
		if (result.state === 'pending') return { questions: [{ name, type: 'TXT' }], found };
		if (result.state === 'failed') {
			// A resolver that chases a CNAME loop answers SERVFAIL: walk the aliases one by one to
			// tell a loop from a broken server.
			if (result.failure === 'servfail') {
				const walk = walkAliases(name, lookup);
				if (walk.state === 'pending') return { questions: [walk.question], found };
				const zone = provider.dkim.targetZone;
				const first = walk.state === 'end' ? walk.chain[0] : undefined;
				if (first && !(first === zone || first.endsWith(`.${zone}`))) {
					return {
						state: { kind: 'elsewhere', target: first },
						questions: [],
						found: [{ text: `${owner} CNAME ${first}`, ttl: 0, judgement: 'wrong' }],
					};
				}
				if (walk.state === 'loop') {
					const names = [name, ...walk.chain];
					return {
						state: { kind: 'loop', target: walk.chain[0] ?? name },
						questions: [],
						found: walk.chain.map((target, i) => ({
							text: `${names[i]} CNAME ${target}`,
							ttl: 0,
							judgement: 'wrong' as const,
						})),
					};
				}
			}
			return {
				state: { kind: 'error', failure: result.failure, detail: result.detail },
				questions: [],
				found,
			};
		}
		const response = result.response;
		for (const alias of response.cnames)
			found.push({ text: `${alias.name} CNAME ${alias.target}`, ttl: alias.ttl, judgement: 'ok' });
		first ??= response.cnames[0]?.target;
		const keys = response.answers.filter((r) => r.type === 'TXT');
		if (hop === 0 && response.cnames.length === 0) {
			if (keys.length === 0) return { state: { kind: 'missing' }, questions: [], found };
			for (const k of keys)
				found.push({
					text: `${owner} TXT ${printable(k.type === 'TXT' ? k.text : '', 120)}`,
					ttl: k.ttl,
					judgement: 'wrong',
				});
			return { state: { kind: 'notCname' }, questions: [], found };
		}
		// The CNAME must lead into the provider's zone; where it leads elsewhere, nothing more to ask.
		if (first !== undefined && !(first === zone || first.endsWith(`.${zone}`))) {
			found.forEach((f) => (f.judgement = 'wrong'));
			return { state: { kind: 'elsewhere', target: first }, questions: [], found };
		}
		const end = response.cnames.at(-1)?.target ?? name;
		if (response.cnameLoop || (response.cnames.length > 0 && seen.has(end) && keys.length === 0)) {
			found.forEach((f) => (f.judgement = 'wrong'));
			return { state: { kind: 'loop', target: end }, questions: [], found };
		}
		if (keys.length > 0 || response.cnames.length === 0) {
			// A resolver answers the chain and the key at once (RFC 1034 §3.6.2).
			const key = keys
				.map((k) => (k.type === 'TXT' ? dkimKey(k.text) : undefined))
				.find((k) => k !== undefined);
			for (const k of keys)
				found.push({
					text: `${k.name} TXT ${printable(k.type === 'TXT' ? k.text : '', 120)}`,
					ttl: k.ttl,
					judgement: 'ok',
				});
			if (key === undefined)
				return { state: { kind: 'noKey', target: first ?? name }, questions: [], found };
			if (key === '') {
				found.at(-1)!.judgement = 'wrong';
				return { state: { kind: 'revoked', target: first ?? name }, questions: [], found };
			}
			return { state: { kind: 'ok', target: first ?? name }, questions: [], found };
		}
		// A resolver that served the alias without following it: ask for the target ourselves.
		for (const alias of response.cnames) seen.add(alias.name);
		if (seen.has(end)) {
			found.forEach((f) => (f.judgement = 'wrong'));
			return { state: { kind: 'loop', target: end }, questions: [], found };
		}
		seen.add(end);
		name = end;
	}
	return { state: { kind: 'loop', target: name }, questions: [], found };
}

export interface DkimCheckInput {
	provider: Provider;
	domain: string;
	/** The validated `dkim` parameter; absent: the check is skipped. */
	selectors?: string[];
	lookup: Lookup;
}

const STATE_KEY: Record<Exclude<SelectorState['kind'], 'ok' | 'error'>, string> = {
	missing: 'dns.dkim.missing',
	notCname: 'dns.dkim.notCname',
	elsewhere: 'dns.dkim.elsewhere',
	loop: 'dns.dkim.loop',
	noKey: 'dns.dkim.noKey',
	revoked: 'dns.dkim.revoked',
};

/** Stands for the platform's prefix (`ovhex` and its number) before the selector is known. */
export const DKIM_PREFIX_PLACEHOLDER = 'ovhex<number>';

/** The two CNAME lines to publish; their targets are read in the control panel. */
export function dkimZoneLines(provider: Provider, domain: string, selectors?: string[]): string[] {
	const names = selectors?.length
		? selectors
		: provider.dkim.suffixes.map((s) => `${DKIM_PREFIX_PLACEHOLDER}${s}`);
	return names.map(
		(s) => `${selectorOwner(s, domain)}. IN CNAME ${s}._domainkey.<…>.${provider.dkim.targetZone}.`
	);
}

export function checkDkim(input: DkimCheckInput): CheckProgress<Verdict> {
	const { provider, domain, lookup } = input;
	const anchor = provider.checkAnchors.dkim;
	if (!input.selectors || input.selectors.length === 0) {
		return {
			state: 'done',
			verdict: {
				check: 'dkim',
				status: 'skip',
				message: { key: 'dns.dkim.skip', params: { example: provider.dkim.example } },
				fix: { key: 'dns.fix.dkimSelector', params: { example: provider.dkim.example } },
				expected: dkimZoneLines(provider, domain),
				found: [],
				notes: [],
				anchor,
			},
		};
	}
	const results = input.selectors.map((selector) => ({
		selector,
		...judgeSelector(provider, selectorOwner(selector, domain), lookup),
	}));
	const questions = results.flatMap((r) => r.questions);
	if (questions.length > 0) return { state: 'pending', questions };
	const failed = results.find((r) => r.state?.kind === 'error');
	if (failed && failed.state?.kind === 'error') {
		return {
			state: 'done',
			verdict: errorVerdict(provider, 'dkim', failed.state.failure, failed.state.detail),
		};
	}
	const good = results.filter((r) => r.state?.kind === 'ok');
	const bad = results.filter((r) => r.state?.kind !== 'ok');
	const notes: Message[] = bad.map((r) => {
		const state = r.state as Exclude<SelectorState, { kind: 'ok' | 'error' }>;
		return {
			key: STATE_KEY[state.kind],
			params: {
				selector: r.selector,
				owner: selectorOwner(r.selector, domain),
				target: 'target' in state ? state.target : '',
				zone: provider.dkim.targetZone,
			},
		};
	});
	const base = {
		check: 'dkim' as const,
		expected: dkimZoneLines(provider, domain, input.selectors),
		found: results.flatMap((r) => r.found),
		anchor,
	};
	const selectors = input.selectors.join(', ');
	if (bad.length === 0) {
		return {
			state: 'done',
			verdict: {
				...base,
				status: 'pass',
				message: {
					key: input.selectors.length > 1 ? 'dns.dkim.pass' : 'dns.dkim.passOne',
					params: { selectors },
				},
				notes,
			},
		};
	}
	// One of the two: signing works, but there is no second key to rotate to.
	if (good.length > 0) {
		return {
			state: 'done',
			verdict: {
				...base,
				status: 'warn',
				message: {
					key: 'dns.dkim.oneOfTwo',
					params: { good: good.map((g) => g.selector).join(', '), selector: bad[0]!.selector },
				},
				fix: {
					key: 'dns.fix.dkimCname',
					params: {
						selector: bad[0]!.selector,
						owner: selectorOwner(bad[0]!.selector, domain),
						zone: provider.dkim.targetZone,
					},
				},
				notes,
			},
		};
	}
	// One selector asked about: its own message; several all wrong: the first one's, others as notes.
	const [message, ...rest] = notes;
	const revoked = bad[0]!.state?.kind === 'revoked';
	return {
		state: 'done',
		verdict: {
			...base,
			status: 'fail',
			message: message!,
			fix: {
				key: revoked ? 'dns.fix.dkimRevoked' : 'dns.fix.dkimCname',
				params: {
					selector: bad[0]!.selector,
					owner: selectorOwner(bad[0]!.selector, domain),
					zone: provider.dkim.targetZone,
				},
			},
			notes: rest,
		},
	};
}

export const DKIM_MESSAGE_KEYS: readonly string[] = [
	'dns.dkim.skip',
	'dns.dkim.pass',
	'dns.dkim.passOne',
	'dns.dkim.oneOfTwo',
	...Object.values(STATE_KEY),
	'dns.dkim.malformed',
	'dns.fix.dkimSelector',
	'dns.fix.dkimCname',
	'dns.fix.dkimRevoked',
];
