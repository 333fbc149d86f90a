/**
 * The `srv` check as a registry module: `_autodiscover._tcp.{domain}` SRV, and the domain's MX
 * (shared with the `mx` check, asked once) to tell a missing record from a missing domain.
 * Verdict logic: `checkSrv`.
 */
import { expectedRecords, srvZoneLine } from '../../records/expectedRecords';
import { checkSrv, srvOwner } from '../checkSrv';
import { ERROR_VERDICT_KEYS, errorVerdict } from '../errorVerdict';
import { dnsAnswer, dnsQuestion, type CheckModule } from '../questions';

export const srvModule: CheckModule = {
	id: 'srv',
	inputs: ['offer', 'server'],
	messageKeys: [
		'dns.srv.pass',
		'dns.srv.nxdomain',
		'dns.srv.none',
		'dns.srv.disabled',
		'dns.srv.target',
		'dns.srv.targetNotServer',
		'dns.srv.legacyNotServer',
		'dns.srv.port',
		'dns.srv.priorityWeight',
		'dns.srv.legacyTarget',
		'dns.srv.serverUnverified',
		'dns.srv.extra',
		'dns.fix.nxdomain',
		'dns.fix.srvCreate',
		'dns.fix.srvTarget',
		'dns.fix.srvValues',
		'dns.fix.srvExtra',
		'dns.fix.giveServer',
		'dns.note.srvExtra',
		...ERROR_VERDICT_KEYS,
	],
	questions: (ctx) => [
		dnsQuestion(srvOwner(ctx.provider, ctx.domain.ascii), 'SRV'),
		dnsQuestion(ctx.domain.ascii, 'MX'),
	],
	evaluate(ctx, answers) {
		const srv = dnsAnswer(answers, srvOwner(ctx.provider, ctx.domain.ascii), 'SRV');
		const mx = dnsAnswer(answers, ctx.domain.ascii, 'MX');
		if (!srv || !mx) return { kind: 'need', questions: srvModule.questions(ctx) };
		if (!srv.ok)
			return {
				kind: 'done',
				verdict: errorVerdict(ctx.provider, 'srv', srv.failure, srv.detail),
			};
		return {
			kind: 'done',
			verdict: checkSrv({
				provider: ctx.provider,
				offer: ctx.offer,
				server: ctx.server,
				response: srv.response,
				// A failed MX lookup proves nothing: judge the SRV answer alone.
				domainMissing: mx.ok && mx.response.rcode === 'NXDOMAIN',
			}),
		};
	},
	zoneLines: (ctx) => [
		srvZoneLine(ctx.domain.ascii, expectedRecords(ctx.provider, ctx.offer, ctx.setup, ctx.server)),
	],
};
