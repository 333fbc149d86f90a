/**
 * SPF evaluated as RFC 7208 says, without a network: every DNS answer comes from `lookup`,
 * which says "pending" for a question not answered yet. Two entry points:
 *
 * - `checkHost`: the §4 check_host() function for one client address (the RFC's results:
 *   pass, fail, softfail, neutral, none, permerror, temperror), used for Private Exchange's own
 *   server and by RFC 7208 Appendix A's examples in the tests.
 * - `analyzeSpf`: the whole include/redirect tree of a domain walked once, as a checker must
 *   (no client address): the lookup count over every reachable term (§4.6.4), void lookups,
 *   loops, targets without a record, the policy `all` ends with.
 *
 * Neither ever loops: each include/redirect costs one of the ten lookups, so a walk visits at
 * most eleven records.
 */
import type { DohFailure } from '../../dns/queryDoh';
import type { DnsQuestion, Lookup, LookupResult } from '../lookup';
import type { DnsResponse, QueryType } from '../../dns/wire';
import { expandTokens, messageLetters, truncateDomain, type MacroValues } from './expandMacro';
import { inNetwork, macroForm, parseIp, reverseName, type IpAddress } from './ipAddress';
import {
	isSpfRecord,
	LOOKUP_TERMS,
	parseSpfRecord,
	type Mechanism,
	type Qualifier,
	type SpfRecord,
	type SyntaxReason,
} from './parseSpfRecord';

export type { DnsQuestion, Lookup, LookupResult };

/** §4.6.4: at most 10 DNS-querying terms, and (SHOULD) at most 2 void lookups. */
export const MAX_LOOKUPS = 10;
export const MAX_VOID_LOOKUPS = 2;
/** §4.6.4: at most 10 MX names looked up for one `mx`, 10 PTR names for one `ptr`. */
const MAX_NAMES = 10;

const lower = (s: string) => s.toLowerCase().replace(/\.$/, '');

/** The SPF records among a TXT answer (§4.5: records starting `v=spf1`). */
export function spfRecordsOf(response: DnsResponse): string[] {
	return response.answers.flatMap((r) => (r.type === 'TXT' && isSpfRecord(r.text) ? [r.text] : []));
}

const isVoid = (response: DnsResponse, type: QueryType) =>
	response.rcode === 'NXDOMAIN' || !response.answers.some((r) => r.type === type);

// ---------------------------------------------------------------------------------------------
// check_host() (§4)

export type SpfResult =
	'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/** Thrown while an answer is missing; the caller asks `question` and evaluates again. */
export class PendingAnswer {
	constructor(readonly question: DnsQuestion) {}
}
class Outcome {
	constructor(readonly result: SpfResult) {}
}

const QUALIFIER_RESULT: Record<Qualifier, SpfResult> = {
	'+': 'pass',
	'-': 'fail',
	'~': 'softfail',
	'?': 'neutral',
};

export interface CheckHostInput {
	ip: string;
	domain: string;
	/** MAIL FROM; `postmaster@domain` when none (§4.3). */
	sender?: string;
	helo?: string;
}

interface HostState {
	lookup: Lookup;
	ip: IpAddress;
	lookups: number;
	voids: number;
}

function answer(state: HostState, name: string, type: QueryType): DnsResponse {
	const result = state.lookup(name, type);
	if (result.state === 'pending') throw new PendingAnswer({ name, type });
	if (result.state === 'failed') throw new Outcome('temperror');
	return result.response;
}

function countTerm(state: HostState) {
	state.lookups++;
	if (state.lookups > MAX_LOOKUPS) throw new Outcome('permerror');
}

function addresses(state: HostState, name: string): IpAddress[] {
	const type: QueryType = state.ip.version === 4 ? 'A' : 'AAAA';
	const response = answer(state, name, type);
	return response.answers.flatMap((r) => {
		if (r.type !== type) return [];
		const ip = parseIp(r.address);
		return ip ? [ip] : [];
	});
}

function countVoid(state: HostState, response: DnsResponse, type: QueryType) {
	if (isVoid(response, type)) {
		state.voids++;
		if (state.voids > MAX_VOID_LOOKUPS) throw new Outcome('permerror');
	}
}

