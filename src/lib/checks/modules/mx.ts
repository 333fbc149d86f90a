/**
 * The `mx` check as a registry module: the domain's MX, then (second round, only for hosts the
 * rules do not know) an A lookup of each MX host to find aliases (RFC 2181 §10.3: an MX must name
 * a host, never an alias). Verdict logic: `checkMx`.
 */
import type { Provider } from '../../../schemas/provider';
import type { DnsResponse } from '../../dns/wire';
import { expectedRecords, mxZoneLines } from '../../records/expectedRecords';
import { checkMx } from '../checkMx';
import { ERROR_VERDICT_KEYS, errorVerdict } from '../errorVerdict';
import { INFERENCE_BASES, isServerLike } from '../inferSetup';
import { dnsAnswer, dnsQuestion, type CheckContext, type CheckModule } from '../questions';

/** At most this many MX hosts get the follow-up alias lookup (a sane zone has a handful). */
export const MAX_ALIAS_LOOKUPS = 5;

/** The MX hosts worth an alias lookup: those no rule knows, so the common case is one round. */
export function aliasCandidates(ctx: CheckContext, response: DnsResponse): string[] {
	const known = knownHosts(ctx.provider);
	return [
		...new Set(
			response.answers
				.flatMap((r) => (r.type === 'MX' ? [r.exchange] : []))
				.filter(
					(host) =>
						host !== '' &&
						!known.has(host) &&
						!isServerLike(ctx.provider, ctx.offer, host, ctx.server) &&
						!/^[\d.]+$/.test(host) &&
						!host.includes(':')
				)
		),
	].slice(0, MAX_ALIAS_LOOKUPS);
}

function knownHosts(provider: Provider): Set<string> {
	return new Set(
		provider.setups.flatMap((r) =>
			r.mx.kind === 'hosts'
				? [...r.mx.current.hosts, ...r.mx.legacy.flatMap((l) => l.hosts)]
				: r.mx.legacy.flatMap((l) => l.hosts)
		)
	);
}

export const mxModule: CheckModule = {
	id: 'mx',
	inputs: ['offer', 'setup', 'server'],
	messageKeys: [
		'dns.mx.pass',
		'dns.mx.nxdomain',
		'dns.mx.none',
		'dns.mx.nullMx',
		'dns.mx.ipLiteral',
		'dns.mx.cname',
		'dns.mx.split',
		'dns.mx.serverForAntispamSetup',
		'dns.mx.antispamForServerSetup',
		'dns.mx.legacyNotServer',
		'dns.mx.otherServer',
		'dns.mx.foreign',
		'dns.mx.legacy',
		'dns.mx.olderList',
		'dns.mx.serverUnverified',
		'dns.fix.nxdomain',
		'dns.fix.mxNone',
		'dns.fix.mxReplaceAll',
		'dns.fix.mxIpLiteral',
		'dns.fix.mxCname',
		'dns.fix.mxSplit',
		'dns.fix.mxServerForAntispamSetup',
		'dns.fix.mxAntispamForServerSetup',
		'dns.fix.mxLegacyNotServer',
		'dns.fix.mxOtherServer',
		'dns.fix.mxForeign',
		'dns.fix.mxLegacy',
		'dns.fix.mxOlderList',
		'dns.fix.giveServer',
		'dns.note.privateServerName',
		...INFERENCE_BASES.map((basis) => `dns.note.setupInferred.${basis}`),
		...ERROR_VERDICT_KEYS,
	],
	questions: (ctx) => [dnsQuestion(ctx.domain.ascii, 'MX')],
	evaluate(ctx, answers) {
		const answer = dnsAnswer(answers, ctx.domain.ascii, 'MX');
		if (!answer) return { kind: 'need', questions: mxModule.questions(ctx) };
		if (!answer.ok)
			return {
				kind: 'done',
				verdict: errorVerdict(ctx.provider, 'mx', answer.failure, answer.detail),
			};
		const candidates = aliasCandidates(ctx, answer.response);
		const unasked = candidates.filter((host) => !dnsAnswer(answers, host, 'A'));
		if (unasked.length)
			return { kind: 'need', questions: unasked.map((host) => dnsQuestion(host, 'A')) };
		const aliases: Record<string, string> = {};
		for (const host of candidates) {
			const lookup = dnsAnswer(answers, host, 'A');
			// A failed alias lookup proves nothing either way: the host is judged by its name.
			const first = lookup?.ok ? lookup.response.cnames[0] : undefined;
			if (first) aliases[host] = first.target;
		}
		return {
			kind: 'done',
			verdict: checkMx({
				provider: ctx.provider,
				offer: ctx.offer,
				setup: ctx.setup,
				server: ctx.server,
				response: answer.response,
				aliases,
			}),
		};
	},
	zoneLines: (ctx) =>
		mxZoneLines(ctx.domain.ascii, expectedRecords(ctx.provider, ctx.offer, ctx.setup, ctx.server)),
};
