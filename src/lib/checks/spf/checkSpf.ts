/**
 * The `spf` verdict (DESIGN.md "Sending, autodiscover and registration rules"; RFC 7208): one
 * record at the domain, valid, within the lookup limits, authorising the provider's servers
 * for the offer, and ending on a policy that tells receivers what to do with the rest.
 * Pure: answers come through `lookup`; missing ones are returned as questions.
 */
import type { Offer, Provider } from '../../../schemas/provider';
import { canonicalHost } from '../../dns/normalizeDomain';
import { errorVerdict } from '../errorVerdict';
import { byteLength, printable } from '../printable';
import type { FoundRecord, Message, Verdict } from '../types';
import {
	analyzeSpf,
	checkHost,
	MAX_LOOKUPS,
	PendingAnswer,
	type DnsQuestion,
	type Lookup,
	type SpfAnalysis,
	type SpfProblem,
} from './evaluateSpf';
import { SYNTAX_REASONS } from './parseSpfRecord';

export interface SpfCheckInput {
	provider: Provider;
	offer: Offer;
	/** The domain, in A-labels. */
	domain: string;
	server?: string;
	lookup: Lookup;
}

export type SpfCheckResult =
	{ state: 'pending'; questions: DnsQuestion[] } | { state: 'done'; verdict: Verdict };

/** RFC 7208 §3.4: keep the record small enough for a 512-byte UDP answer (about 450 bytes). */
export const SPF_SIZE_GUIDANCE = 450;

const ALL_TERM = /^[+\-~?]?all$/i;

/** Where the private server's own addresses go in the expected record, before they are known. */
export const SERVER_ADDRESS_PLACEHOLDER = { ip4: '{IPv4}', ip6: '{IPv6}' };

/** The record the domain should have: the provider's include, or the Private server's addresses. */
export function expectedSpfRecord(
	provider: Provider,
	offer: Offer,
	addresses?: { ip4: string[]; ip6: string[] }
): string {
	const all = `${provider.spf.allQualifier}all`;
	if (offer === 'hosted') return `v=spf1 include:${provider.spf.include} ${all}`;
	const ip4 = addresses?.ip4.length ? addresses.ip4 : [SERVER_ADDRESS_PLACEHOLDER.ip4];
	const ip6 = addresses ? addresses.ip6 : [SERVER_ADDRESS_PLACEHOLDER.ip6];
	return ['v=spf1', ...ip4.map((a) => `ip4:${a}`), ...ip6.map((a) => `ip6:${a}`), all].join(' ');
}

/** The zone-file line of the expected record. */
export function spfZoneLine(
	provider: Provider,
	domain: string,
	offer: Offer,
	addresses?: { ip4: string[]; ip6: string[] }
): string {
	return `${domain}. IN TXT "${expectedSpfRecord(provider, offer, addresses)}"`;
}

/**
 * The existing record with `terms` added before its `all` (or redirect), `+all` made the
 * provider's qualifier: the fix keeps every sender the person already authorises.
 */
export function mergeSpfRecord(existing: string, terms: string[], provider: Provider): string {
	const words = existing.split(' ').filter(Boolean);
	const fresh = terms.filter((t) => !words.some((w) => w.toLowerCase() === t.toLowerCase()));
	const end = words.findIndex((w, i) => i > 0 && (ALL_TERM.test(w) || /^redirect=/i.test(w)));
	const all = `${provider.spf.allQualifier}all`;
	if (end < 0) return [...words, ...fresh, all].join(' ');
	const tail = words.slice(end).map((w) => (/^\+?all$/i.test(w) ? all : w));
	return [...words.slice(0, end), ...fresh, ...tail].join(' ');
}

function problemVerdict(problem: SpfProblem): {
	key: string;
	fix: string;
	params: Record<string, string | number>;
} {
	switch (problem.kind) {
		case 'none':
			return { key: 'dns.spf.none', fix: 'dns.fix.spfCreate', params: {} };
		case 'multiple':
			return {
				key: 'dns.spf.multiple',
				fix: 'dns.fix.spfMerge',
				params: { count: problem.count, domain: problem.domain },
			};
		case 'syntax':
			return {
				key: 'dns.spf.syntax',
				fix: 'dns.fix.spfSyntax',
				params: {
					term: printable(problem.term, 80),
					domain: problem.domain,
					reason: problem.reason,
				},
			};
		case 'targetMissing':
			return {
				key:
					problem.via === 'include'
						? 'dns.spf.includeTargetMissing'
						: 'dns.spf.redirectTargetMissing',
				fix: 'dns.fix.spfTarget',
				params: { target: problem.target, domain: problem.domain },
			};
		case 'loop':
			return {
				key: 'dns.spf.loop',
				fix: 'dns.fix.spfLoop',
				params: { target: problem.target, domain: problem.domain },
			};
		case 'tooManyLookups':
			return {
				key: 'dns.spf.tooManyLookups',
				fix: 'dns.fix.spfLookups',
				params: { count: problem.count, limit: MAX_LOOKUPS },
			};
		case 'voidLookups':
			return {
				key: 'dns.spf.voidLookups',
				fix: 'dns.fix.spfVoid',
				params: { count: problem.count, names: problem.names.join(', ') },
			};
		case 'dns':
			throw new Error('DNS failures are error verdicts');
	}
}

