/**
 * The `dkim` check as a registry module: `{selector}._domainkey.{domain}` TXT for each selector of
 * the `dkim` parameter (none: `skip`), following the CNAME where the resolver does not. Verdict
 * logic: `checkDkim`.
 */
import { checkDkim, DKIM_MESSAGE_KEYS, dkimZoneLines, selectorOwner } from '../checkDkim';
import { ERROR_VERDICT_KEYS } from '../errorVerdict';
import { asEvaluation, lookupIn } from '../lookup';
import { dnsQuestion, type CheckModule } from '../questions';

export const dkimModule: CheckModule = {
	id: 'dkim',
	inputs: ['dkim'],
	messageKeys: [...DKIM_MESSAGE_KEYS, ...ERROR_VERDICT_KEYS],
	questions: (ctx) =>
		(ctx.dkim ?? []).map((selector) =>
			dnsQuestion(selectorOwner(selector, ctx.domain.ascii), 'TXT')
		),
	evaluate: (ctx, answers) =>
		asEvaluation(
			checkDkim({
				provider: ctx.provider,
				domain: ctx.domain.ascii,
				selectors: ctx.dkim,
				lookup: lookupIn(answers),
			})
		),
	zoneLines: (ctx) => dkimZoneLines(ctx.provider, ctx.domain.ascii, ctx.dkim),
};
