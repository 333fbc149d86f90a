/**
 * The `domain` check's verdict from the registry's RDAP answer (DESIGN.md "Registration (RDAP)",
 * the guides' "service validity" step): expired, or a status that stops mail (`client hold`,
 * `server hold`, `redemption period`, `pending delete`, `inactive`): `fail`; expiring within 30
 * days: `warn`; else `pass`. No answer, or one that cannot be read: `error` with where to check
 * instead, never a misconfiguration. Pure: the clock is a parameter.
 */
import type { RdapAnswer } from '../rdap/lookupRdap';
import type { RdapDate, RdapRegistrar } from '../rdap/parseRdap';
import type { CheckStatus, Message } from './types';

/**
 * RFC 8056 §2 status values under which the domain stops working for mail, most final first
 * (the fix of the first one found is given). RFC 5731 §2.3 and RFC 3915 §3.1 define them:
 * on hold, the registry publishes no delegation; in redemption or pending delete, the domain
 * has been deleted; `inactive`, it has no name servers.
 */
export const BLOCKING_STATUSES = {
	'pending delete': 'pendingDelete',
	'redemption period': 'redemptionPeriod',
	'server hold': 'serverHold',
	'client hold': 'clientHold',
	inactive: 'inactive',
} as const;
export type BlockingStatus = (typeof BLOCKING_STATUSES)[keyof typeof BLOCKING_STATUSES];

/** A registry lists a handful; more is noise (or hostile), and the report stays short. */
const MAX_STATUSES_SHOWN = 12;

/** DESIGN.md: a domain expiring within 30 days is a warning. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export interface RegistrationFacts {
	/** The expiry day (ISO `YYYY-MM-DD`, UTC), when the registry gave one that parses. */
	expires?: string;
	/** Calendar days (UTC) from today to the expiry day (negative once expired). */
	daysLeft?: number;
	registered?: string;
	lastChanged?: string;
	/** Every status value, in RFC 8056's words. */
	statuses: string[];
	blocking: BlockingStatus[];
	registrar?: RdapRegistrar;
	/** The RDAP query URL the answer came from. */
	source?: string;
	/** IANA's page for the TLD, which names the registry and its own lookup: where else to check. */
	whereToCheck: string;
}

export interface DomainJudgement {
	status: CheckStatus;
	message: Message;
	fix?: Message;
	notes: Message[];
	registration: RegistrationFacts;
}

/** IANA's root zone database page for a TLD (A-label), e.g. https://www.iana.org/domains/root/db/fr.html. */
export function ianaTldPage(tld: string): string {
	return `https://www.iana.org/domains/root/db/${encodeURIComponent(tld)}.html`;
}

function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

function day(value: RdapDate | undefined): string | undefined {
	return value?.date ? isoDay(value.date) : undefined;
}

export function checkDomain(answer: RdapAnswer, now: Date): DomainJudgement {
	const whereToCheck = ianaTldPage(answer.tld);
	const elsewhere: Message = {
		key: 'dns.domain.fix.elsewhere',
		params: { tld: answer.tld, iana: whereToCheck },
	};
	if (!answer.ok) {
		const params: Record<string, string> = {
			tld: answer.tld,
			detail: answer.detail ?? '',
			date: answer.bootstrapDate ?? '',
			service: answer.base ? new URL(answer.base).host : '',
		};
		return {
			status: 'error',
			message: { key: `dns.domain.error.${answer.failure}`, params },
			fix:
				answer.failure === 'notFound'
					? { key: 'dns.domain.fix.notFound', params: elsewhere.params }
					: elsewhere,
			notes: [],
			registration: {
				statuses: [],
				blocking: [],
				whereToCheck,
				...(answer.url ? { source: answer.url } : {}),
			},
		};
	}

	const record = answer.record;
	const blocking = (Object.keys(BLOCKING_STATUSES) as (keyof typeof BLOCKING_STATUSES)[])
		.filter((status) => record.statuses.includes(status))
		.map((status) => BLOCKING_STATUSES[status]);
	const expiry = record.expiration?.date;
	// Calendar days in UTC, as a reader counts them: expiring on the 12th seen on the 2nd is "in
	// 10 days", whatever the hour; the 30-day limit below is measured in time.
	const daysLeft = expiry
		? (Date.parse(isoDay(expiry)) - Date.parse(isoDay(now))) / DAY_MS
		: undefined;
	const registration: RegistrationFacts = {
		statuses: record.statuses,
		blocking,
		whereToCheck,
		...(answer.url ? { source: answer.url } : {}),
		...(expiry ? { expires: isoDay(expiry), daysLeft } : {}),
		...(day(record.registration) ? { registered: day(record.registration) } : {}),
		...(day(record.lastChanged) ? { lastChanged: day(record.lastChanged) } : {}),
		...(record.registrar ? { registrar: record.registrar } : {}),
	};
	const notes: Message[] = blocking.map((status) => ({ key: `dns.domain.status.${status}` }));
	if (record.registrar?.name)
		notes.push({ key: 'dns.domain.registrar', params: { registrar: record.registrar.name } });
	// The rest of what the registry says, as facts for the reader (and for support).
	if (registration.registered)
		notes.push({ key: 'dns.domain.fact.registered', params: { date: registration.registered } });
	if (registration.lastChanged)
		notes.push({ key: 'dns.domain.fact.lastChanged', params: { date: registration.lastChanged } });
	if (record.statuses.length)
		notes.push({
			key: 'dns.domain.fact.statuses',
			params: { statuses: record.statuses.slice(0, MAX_STATUSES_SHOWN).join(', ') },
		});
	const verdict = (status: CheckStatus, message: Message, fix?: Message): DomainJudgement => ({
		status,
		message,
		...(fix ? { fix } : {}),
		notes,
		registration,
	});

	// A status that stops mail outweighs any date, even one that does not parse.
	if (blocking.length > 0) {
		return verdict(
			'fail',
			{ key: 'dns.domain.blocked', params: { statuses: blocking.map(statusWords).join(', ') } },
			{ key: `dns.domain.fix.${blocking[0]}` }
		);
	}
	if (record.expiration && !expiry) {
		return {
			...verdict(
				'error',
				{ key: 'dns.domain.error.badDate', params: { raw: record.expiration.raw.slice(0, 64) } },
				elsewhere
			),
		};
	}
	if (expiry && daysLeft !== undefined) {
		const params = { date: isoDay(expiry), days: Math.max(daysLeft, 0) };
		if (expiry.getTime() <= now.getTime())
			return verdict(
				'fail',
				{ key: 'dns.domain.expired', params },
				{ key: 'dns.domain.fix.expired' }
			);
		if (expiry.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS)
			return verdict(
				'warn',
				{ key: 'dns.domain.expiring', params },
				{ key: 'dns.domain.fix.renew' }
			);
		return verdict('pass', { key: 'dns.domain.pass', params });
	}
	// Registered, nothing stops it, but the registry does not say until when.
	notes.push({ key: 'dns.domain.noExpiry', params: elsewhere.params });
	return verdict('pass', { key: 'dns.domain.passNoExpiry' });
}

