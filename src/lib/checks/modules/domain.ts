/**
 * The `domain` check as a registry module (issue 14): one RDAP question for the domain in its
 * A-label form, asked with every check's DNS questions; after a 404, its parent names
 * (`judgeRegistration`). Verdict logic: `checkDomain`; the lookup: src/lib/rdap.
 */
import { DOMAIN_MESSAGE_KEYS, judgeRegistration, type RegistrationFacts } from '../checkDomain';
import { rdapAnswer, type CheckModule, type RdapQuestion } from '../questions';
import type { Verdict, VerdictLink } from '../types';

export interface DomainVerdict extends Verdict {
	check: 'domain';
	registration: RegistrationFacts;
}

const rdapQuestion = (domain: string): RdapQuestion => ({ kind: 'rdap', domain });

export const domainModule: CheckModule = {
	id: 'domain',
	messageKeys: DOMAIN_MESSAGE_KEYS,
	questions: (ctx) => [rdapQuestion(ctx.domain.ascii)],
	evaluate(ctx, answers) {
		const step = judgeRegistration(ctx.domain, (name) => rdapAnswer(answers, name));
		if (step.kind === 'need') return { kind: 'need', questions: [rdapQuestion(step.domain)] };
		const { status, message, fix, notes, registration } = step.judgement;
		const links: VerdictLink[] = [];
		const registrar = registration.registrar;
		if (registrar?.url)
			links.push({
				message: {
					key: 'dns.domain.link.registrar',
					params: { registrar: registrar.name ?? new URL(registrar.url).host },
				},
				href: registrar.url,
			});
		// Where to look when the registry could not tell: the TLD's registry, as IANA lists it.
		if (status === 'error')
			links.push({
				message: {
					key: 'dns.domain.link.iana',
					params: { tld: ctx.domain.ascii.split('.').pop()! },
				},
				href: registration.whereToCheck,
			});
		const verdict: DomainVerdict = {
			check: 'domain',
			status,
			message,
			...(fix ? { fix } : {}),
			notes,
			// The registration is no DNS record: no expected and found lists.
			expected: [],
			found: [],
			records: false,
			links,
			anchor: ctx.provider.checkAnchors.domain,
			registration,
		};
		return { kind: 'done', verdict };
	},
};