function targetOf(m: { domainTokens?: Mechanism['domainTokens'] }, values: MacroValues): string {
	return m.domainTokens
		? lower(truncateDomain(expandTokens(m.domainTokens, values)))
		: values.domain;
}

function matches(state: HostState, m: Mechanism, values: MacroValues): boolean {
	const cidr = state.ip.version === 4 ? m.cidr4 : m.cidr6;
	switch (m.name) {
		case 'all':
			return true;
		case 'ip4':
		case 'ip6':
			return inNetwork(state.ip, m.network!, m.name === 'ip4' ? m.cidr4 : m.cidr6);
		case 'include': {
			countTerm(state);
			const result = evaluateDomain(state, targetOf(m, values), values.sender);
			// §5.2: the include's result decides whether it matches.
			if (result === 'pass') return true;
			if (result === 'temperror') throw new Outcome('temperror');
			if (result === 'permerror' || result === 'none') throw new Outcome('permerror');
			return false;
		}
		case 'a': {
			countTerm(state);
			const name = targetOf(m, values);
			const type: QueryType = state.ip.version === 4 ? 'A' : 'AAAA';
			countVoid(state, answer(state, name, type), type);
			return addresses(state, name).some((a) => inNetwork(state.ip, a, cidr));
		}
		case 'mx': {
			countTerm(state);
			const response = answer(state, targetOf(m, values), 'MX');
			countVoid(state, response, 'MX');
			const hosts = response.answers.flatMap((r) => (r.type === 'MX' ? [r.exchange] : []));
			if (hosts.length > MAX_NAMES) throw new Outcome('permerror');
			return hosts.some((host) => addresses(state, host).some((a) => inNetwork(state.ip, a, cidr)));
		}
		case 'ptr': {
			countTerm(state);
			const target = targetOf(m, values);
			const response = answer(state, reverseName(state.ip), 'PTR');
			countVoid(state, response, 'PTR');
			// §5.5: names whose own addresses include the client are validated.
			const names = response.answers
				.flatMap((r) => (r.type === 'PTR' ? [r.target] : []))
				.slice(0, MAX_NAMES);
			return names.some(
				(n) =>
					(n === target || n.endsWith(`.${target}`)) &&
					addresses(state, n).some((a) => inNetwork(state.ip, a, state.ip.version === 4 ? 32 : 128))
			);
		}
		case 'exists': {
			countTerm(state);
			const response = answer(state, targetOf(m, values), 'A');
			countVoid(state, response, 'A');
			return response.answers.some((r) => r.type === 'A');
		}
	}
}

function evaluateDomain(state: HostState, domain: string, sender: string): SpfResult {
	// §4.3: a domain that is not a valid multi-label name gives none.
	if (!domain.includes('.') || domain.split('.').some((l) => l === '' || l.length > 63)) {
		return 'none';
	}
	const response = answer(state, domain, 'TXT');
	const records = response.rcode === 'NXDOMAIN' ? [] : spfRecordsOf(response);
	if (records.length === 0) return 'none';
	if (records.length > 1) return 'permerror';
	const parsed = parseSpfRecord(records[0]!);
	if (!parsed.ok) return 'permerror';
	const values: MacroValues = {
		sender,
		domain,
		ip: macroForm(state.ip),
		ipVersion: state.ip.version === 4 ? 'in-addr' : 'ip6',
	};
	try {
		for (const m of parsed.record.mechanisms) {
			if (matches(state, m, values)) return QUALIFIER_RESULT[m.qualifier];
		}
		const redirect = parsed.record.redirect;
		if (redirect) {
			countTerm(state);
			const result = evaluateDomain(
				state,
				targetOf({ domainTokens: redirect.tokens }, values),
				sender
			);
			// §6.1: a redirect to a domain without a record is a permerror.
			return result === 'none' ? 'permerror' : result;
		}
		return 'neutral';
	} catch (error) {
		if (error instanceof Outcome) return error.result;
		throw error;
	}
}