/** `clientHold` -> `client hold`: RFC 8056's words, the same in every language (EPP terms). */
export function statusWords(status: BlockingStatus): string {
	return (Object.keys(BLOCKING_STATUSES) as (keyof typeof BLOCKING_STATUSES)[]).find(
		(words) => BLOCKING_STATUSES[words] === status
	)!;
}

/** Every key `checkDomain` can produce, for the check's `messageKeys`. */
export const DOMAIN_MESSAGE_KEYS = [
	'dns.domain.pass',
	'dns.domain.passNoExpiry',
	'dns.domain.expiring',
	'dns.domain.expired',
	'dns.domain.blocked',
	'dns.domain.registrar',
	'dns.domain.parent',
	'dns.domain.noExpiry',
	'dns.domain.fact.registered',
	'dns.domain.fact.lastChanged',
	'dns.domain.fact.statuses',
	'dns.domain.link.registrar',
	'dns.domain.link.iana',
	...Object.values(BLOCKING_STATUSES).flatMap((s) => [
		`dns.domain.status.${s}`,
		`dns.domain.fix.${s}`,
	]),
	'dns.domain.fix.renew',
	'dns.domain.fix.expired',
	'dns.domain.fix.elsewhere',
	'dns.domain.fix.notFound',
	'dns.domain.error.noService',
	'dns.domain.error.insecureService',
	'dns.domain.error.timeout',
	'dns.domain.error.network',
	'dns.domain.error.notFound',
	'dns.domain.error.http',
	'dns.domain.error.insecureRedirect',
	'dns.domain.error.notJson',
	'dns.domain.error.tooLarge',
	'dns.domain.error.incomplete',
	'dns.domain.error.badDate',
	'dns.domain.error.aborted',
] as const;

/** Parent names tried after a 404 (`a.b.example.com` -> `b.example.com` -> `example.com`). */
export const MAX_PARENT_LOOKUPS = 4;

export type DomainStep =
	{ kind: 'need'; domain: string } | { kind: 'done'; judgement: DomainJudgement };

/**
 * The registry knows registered domains only, and answers 404 for a name below one
 * (`mail.example.com`). Without a public-suffix list the registered domain is found by asking:
 * after a 404, the parent name is asked, down to two labels. PURE: `answerFor` gives the answer
 * to a name already asked, `undefined` otherwise. The clock is the answer's own time.
 */
export function judgeRegistration(
	domain: { ascii: string; unicode: string },
	answerFor: (ascii: string) => RdapAnswer | undefined
): DomainStep {
	const ascii = domain.ascii.split('.');
	const unicode = domain.unicode.split('.');
	for (let drop = 0; ; drop++) {
		const name = ascii.slice(drop).join('.');
		const answer = answerFor(name);
		if (!answer) return { kind: 'need', domain: name };
		const deeper = ascii.length - drop > 2 && drop < MAX_PARENT_LOOKUPS;
		if (!answer.ok && answer.failure === 'notFound' && deeper) continue;
		const judgement = checkDomain(answer, answer.ok ? answer.fetchedAt : new Date(0));
		if (drop > 0 && (answer.ok || answer.failure !== 'notFound')) {
			const shown = unicode.length === ascii.length ? unicode : ascii;
			judgement.notes.unshift({
				key: 'dns.domain.parent',
				params: { name: domain.unicode, domain: shown.slice(drop).join('.') },
			});
		}
		return { kind: 'done', judgement };
	}
}
