/**
 * The `autodiscover` check as a registry module: `autodiscover.{domain}` and `autoconfig.{domain}`
 * (A, with the CNAME chain the resolver followed; CNAME questions where it could not). Verdict
 * logic: `checkAutodiscover`.
 */
import {
	AUTODISCOVER_MESSAGE_KEYS,
	autodiscoverNames,
	checkAutodiscover,
} from '../checkAutodiscover';
import { ERROR_VERDICT_KEYS } from '../errorVerdict';
import { asEvaluation, lookupIn } from '../lookup';
import { dnsQuestion, type CheckModule } from '../questions';

export const autodiscoverModule: CheckModule = {
	id: 'autodiscover',
	inputs: ['offer', 'server'],
	messageKeys: [...AUTODISCOVER_MESSAGE_KEYS, ...ERROR_VERDICT_KEYS],
	questions: (ctx) =>
		autodiscoverNames(ctx.provider, ctx.domain.ascii).map((name) => dnsQuestion(name, 'A')),
	evaluate: (ctx, answers) =>
		asEvaluation(
			checkAutodiscover({
				provider: ctx.provider,
				offer: ctx.offer,
				domain: ctx.domain.ascii,
				server: ctx.server,
				lookup: lookupIn(answers),
			})
		),
};