const foundOf = (analysis: SpfAnalysis, wrong: boolean): FoundRecord[] =>
	analysis.records.map((r, i) => ({
		text: i === 0 ? printable(r.text) : `${r.domain}: ${printable(r.text)}`,
		ttl: 0,
		judgement: wrong && i === 0 ? 'wrong' : 'ok',
	}));

function addressesOf(lookup: Lookup, server: string) {
	const questions: DnsQuestion[] = [];
	const read = (type: 'A' | 'AAAA') => {
		const result = lookup(server, type);
		if (result.state === 'pending') {
			questions.push({ name: server, type });
			return undefined;
		}
		return result;
	};
	return { a: read('A'), aaaa: read('AAAA'), questions };
}

export function checkSpf(input: SpfCheckInput): SpfCheckResult {
	const { provider, offer, lookup } = input;
	const server = input.server ? canonicalHost(input.server) : undefined;
	const wantsServer = offer === 'private' && server !== undefined;
	const analysisResult = analyzeSpf(input.domain, lookup);
	const serverAnswers = wantsServer ? addressesOf(lookup, server) : undefined;
	if (analysisResult.state === 'pending' || (serverAnswers?.questions.length ?? 0) > 0) {
		return {
			state: 'pending',
			questions: [
				...(analysisResult.state === 'pending' ? analysisResult.questions : []),
				...(serverAnswers?.questions ?? []),
			],
		};
	}
	const analysis = (analysisResult as Extract<typeof analysisResult, { state: 'done' }>).analysis;
	const anchor = provider.checkAnchors.spf;
	const top = analysis.records[0]?.text;

	// The server's addresses, for the expected record and the check of Private Exchange.
	let addresses: { ip4: string[]; ip6: string[] } | undefined;
	if (serverAnswers) {
		for (const r of [serverAnswers.a, serverAnswers.aaaa]) {
			if (r?.state === 'failed') {
				return { state: 'done', verdict: errorVerdict(provider, 'spf', r.failure, r.detail) };
			}
		}
		const read = (r: typeof serverAnswers.a, type: 'A' | 'AAAA') =>
			r?.state === 'answer'
				? r.response.answers.flatMap((x) => (x.type === type ? [x.address] : []))
				: [];
		addresses = { ip4: read(serverAnswers.a, 'A'), ip6: read(serverAnswers.aaaa, 'AAAA') };
	}
	const expectedRecord = expectedSpfRecord(provider, offer, addresses);
	const notes: Message[] = [
		{ key: 'dns.note.spfLookups', params: { count: analysis.lookups, limit: MAX_LOOKUPS } },
	];
	if (analysis.messageDependent.length > 0)
		notes.push({
			key: 'dns.note.spfMacro',
			params: { terms: analysis.messageDependent.map((t) => printable(t, 80)).join(' ') },
		});
	if (analysis.discouraged.length > 0)
		notes.push({ key: 'dns.note.spfPtr', params: { terms: analysis.discouraged.join(' ') } });
	if (analysis.unreachable.length > 0)
		notes.push({
			key: 'dns.note.spfUnreachable',
			params: { terms: analysis.unreachable.map((t) => printable(t, 80)).join(' ') },
		});

	const verdict = (
		status: Verdict['status'],
		key: string,
		params: Record<string, string | number> = {},
		fix?: { key: string; params?: Record<string, string | number> },
		wrong = status === 'fail'
	): SpfCheckResult => ({
		state: 'done',
		verdict: {
			check: 'spf',
			status,
			message: { key, params: { domain: input.domain, ...params } },
			expected: [expectedRecord],
			found: foundOf(analysis, wrong),
			...(fix
				? {
						fix: {
							key: fix.key,
							params: { domain: input.domain, record: expectedRecord, ...fix.params },
						},
					}
				: {}),
			notes,
			anchor,
		},
	});

	const problem = analysis.problem;
	if (problem?.kind === 'dns') {
		return {
			state: 'done',
			verdict: errorVerdict(provider, 'spf', problem.failure, problem.detail),
		};
	}
	if (problem) {
		const { key, fix, params } = problemVerdict(problem);
		if (problem.kind === 'syntax') notes.push({ key: `dns.note.spfSyntax.${problem.reason}` });
		return verdict('fail', key, params, { key: fix, params });
	}
	const record = top!;
	// +all authorises every host on the internet (RFC 7208 §5.1 lets it, §10.1 warns).
	if (analysis.all?.qualifier === '+') {
		return verdict(
			'fail',
			'dns.spf.passAll',
			{},
			{ key: 'dns.fix.spfAll', params: { record: mergeSpfRecord(record, [], provider) } }
		);
	}

	// Authorisation of the provider's servers for the offer.
	if (offer === 'hosted') {
		if (!analysis.targets.includes(provider.spf.include)) {
			return verdict(
				'fail',
				'dns.spf.includeMissing',
				{ include: provider.spf.include, term: `include:${provider.spf.include}` },
				{
					key: 'dns.fix.spfAddInclude',
					params: {
						include: provider.spf.include,
						term: `include:${provider.spf.include}`,
						record: mergeSpfRecord(record, [`include:${provider.spf.include}`], provider),
					},
				}
			);
		}
	} else if (!server) {
		notes.push({ key: 'dns.note.spfPrivate', params: { term: `include:${provider.spf.include}` } });
		return verdict('warn', 'dns.spf.serverUnverified', {}, { key: 'dns.fix.giveServer' }, false);
	} else {
		const all = [...addresses!.ip4, ...addresses!.ip6];
		if (all.length === 0) {
			return verdict(
				'warn',
				'dns.spf.serverNoAddress',
				{ server },
				{ key: 'dns.fix.giveServer' },
				false
			);
		}
		for (const ip of all) {
			let result;
			try {
				result = checkHost({ ip, domain: input.domain }, lookup);
			} catch (error) {
				if (error instanceof PendingAnswer)
					return { state: 'pending', questions: [error.question] };
				throw error;
			}
			if (result === 'temperror') {
				return { state: 'done', verdict: errorVerdict(provider, 'spf', 'servfail') };
			}
			if (result !== 'pass') {
				const terms = [
					...addresses!.ip4.map((a) => `ip4:${a}`),
					...addresses!.ip6.map((a) => `ip6:${a}`),
				];
				return verdict(
					'fail',
					'dns.spf.serverNotAuthorised',
					{ server, address: ip, result },
					{
						key: 'dns.fix.spfAddServer',
						params: { server, record: mergeSpfRecord(record, terms, provider) },
					}
				);
			}
		}
	}

	// The policy for every other sender.
	const size = byteLength(record);
	if (size > SPF_SIZE_GUIDANCE)
		notes.push({ key: 'dns.note.spfLarge', params: { size, limit: SPF_SIZE_GUIDANCE } });
	if (!analysis.all) {
		return verdict(
			'warn',
			analysis.redirected ? 'dns.spf.redirectNoAll' : 'dns.spf.noAll',
			{},
			{ key: 'dns.fix.spfAll', params: { record: mergeSpfRecord(record, [], provider) } },
			false
		);
	}
	if (analysis.all.qualifier === '?') {
		return verdict(
			'warn',
			'dns.spf.neutralAll',
			{ qualifierDomain: analysis.all.domain },
			{
				key: 'dns.fix.spfAll',
				params: {
					record: record.replace(/(^| )\?all( |$)/i, `$1${provider.spf.allQualifier}all$2`),
				},
			},
			false
		);
	}
	if (size > SPF_SIZE_GUIDANCE) {
		return verdict(
			'warn',
			'dns.spf.large',
			{ size, limit: SPF_SIZE_GUIDANCE },
			{ key: 'dns.fix.spfLarge' },
			false
		);
	}
	return verdict('pass', 'dns.spf.pass', {
		all: `${analysis.all.qualifier}all`,
		lookups: analysis.lookups,
	});
}