/** check_host(ip, domain, sender) of RFC 7208 §4; throws PendingAnswer for a missing answer. */
export function checkHost(input: CheckHostInput, lookup: Lookup): SpfResult {
	const ip = parseIp(input.ip);
	if (!ip) throw new Error(`Not an IP address: ${input.ip}`);
	const state: HostState = { lookup, ip, lookups: 0, voids: 0 };
	const domain = lower(input.domain);
	const sender = input.sender ?? `postmaster@${domain}`;
	try {
		return evaluateDomain(state, domain, sender);
	} catch (error) {
		if (error instanceof Outcome) return error.result;
		throw error;
	}
}

// ---------------------------------------------------------------------------------------------
// The whole tree, for the checker

export type SpfProblem =
	| { kind: 'none' }
	| { kind: 'multiple'; domain: string; count: number }
	| { kind: 'syntax'; domain: string; term: string; reason: SyntaxReason }
	| { kind: 'targetMissing'; domain: string; target: string; via: 'include' | 'redirect' }
	| { kind: 'loop'; domain: string; target: string }
	| { kind: 'tooManyLookups'; count: number }
	| { kind: 'voidLookups'; count: number; names: string[] }
	| { kind: 'dns'; name: string; type: QueryType; failure: DohFailure; detail?: string };

export interface SpfRecordFound {
	domain: string;
	text: string;
	depth: number;
	via?: 'include' | 'redirect';
}

export interface SpfAnalysis {
	/** The first definitive problem, in evaluation order; none means the tree is valid. */
	problem?: SpfProblem;
	/** DNS-querying terms over every record reached (§4.6.4). */
	lookups: number;
	voidLookups: number;
	/** The records reached, the domain's own first. */
	records: SpfRecordFound[];
	/** Every domain reached through include or redirect (expanded, lower case). */
	targets: string[];
	/** The `all` the evaluation ends on: the record's own, or its redirect target's (§6.1). */
	all?: { qualifier: Qualifier; domain: string };
	/** Whether the domain's record ends with a redirect (its target's `all` applies). */
	redirected: boolean;
	/** Terms whose target depends on the message (sender, address): counted, not followed. */
	messageDependent: string[];
	/** Terms RFC 7208 discourages: `ptr` (§5.5). */
	discouraged: string[];
	/** Terms after the first `all`, which no evaluation ever reaches. */
	unreachable: string[];
}

export type AnalysisResult =
	{ state: 'pending'; questions: DnsQuestion[] } | { state: 'done'; analysis: SpfAnalysis };

class Stop {
	constructor(readonly problem: SpfProblem) {}
}

