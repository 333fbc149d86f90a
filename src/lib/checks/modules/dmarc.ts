/**
 * The `dmarc` check as a registry module: `_dmarc.{domain}` TXT, then the §7.1 authorisation of
 * report domains elsewhere. Verdict logic: `checkDmarc`.
 */
import { checkDmarc, DMARC_MESSAGE_KEYS, dmarcOwner, dmarcZoneLine } from '../checkDmarc';
import { ERROR_VERDICT_KEYS } from '../errorVerdict';
import { asEvaluation, lookupIn } from '../lookup';
import { dnsQuestion, type CheckModule } from '../questions';

export const dmarcModule: CheckModule = {
	id: 'dmarc',
	messageKeys: [...DMARC_MESSAGE_KEYS, ...ERROR_VERDICT_KEYS],
	questions: (ctx) => [dnsQuestion(dmarcOwner(ctx.domain.ascii), 'TXT')],
	evaluate: (ctx, answers) =>
		asEvaluation(
			checkDmarc({ provider: ctx.provider, domain: ctx.domain.ascii, lookup: lookupIn(answers) })
		),
	zoneLines: (ctx) => [dmarcZoneLine(ctx.provider, ctx.domain.ascii)],
};