/** Every key the SPF verdict can carry (errors aside). */
export const SPF_MESSAGE_KEYS: readonly string[] = [
	'dns.spf.pass',
	'dns.spf.none',
	'dns.spf.multiple',
	'dns.spf.syntax',
	'dns.spf.includeTargetMissing',
	'dns.spf.redirectTargetMissing',
	'dns.spf.loop',
	'dns.spf.tooManyLookups',
	'dns.spf.voidLookups',
	'dns.spf.passAll',
	'dns.spf.includeMissing',
	'dns.spf.serverUnverified',
	'dns.spf.serverNoAddress',
	'dns.spf.serverNotAuthorised',
	'dns.spf.noAll',
	'dns.spf.redirectNoAll',
	'dns.spf.neutralAll',
	'dns.spf.large',
	'dns.fix.spfCreate',
	'dns.fix.spfMerge',
	'dns.fix.spfSyntax',
	'dns.fix.spfTarget',
	'dns.fix.spfLoop',
	'dns.fix.spfLookups',
	'dns.fix.spfVoid',
	'dns.fix.spfAll',
	'dns.fix.spfAddInclude',
	'dns.fix.spfAddServer',
	'dns.fix.spfLarge',
	'dns.fix.giveServer',
	'dns.note.spfLookups',
	'dns.note.spfMacro',
	'dns.note.spfPtr',
	'dns.note.spfUnreachable',
	'dns.note.spfLarge',
	'dns.note.spfPrivate',
	...SYNTAX_REASONS.map((reason) => `dns.note.spfSyntax.${reason}`),
];