/** Walks `domain`'s SPF tree; asks every question one level needs at once. */
export function analyzeSpf(domainName: string, lookup: Lookup): AnalysisResult {
	const domain = lower(domainName);
	const pending = new Map<string, DnsQuestion>();
	const analysis: SpfAnalysis = {
		lookups: 0,
		voidLookups: 0,
		records: [],
		targets: [],
		redirected: false,
		messageDependent: [],
		discouraged: [],
		unreachable: [],
	};
	const voidNames: string[] = [];
	const ask = (name: string, type: QueryType): DnsResponse | undefined => {
		const result = lookup(name, type);
		if (result.state === 'pending') {
			pending.set(`${type}:${name}`, { name, type });
			return undefined;
		}
		if (result.state === 'failed')
			throw new Stop({ kind: 'dns', name, type, failure: result.failure, detail: result.detail });
		return result.response;
	};
	const count = () => {
		analysis.lookups++;
		if (analysis.lookups > MAX_LOOKUPS)
			throw new Stop({ kind: 'tooManyLookups', count: analysis.lookups });
	};
	/** A void answer to one term (all its questions answered and empty). */
	const voidTerm = (name: string, responses: Array<[DnsResponse | undefined, QueryType]>) => {
		if (responses.some(([r]) => r === undefined)) return;
		if (responses.every(([r, type]) => isVoid(r!, type))) {
			analysis.voidLookups++;
			voidNames.push(name);
			if (analysis.voidLookups > MAX_VOID_LOOKUPS) {
				throw new Stop({ kind: 'voidLookups', count: analysis.voidLookups, names: voidNames });
			}
		}
	};

	/** Returns the `all` this record's evaluation ends on, if known. */
	const walk = (
		current: string,
		stack: string[],
		depth: number,
		via?: 'include' | 'redirect',
		parent?: string
	): SpfAnalysis['all'] | 'pending' => {
		const response = ask(current, 'TXT');
		if (!response) return 'pending';
		const records = response.rcode === 'NXDOMAIN' ? [] : spfRecordsOf(response);
		if (records.length === 0) {
			throw new Stop(
				via ? { kind: 'targetMissing', domain: parent!, target: current, via } : { kind: 'none' }
			);
		}
		if (records.length > 1)
			throw new Stop({ kind: 'multiple', domain: current, count: records.length });
		const text = records[0]!;
		analysis.records.push({ domain: current, text, depth, ...(via ? { via } : {}) });
		const parsed = parseSpfRecord(text);
		if (!parsed.ok) {
			throw new Stop({ kind: 'syntax', domain: current, term: parsed.term, reason: parsed.reason });
		}
		const record: SpfRecord = parsed.record;
		const values: MacroValues = { sender: `postmaster@${domain}`, domain: current };
		const follow = (tokens: Mechanism['domainTokens'], term: string): string | undefined => {
			if (!tokens) return current;
			if (messageLetters(tokens).length > 0) {
				analysis.messageDependent.push(term);
				return undefined;
			}
			return lower(truncateDomain(expandTokens(tokens, values)));
		};
		let all: SpfAnalysis['all'] | 'pending' | undefined;
		let allSeen = false;
		for (const m of record.mechanisms) {
			if (allSeen) {
				analysis.unreachable.push(m.text);
				continue;
			}
			if (LOOKUP_TERMS.has(m.name)) count();
			switch (m.name) {
				case 'all':
					allSeen = true;
					all = { qualifier: m.qualifier, domain: current };
					break;
				case 'include': {
					const target = follow(m.domainTokens, m.text);
					if (!target) break;
					if (stack.includes(target)) throw new Stop({ kind: 'loop', domain: current, target });
					analysis.targets.push(target);
					walk(target, [...stack, target], depth + 1, 'include', current);
					break;
				}
				case 'a': {
					const target = follow(m.domainTokens, m.text);
					if (target)
						voidTerm(target, [
							[ask(target, 'A'), 'A'],
							[ask(target, 'AAAA'), 'AAAA'],
						]);
					break;
				}
				case 'mx': {
					const target = follow(m.domainTokens, m.text);
					if (target) voidTerm(target, [[ask(target, 'MX'), 'MX']]);
					break;
				}
				case 'exists': {
					const target = follow(m.domainTokens, m.text);
					if (target) voidTerm(target, [[ask(target, 'A'), 'A']]);
					break;
				}
				case 'ptr':
					analysis.discouraged.push(m.text);
					follow(m.domainTokens, m.text);
					break;
				default:
					break;
			}
		}
		// §6.1: redirect applies only when no mechanism matched; with an `all` it never does.
		if (record.redirect && !allSeen) {
			count();
			if (depth === 0) analysis.redirected = true;
			const target = follow(record.redirect.tokens, record.redirect.text);
			if (target) {
				if (stack.includes(target)) throw new Stop({ kind: 'loop', domain: current, target });
				analysis.targets.push(target);
				all = walk(target, [...stack, target], depth + 1, 'redirect', current);
			}
		}
		return all;
	};

	try {
		const all = walk(domain, [domain], 0);
		if (pending.size > 0) return { state: 'pending', questions: [...pending.values()] };
		if (all && all !== 'pending') analysis.all = all;
		return { state: 'done', analysis };
	} catch (error) {
		if (!(error instanceof Stop)) throw error;
		// A DNS failure is only final once nothing else is pending (another answer may show a
		// definitive problem first); every other problem is final at once.
		if (error.problem.kind === 'dns' && pending.size > 0) {
			return { state: 'pending', questions: [...pending.values()] };
		}
		return { state: 'done', analysis: { ...analysis, problem: error.problem } };
	}
}
