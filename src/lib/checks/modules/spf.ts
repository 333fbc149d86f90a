/**
 * The `spf` check as a registry module: the domain's TXT, then the include/redirect tree a level
 * at a time, and for Private Exchange with the server given its A and AAAA (asked in the first
 * round). Verdict logic: `checkSpf` (src/lib/checks/spf/).
 */
import { ERROR_VERDICT_KEYS } from '../errorVerdict';
import { asEvaluation, lookupIn } from '../lookup';
import { dnsQuestion, type CheckModule } from '../questions';
import { checkSpf, SPF_MESSAGE_KEYS, spfZoneLine } from '../spf/checkSpf';

export const spfModule: CheckModule = {
	id: 'spf',
	inputs: ['offer', 'server'],
	messageKeys: [...SPF_MESSAGE_KEYS, ...ERROR_VERDICT_KEYS],
	questions: (ctx) => [
		dnsQuestion(ctx.domain.ascii, 'TXT'),
		...(ctx.offer === 'private' && ctx.server
			? [dnsQuestion(ctx.server, 'A'), dnsQuestion(ctx.server, 'AAAA')]
			: []),
	],
	evaluate: (ctx, answers) =>
		asEvaluation(
			checkSpf({
				provider: ctx.provider,
				offer: ctx.offer,
				domain: ctx.domain.ascii,
				server: ctx.server,
				lookup: lookupIn(answers),
			})
		),
	zoneLines: (ctx) => [spfZoneLine(ctx.provider, ctx.domain.ascii, ctx.offer)],
};
